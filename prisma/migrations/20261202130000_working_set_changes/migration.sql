-- Incremental working sets (issue 12): each problem carries when it or anything the working set shows of it last
-- changed (its measures, participants, kept ratings), stamped by triggers in the changing transaction; deleted
-- problems leave a tombstone. A device then downloads only the problems changed since its last download.

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ProblemTombstone" (
    "problemId" UUID NOT NULL,
    "inspectionId" UUID NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemTombstone_pkey" PRIMARY KEY ("problemId")
);

-- CreateIndex
CREATE INDEX "Problem_changedAt_idx" ON "Problem"("changedAt");

-- CreateIndex
CREATE INDEX "ProblemTombstone_deletedAt_idx" ON "ProblemTombstone"("deletedAt");

-- Wall-clock time (not the transaction's start): a long transaction's changes are stamped when they happen.
CREATE FUNCTION rectify_problem_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."changedAt" := clock_timestamp();
  RETURN NEW;
END $$;

CREATE FUNCTION rectify_touch_problem(pid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "Problem" SET "changedAt" = clock_timestamp() WHERE id = pid;
$$;

CREATE FUNCTION rectify_measure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM rectify_touch_problem(OLD."problemId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."problemId" <> OLD."problemId") THEN
    PERFORM rectify_touch_problem(NEW."problemId");
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rectify_problem_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM rectify_touch_problem(OLD."problemId");
  ELSE PERFORM rectify_touch_problem(NEW."problemId"); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rectify_measure_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mid uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN mid := OLD."measureId"; ELSE mid := NEW."measureId"; END IF;
  UPDATE "Problem" SET "changedAt" = clock_timestamp() WHERE id = (SELECT "problemId" FROM "Measure" WHERE id = mid);
  RETURN NULL;
END $$;

CREATE FUNCTION rectify_problem_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProblemTombstone" ("problemId", "inspectionId", "deletedAt")
  VALUES (OLD.id, OLD."inspectionId", clock_timestamp())
  ON CONFLICT ("problemId") DO UPDATE SET "deletedAt" = EXCLUDED."deletedAt";
  RETURN NULL;
END $$;

CREATE TRIGGER rectify_problem_stamp BEFORE INSERT OR UPDATE ON "Problem"
  FOR EACH ROW EXECUTE FUNCTION rectify_problem_stamp();
CREATE TRIGGER rectify_problem_deleted AFTER DELETE ON "Problem"
  FOR EACH ROW EXECUTE FUNCTION rectify_problem_deleted();
CREATE TRIGGER rectify_measure_changed AFTER INSERT OR UPDATE OR DELETE ON "Measure"
  FOR EACH ROW EXECUTE FUNCTION rectify_measure_changed();
CREATE TRIGGER rectify_problem_participant_changed AFTER INSERT OR UPDATE OR DELETE ON "ProblemParticipant"
  FOR EACH ROW EXECUTE FUNCTION rectify_problem_participant_changed();
CREATE TRIGGER rectify_measure_participant_changed AFTER INSERT OR UPDATE OR DELETE ON "MeasureParticipant"
  FOR EACH ROW EXECUTE FUNCTION rectify_measure_participant_changed();
