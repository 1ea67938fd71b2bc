-- CreateEnum
CREATE TYPE "LookBackOutcome" AS ENUM ('PENDING', 'HELD', 'RELAPSED');

-- CreateEnum
CREATE TYPE "OpinionStatus" AS ENUM ('NEW', 'TRIAGED', 'ANSWERED', 'DISMISSED');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "inspectionRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "evidenceId" UUID,
ADD COLUMN     "undoesId" UUID,
ADD COLUMN     "verifiedByRecordId" UUID;

-- CreateTable
CREATE TABLE "MonthlyNotice" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "MonthlyNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookBack" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "closureId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "scheduledById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "LookBackOutcome" NOT NULL DEFAULT 'PENDING',
    "recordId" UUID,
    "note" TEXT,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "LookBack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" UUID NOT NULL,
    "problemId" UUID,
    "measureId" UUID,
    "unitId" UUID,
    "name" TEXT,
    "contact" TEXT,
    "text" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "OpinionStatus" NOT NULL DEFAULT 'NEW',
    "answer" TEXT,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyNotice_month_unitId_key" ON "MonthlyNotice"("month", "unitId");

-- CreateIndex
CREATE INDEX "LookBack_dueDate_outcome_idx" ON "LookBack"("dueDate", "outcome");

-- CreateIndex
CREATE INDEX "Opinion_status_createdAt_idx" ON "Opinion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Opinion_sourceHash_createdAt_idx" ON "Opinion"("sourceHash", "createdAt");

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "ProgressUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_verifiedByRecordId_fkey" FOREIGN KEY ("verifiedByRecordId") REFERENCES "InspectionRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_undoesId_fkey" FOREIGN KEY ("undoesId") REFERENCES "StatusChange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyNotice" ADD CONSTRAINT "MonthlyNotice_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyNotice" ADD CONSTRAINT "MonthlyNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyNotice" ADD CONSTRAINT "MonthlyNotice_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookBack" ADD CONSTRAINT "LookBack_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookBack" ADD CONSTRAINT "LookBack_closureId_fkey" FOREIGN KEY ("closureId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookBack" ADD CONSTRAINT "LookBack_scheduledById_fkey" FOREIGN KEY ("scheduledById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookBack" ADD CONSTRAINT "LookBack_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "InspectionRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

