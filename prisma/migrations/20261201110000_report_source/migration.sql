-- What the importer read about a report's source: its title line, file format, detected encoding and recognised layout.
-- Nullable, so reports imported before keep their rows unchanged (null = not recorded then).

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "layout" JSONB,
ADD COLUMN     "sourceEncoding" TEXT,
ADD COLUMN     "sourceFormat" TEXT,
ADD COLUMN     "title" TEXT;

