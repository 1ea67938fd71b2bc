-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'INSPECTOR', 'UNIT_LIAISON');

-- CreateEnum
CREATE TYPE "Section" AS ENUM ('COMPLETED', 'CONTINUING');

-- CreateEnum
CREATE TYPE "RectStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSE_REQUESTED', 'CLOSED', 'RELAPSED');

-- CreateEnum
CREATE TYPE "RecordKind" AS ENUM ('SITE_VISIT', 'LEDGER_CHECK', 'ONSITE_QUESTIONING');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('ON_TRACK', 'LAGGING', 'PROBLEM_FOUND');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('COMPLETE', 'AWAITING_PHOTOS', 'CONFLICT');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "post" TEXT,
    "unitId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" UUID NOT NULL,
    "team" TEXT NOT NULL,
    "inspectedBody" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "feedbackDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "inspectionId" UUID NOT NULL,
    "reportDate" DATE,
    "issuer" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "contactText" TEXT,
    "headerText" TEXT NOT NULL,
    "organisation" JSONB NOT NULL,
    "nextSteps" JSONB NOT NULL,
    "summaryFigures" JSONB NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Problem" (
    "id" UUID NOT NULL,
    "inspectionId" UUID NOT NULL,
    "parentId" UUID,
    "section" "Section" NOT NULL,
    "number" INTEGER NOT NULL,
    "titleKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "RectStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "leadLeaderId" UUID,
    "responsibleUnitId" UUID,
    "deadline" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "numbered" BOOLEAN NOT NULL DEFAULT true,
    "text" TEXT NOT NULL,
    "subPoints" TEXT[],
    "status" "RectStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "leadLeaderId" UUID,
    "responsibleUnitId" UUID,
    "deadline" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemParticipant" (
    "problemId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "ProblemParticipant_pkey" PRIMARY KEY ("problemId","unitId")
);

-- CreateTable
CREATE TABLE "MeasureParticipant" (
    "measureId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "MeasureParticipant_pkey" PRIMARY KEY ("measureId","unitId")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" UUID NOT NULL,
    "problemId" UUID,
    "measureId" UUID,
    "fromStatus" "RectStatus",
    "toStatus" "RectStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "measureId" UUID,
    "unitId" UUID,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "receivedBytes" INTEGER NOT NULL DEFAULT 0,
    "mimeType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "variant" TEXT NOT NULL DEFAULT 'original',
    "uploadedById" UUID NOT NULL,
    "progressUpdateId" UUID,
    "recordId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionRecord" (
    "id" UUID NOT NULL,
    "kind" "RecordKind" NOT NULL,
    "inspectorId" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deviceTime" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracyM" DOUBLE PRECISION,
    "findings" TEXT NOT NULL DEFAULT '',
    "rating" "Rating",
    "followUpRequired" BOOLEAN NOT NULL DEFAULT false,
    "details" JSONB NOT NULL,
    "syncState" "SyncState" NOT NULL DEFAULT 'COMPLETE',
    "conflictOf" JSONB,

    CONSTRAINT "InspectionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionRecordMeasure" (
    "recordId" UUID NOT NULL,
    "measureId" UUID NOT NULL,

    CONSTRAINT "InspectionRecordMeasure_pkey" PRIMARY KEY ("recordId","measureId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "value" DECIMAL(65,30) NOT NULL,
    "unit" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "asOf" TEXT,
    "rawText" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_team_inspectedBody_key" ON "Inspection"("team", "inspectedBody");

-- CreateIndex
CREATE UNIQUE INDEX "Report_inspectionId_sourceSha256_key" ON "Report"("inspectionId", "sourceSha256");

-- CreateIndex
CREATE INDEX "Problem_section_number_idx" ON "Problem"("section", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_inspectionId_titleKey_key" ON "Problem"("inspectionId", "titleKey");

-- CreateIndex
CREATE INDEX "Measure_responsibleUnitId_idx" ON "Measure"("responsibleUnitId");

-- CreateIndex
CREATE INDEX "Measure_deadline_idx" ON "Measure"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_problemId_number_key" ON "Measure"("problemId", "number");

-- CreateIndex
CREATE INDEX "MeasureParticipant_unitId_idx" ON "MeasureParticipant"("unitId");

-- CreateIndex
CREATE INDEX "StatusChange_measureId_at_idx" ON "StatusChange"("measureId", "at");

-- CreateIndex
CREATE INDEX "StatusChange_problemId_at_idx" ON "StatusChange"("problemId", "at");

-- CreateIndex
CREATE INDEX "ProgressUpdate_measureId_createdAt_idx" ON "ProgressUpdate"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- CreateIndex
CREATE INDEX "Attachment_recordId_idx" ON "Attachment"("recordId");

-- CreateIndex
CREATE INDEX "InspectionRecord_problemId_deviceTime_idx" ON "InspectionRecord"("problemId", "deviceTime");

-- CreateIndex
CREATE INDEX "InspectionRecord_inspectorId_idx" ON "InspectionRecord"("inspectorId");

-- CreateIndex
CREATE INDEX "InspectionRecordMeasure_measureId_idx" ON "InspectionRecordMeasure"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_measureId_ordinal_key" ON "Indicator"("measureId", "ordinal");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_leadLeaderId_fkey" FOREIGN KEY ("leadLeaderId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_leadLeaderId_fkey" FOREIGN KEY ("leadLeaderId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemParticipant" ADD CONSTRAINT "ProblemParticipant_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemParticipant" ADD CONSTRAINT "ProblemParticipant_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureParticipant" ADD CONSTRAINT "MeasureParticipant_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureParticipant" ADD CONSTRAINT "MeasureParticipant_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_progressUpdateId_fkey" FOREIGN KEY ("progressUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "InspectionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRecord" ADD CONSTRAINT "InspectionRecord_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRecord" ADD CONSTRAINT "InspectionRecord_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRecordMeasure" ADD CONSTRAINT "InspectionRecordMeasure_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "InspectionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRecordMeasure" ADD CONSTRAINT "InspectionRecordMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

