-- Keyset paging of records newest first, and records of one inspector by time (see queries/record-pages.ts).
-- DropIndex
DROP INDEX "InspectionRecord_inspectorId_idx";

-- DropIndex
DROP INDEX "InspectionRecord_deviceTime_idx";

-- CreateIndex
CREATE INDEX "InspectionRecord_deviceTime_id_idx" ON "InspectionRecord"("deviceTime" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "InspectionRecord_inspectorId_deviceTime_idx" ON "InspectionRecord"("inspectorId", "deviceTime" DESC);

