// A seeded, province-sized ledger written straight into a migrated database: 101 inspections, 5,036 problems,
// 25,120 measures, 400 units, 200 inspectors and N field records (0–2 measures each). Deterministic: ids are
// md5-derived and every random choice comes from setseed(), so the same N gives the same ledger.
// Triggers are off while loading (session_replication_role) and the kept latest ratings are backfilled after.
import type pg from "pg";

export const SHAPE = { inspections: 101, problems: 5036, measures: 25_120, units: 400, leaders: 60, inspectors: 200 };

const uuid = (prefix: string, expr: string) => `md5('${prefix}' || (${expr}))::uuid`;

export async function generateLedger(db: pg.Client, records: number) {
  const S = SHAPE;
  await db.query("SET session_replication_role = replica");
  await db.query("SELECT setseed(0.42)");
  await db.query(
    `INSERT INTO "Unit" (id, name) SELECT ${uuid("u", "g")}, '单位' || g FROM generate_series(1, ${S.units}) g`,
  );
  await db.query(
    `INSERT INTO "Person" (id, name) SELECT ${uuid("l", "g")}, '领导' || g FROM generate_series(1, ${S.leaders}) g`,
  );
  await db.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", role)
    SELECT ${uuid("i", "g")}, 'insp' || g, '督查员' || g, 'x', 'INSPECTOR' FROM generate_series(1, ${S.inspectors}) g`);
  await db.query(`INSERT INTO "Inspection" (id, team, "inspectedBody", kind, published)
    SELECT ${uuid("n", "g")}, '巡察组' || g, '被巡察单位' || g, '巡察', true FROM generate_series(0, ${S.inspections - 1}) g`);
  await db.query(`INSERT INTO "Problem" (id, "inspectionId", section, number, "titleKey", title, status, deadline,
      "responsibleUnitId", "updatedAt", "changedAt")
    SELECT ${uuid("p", "g")}, ${uuid("n", `g % ${S.inspections}`)},
      (CASE WHEN g % 7 = 0 THEN 'COMPLETED' ELSE 'CONTINUING' END)::"Section", g / ${S.inspections} + 1,
      'key' || g, '关于“问题' || g || '”问题的整改', 'IN_PROGRESS', current_date + (g % 400 - 150),
      ${uuid("u", `g % ${S.units} + 1`)}, now() - interval '1 day', now() - interval '1 day'
    FROM generate_series(0, ${S.problems - 1}) g`);
  await db.query(`INSERT INTO "Measure" (id, "problemId", number, text, status, deadline, "responsibleUnitId",
      "leadLeaderId", "updatedAt")
    SELECT ${uuid("m", "g")}, ${uuid("p", `g % ${S.problems}`)}, g / ${S.problems} + 1, '整改措施' || g,
      (ARRAY['NOT_STARTED','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','COMPLETED','CLOSE_REQUESTED','CLOSED','RELAPSED'])
        [1 + floor(random() * 8)::int]::"RectStatus",
      CASE WHEN random() < 0.1 THEN NULL ELSE current_date + floor(random() * 400 - 150)::int END,
      ${uuid("u", `floor(random() * ${S.units})::int + 1`)}, ${uuid("l", `floor(random() * ${S.leaders})::int + 1`)}, now()
    FROM generate_series(0, ${S.measures - 1}) g`);
  // Records: problem p, then 0..2 of its measures (measure g of problem p is g*5036 + p, when it exists).
  await db.query(`INSERT INTO "InspectionRecord" (id, kind, "inspectorId", "problemId", content, "contentHash",
      "clientRevision", "deviceTime", "updatedAt", findings, rating, "followUpRequired", details)
    SELECT ${uuid("r", "g")}, (ARRAY['SITE_VISIT','LEDGER_CHECK','ONSITE_QUESTIONING'])[1 + g % 3]::"RecordKind",
      ${uuid("i", `floor(random() * ${S.inspectors})::int + 1`)}, ${uuid("p", `g % ${S.problems}`)}, '{}'::jsonb, 'seed',
      1, now() - make_interval(secs => floor(random() * 63072000)::int), now(), '现场查看' || g,
      (ARRAY['ON_TRACK','ON_TRACK','LAGGING','PROBLEM_FOUND',NULL])[1 + floor(random() * 5)::int]::"Rating",
      random() < 0.1, '{}'::jsonb
    FROM generate_series(0, ${records - 1}) g`);
  await db.query(`INSERT INTO "InspectionRecordMeasure" ("recordId", "measureId")
    SELECT ${uuid("r", "g")}, ${uuid("m", `k * ${S.problems} + g % ${S.problems}`)}
    FROM generate_series(0, ${records - 1}) g, generate_series(0, 1) k
    WHERE k < g % 3 AND k * ${S.problems} + g % ${S.problems} < ${S.measures}`);
  await db.query("SET session_replication_role = DEFAULT");
  // Statistics first: without them the backfill's lateral look-ups are planned as scans (minutes at 10k records).
  await db.query("ANALYZE");
  await db.query(`SELECT rectify_refresh_measure_ratings(ARRAY(SELECT id FROM "Measure"))`);
  await db.query(`SELECT rectify_refresh_problem_ratings(ARRAY(SELECT id FROM "Problem"))`);
  // The ledger was written yesterday (as far as working-set cursors go): the backfill above stamped it now.
  await db.query("SET session_replication_role = replica");
  await db.query(`UPDATE "Problem" SET "changedAt" = now() - interval '1 day'`);
  await db.query("SET session_replication_role = DEFAULT");
  await db.query("VACUUM ANALYZE");
}
