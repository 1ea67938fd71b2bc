-- AlterTable
ALTER TABLE "InspectionRecord" ADD COLUMN     "clientRevisionHash" TEXT;

-- Backfill what is known: the held copy's hash when the device's last revision is held as a conflict, else the
-- server copy's hash when nobody else changed the record since the device's last applied revision. Otherwise
-- it stays NULL (unknown), and a same-revision resend is answered as a duplicate, as before.
UPDATE "InspectionRecord"
SET "clientRevisionHash" = CASE
  WHEN "conflict" IS NOT NULL AND ("conflict"->>'clientRevision')::int = "clientRevision" THEN "conflict"->>'contentHash'
  WHEN "lastForeignVersion" < "clientVersion" THEN "contentHash"
  ELSE NULL
END;
