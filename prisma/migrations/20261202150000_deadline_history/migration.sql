-- Deadline-assignment history of measures (issue 13 §10): a period's figures read the deadline a measure had at
-- the period's end, not today's. Kept by a trigger in the same transaction as the change, so every writer
-- (authoring, bulk assignment, ledger import) is covered. A creation row ("fromLongTerm" NULL) states the deadline
-- the measure entered the ledger with and is assumed to have held before too (as an import's first status does).

-- CreateTable
CREATE TABLE "DeadlineChange" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "measureId" UUID NOT NULL,
    "fromDeadline" DATE,
    "fromLongTerm" BOOLEAN,
    "deadline" DATE,
    "longTerm" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeadlineChange_measureId_at_idx" ON "DeadlineChange"("measureId", "at");

-- AddForeignKey
ALTER TABLE "DeadlineChange" ADD CONSTRAINT "DeadlineChange_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION rectify_measure_deadline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Timestamps are UTC without a zone, as Prisma writes them.
  IF TG_OP = 'INSERT' THEN
    IF NEW.deadline IS NOT NULL OR NEW."longTerm" THEN
      INSERT INTO "DeadlineChange" ("measureId", "deadline", "longTerm", "at")
      VALUES (NEW.id, NEW.deadline, NEW."longTerm", now() AT TIME ZONE 'UTC');
    END IF;
  ELSIF NEW.deadline IS DISTINCT FROM OLD.deadline OR NEW."longTerm" IS DISTINCT FROM OLD."longTerm" THEN
    INSERT INTO "DeadlineChange" ("measureId", "fromDeadline", "fromLongTerm", "deadline", "longTerm", "at")
    VALUES (NEW.id, OLD.deadline, OLD."longTerm", NEW.deadline, NEW."longTerm", now() AT TIME ZONE 'UTC');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Measure_deadline_history" AFTER INSERT OR UPDATE OF deadline, "longTerm" ON "Measure"
  FOR EACH ROW EXECUTE FUNCTION rectify_measure_deadline_changed();

-- Measures already in the ledger: what they have now is all that is known, so it stands as their creation row.
INSERT INTO "DeadlineChange" ("measureId", "deadline", "longTerm", "at")
SELECT id, deadline, "longTerm", "createdAt" FROM "Measure" WHERE deadline IS NOT NULL OR "longTerm";
