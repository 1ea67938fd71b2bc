-- The latest rating of each measure (records naming it) and of each problem (records naming no measure), kept
-- by triggers in the same transaction as the record, so traffic lights are a GROUP BY over measures.
-- Latest = the newest rated record by deviceTime, then id; a record without a rating carries no verdict.

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "latestRatedAt" TIMESTAMP(3),
ADD COLUMN     "latestRating" "Rating";

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "latestRatedAt" TIMESTAMP(3),
ADD COLUMN     "latestRating" "Rating";

CREATE FUNCTION rectify_refresh_measure_ratings(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Measure" m SET "latestRating" = l.rating, "latestRatedAt" = l.at
  FROM (
    SELECT x.id, r.rating, r."deviceTime" AS at
    FROM unnest(ids) AS x(id)
    LEFT JOIN LATERAL (
      SELECT r.rating, r."deviceTime"
      FROM "InspectionRecordMeasure" rm JOIN "InspectionRecord" r ON r.id = rm."recordId"
      WHERE rm."measureId" = x.id AND r.rating IS NOT NULL
      ORDER BY r."deviceTime" DESC, r.id DESC
      LIMIT 1
    ) r ON true
  ) l
  WHERE m.id = l.id AND (m."latestRating" IS DISTINCT FROM l.rating OR m."latestRatedAt" IS DISTINCT FROM l.at);
$$;

CREATE FUNCTION rectify_refresh_problem_ratings(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Problem" p SET "latestRating" = l.rating, "latestRatedAt" = l.at
  FROM (
    SELECT x.id, r.rating, r."deviceTime" AS at
    FROM unnest(ids) AS x(id)
    LEFT JOIN LATERAL (
      SELECT r.rating, r."deviceTime"
      FROM "InspectionRecord" r
      WHERE r."problemId" = x.id AND r.rating IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "InspectionRecordMeasure" rm WHERE rm."recordId" = r.id)
      ORDER BY r."deviceTime" DESC, r.id DESC
      LIMIT 1
    ) r ON true
  ) l
  WHERE p.id = l.id AND (p."latestRating" IS DISTINCT FROM l.rating OR p."latestRatedAt" IS DISTINCT FROM l.at);
$$;

CREATE FUNCTION rectify_record_rating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new record names no measure yet (its links follow): it can only be about the problem.
    IF NEW.rating IS NOT NULL THEN PERFORM rectify_refresh_problem_ratings(ARRAY[NEW."problemId"]); END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.rating IS NOT DISTINCT FROM OLD.rating AND NEW."deviceTime" = OLD."deviceTime"
     AND NEW."problemId" = OLD."problemId" THEN
    RETURN NULL;
  END IF;
  PERFORM rectify_refresh_measure_ratings(ARRAY(SELECT "measureId" FROM "InspectionRecordMeasure" WHERE "recordId" = OLD.id));
  IF TG_OP = 'UPDATE' AND NEW."problemId" <> OLD."problemId" THEN
    PERFORM rectify_refresh_problem_ratings(ARRAY[OLD."problemId", NEW."problemId"]);
  ELSE
    PERFORM rectify_refresh_problem_ratings(ARRAY[OLD."problemId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rectify_record_measure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  link "InspectionRecordMeasure";
  pid uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
  SELECT "problemId" INTO pid FROM "InspectionRecord" WHERE id = link."recordId" AND rating IS NOT NULL;
  -- Linking an unrated record changes no verdict; an unlink may follow the record's own deletion (pid unknown).
  IF pid IS NULL AND TG_OP = 'INSERT' THEN RETURN NULL; END IF;
  PERFORM rectify_refresh_measure_ratings(ARRAY[link."measureId"]);
  IF pid IS NOT NULL THEN PERFORM rectify_refresh_problem_ratings(ARRAY[pid]); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rectify_record_rating AFTER INSERT OR UPDATE OR DELETE ON "InspectionRecord"
  FOR EACH ROW EXECUTE FUNCTION rectify_record_rating_changed();
CREATE TRIGGER rectify_record_measure_rating AFTER INSERT OR DELETE ON "InspectionRecordMeasure"
  FOR EACH ROW EXECUTE FUNCTION rectify_record_measure_changed();

-- Backfill from the records already stored.
SELECT rectify_refresh_measure_ratings(ARRAY(SELECT DISTINCT "measureId" FROM "InspectionRecordMeasure"));
SELECT rectify_refresh_problem_ratings(ARRAY(SELECT DISTINCT "problemId" FROM "InspectionRecord" WHERE rating IS NOT NULL));
