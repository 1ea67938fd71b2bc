-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rectificationEnd" DATE,
ADD COLUMN     "round" TEXT;

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "longTerm" BOOLEAN NOT NULL DEFAULT false;


-- Backfill: an inspection with a published report was public before this column existed.
UPDATE "Inspection" i SET "published" = true WHERE EXISTS (SELECT 1 FROM "Report" r WHERE r."inspectionId" = i."id" AND r."published");
