-- Fast substring search: the ledger filter `search` is ILIKE '%…%' on problem titles, bodies and measure texts,
-- which without an index scans every row. Trigram GIN indexes serve ILIKE; pg_trgm is a trusted extension (the
-- database owner may create it) and PGlite ships it (loaded in server/src/db.ts). IF NOT EXISTS: safe on a
-- database where an operator already created the extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Problem_title_trgm_idx" ON "Problem" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Problem_body_trgm_idx" ON "Problem" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Measure_text_trgm_idx" ON "Measure" USING GIN ("text" gin_trgm_ops);
