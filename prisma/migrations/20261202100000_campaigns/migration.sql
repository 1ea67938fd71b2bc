-- Special inspections (专项督查): campaigns, teams, targets; rectification actions (督促整改事项) opened by field findings;
-- a record may name its campaign target; a progress update may answer an action.
-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'ANSWERED', 'CONFIRMED', 'REOPENED');

-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "answersActionId" UUID;

-- AlterTable
ALTER TABLE "InspectionRecord" ADD COLUMN     "targetId" UUID;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "offices" TEXT[],
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "inspectionId" UUID NOT NULL,
    "actionDueDays" INTEGER NOT NULL DEFAULT 10,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTeam" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTeamMember" (
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CampaignTeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "methods" "RecordKind"[],
    "dueOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationAction" (
    "id" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "measureId" UUID,
    "campaignId" UUID,
    "targetId" UUID,
    "inspectorId" UUID NOT NULL,
    "rating" "Rating",
    "followUp" BOOLEAN NOT NULL DEFAULT false,
    "dueOn" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "answeredAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" UUID,
    "reopenedAt" TIMESTAMP(3),
    "reopenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_inspectionId_idx" ON "Campaign"("inspectionId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTeam_campaignId_name_key" ON "CampaignTeam"("campaignId", "name");

-- CreateIndex
CREATE INDEX "CampaignTeamMember_userId_idx" ON "CampaignTeamMember"("userId");

-- CreateIndex
CREATE INDEX "CampaignTarget_teamId_idx" ON "CampaignTarget"("teamId");

-- CreateIndex
CREATE INDEX "CampaignTarget_measureId_idx" ON "CampaignTarget"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_campaignId_measureId_key" ON "CampaignTarget"("campaignId", "measureId");

-- CreateIndex
CREATE INDEX "RectificationAction_unitId_status_idx" ON "RectificationAction"("unitId", "status");

-- CreateIndex
CREATE INDEX "RectificationAction_campaignId_idx" ON "RectificationAction"("campaignId");

-- CreateIndex
CREATE INDEX "RectificationAction_status_dueOn_idx" ON "RectificationAction"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationAction_recordId_unitId_key" ON "RectificationAction"("recordId", "unitId");

-- CreateIndex
CREATE INDEX "InspectionRecord_targetId_idx" ON "InspectionRecord"("targetId");

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_answersActionId_fkey" FOREIGN KEY ("answersActionId") REFERENCES "RectificationAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRecord" ADD CONSTRAINT "InspectionRecord_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "CampaignTarget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTeam" ADD CONSTRAINT "CampaignTeam_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTeamMember" ADD CONSTRAINT "CampaignTeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "CampaignTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTeamMember" ADD CONSTRAINT "CampaignTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "CampaignTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "InspectionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "CampaignTarget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationAction" ADD CONSTRAINT "RectificationAction_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

