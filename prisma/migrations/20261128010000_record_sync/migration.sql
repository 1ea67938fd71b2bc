-- AlterTable
ALTER TABLE "InspectionRecord" DROP COLUMN "conflictOf",
ADD COLUMN     "clientRevision" INTEGER NOT NULL,
ADD COLUMN     "clientVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "conflict" JSONB,
ADD COLUMN     "content" JSONB NOT NULL,
ADD COLUMN     "contentHash" TEXT NOT NULL,
ADD COLUMN     "lastForeignVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;

-- CreateIndex
CREATE INDEX "InspectionRecord_deviceTime_idx" ON "InspectionRecord"("deviceTime");

