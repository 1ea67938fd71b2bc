// The traffic-light dashboard as one GROUP BY over measures: the latest ratings are kept on measures and problems
// (see the latest_rating migration), so its cost depends on the number of measures, never on the records.
// Invariant: the SQL CASE below is lightOf()/isOverdue()/isDueSoon() of domain/traffic-light.ts, rule for rule
// (checked against them in dashboard-lights.test.ts); visibility is measureVisibility() of ledger-filters.ts.
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { DONE_STATUSES, shanghaiDay } from "../domain/dates.ts";
import { emptyTally, type Light, type LightTally, type Thresholds } from "../domain/traffic-light.ts";
import type { Problem } from "../generated/prisma/client.ts";
import { columnsSql, rawQuery } from "../db/raw-sql.ts";

/**
 * Which measures a viewer may see, as SQL over `m` (Measure) and `p` (Problem): live rows only (archived measures
 * and problems are hidden), of one inspection when `inspectionId` is given.
 */
export function measureVisibilitySql(viewer: Viewer | null, inspectionId: string | null = null): Prisma.Sql {
  const live = Prisma.sql`m."archivedAt" IS NULL AND p."archivedAt" IS NULL`;
  const one = inspectionId ? Prisma.sql` AND p."inspectionId" = ${inspectionId}::uuid` : Prisma.empty;
  return Prisma.sql`(${live}${one} AND ${viewerSql(viewer)})`;
}

/** Viewers with the same key see the same measures (viewerSql below): "public", "all", or a liaison's unit. */
export function visibilityKey(viewer: Viewer | null): string {
  if (!viewer) return "public";
  if (viewer.role !== "UNIT_LIAISON") return "all";
  return viewer.unitId ? `unit:${viewer.unitId}` : "none";
}

function viewerSql(viewer: Viewer | null): Prisma.Sql {
  if (!viewer) {
    return Prisma.sql`EXISTS (SELECT 1 FROM "Inspection" i WHERE i.id = p."inspectionId" AND i.published)`;
  }
  if (viewer.role !== "UNIT_LIAISON") return Prisma.sql`TRUE`;
  if (!viewer.unitId) return Prisma.sql`FALSE`;
  return Prisma.sql`(m."responsibleUnitId" = ${viewer.unitId}::uuid OR EXISTS (
    SELECT 1 FROM "MeasureParticipant" mp WHERE mp."measureId" = m.id AND mp."unitId" = ${viewer.unitId}::uuid))`;
}

/** Each measure's light and flags, in SQL; `$today` and `$soon` are Asia/Shanghai calendar days. */
export function measureLightsSql(now: Date, th: Thresholds, where: Prisma.Sql): Prisma.Sql {
  const today = shanghaiDay(now);
  const done = Prisma.join(DONE_STATUSES.map((s) => Prisma.sql`${s}::"RectStatus"`));
  return Prisma.sql`
    SELECT m.id, m."problemId", m."responsibleUnitId", m."leadLeaderId", m.status,
      -- 长期坚持 (longTerm) is never overdue nor due soon, whatever its deadline column says
      (m.deadline IS NOT NULL AND NOT m."longTerm" AND m.status NOT IN (${done}) AND m.deadline < ${today}::date)
        AS overdue,
      (m.deadline IS NOT NULL AND NOT m."longTerm" AND m.status NOT IN (${done}) AND m.deadline >= ${today}::date
        AND m.deadline <= ${today}::date + ${th.dueSoonDays}::int) AS "dueSoon",
      -- a record naming no measure speaks for every measure of its problem; on a tie the measure's own wins
      CASE WHEN m."latestRatedAt" IS NULL OR p."latestRatedAt" > m."latestRatedAt"
        THEN p."latestRating" ELSE m."latestRating" END AS rating
    FROM "Measure" m JOIN "Problem" p ON p.id = m."problemId"
    WHERE ${where}`;
}

export const LIGHT_CASE = Prisma.sql`CASE
      WHEN status = 'CLOSED' THEN 'GREY'
      WHEN status = 'RELAPSED' THEN 'RED'
      WHEN rating = 'PROBLEM_FOUND' THEN 'RED'
      WHEN overdue THEN 'RED'
      WHEN rating = 'LAGGING' THEN 'YELLOW'
      WHEN "dueSoon" THEN 'YELLOW'
      ELSE 'GREEN' END`;

/** The tallies of one dashboard: overall, per problem (with the problem's row, in report order), unit, leader. */
export interface LightTallies {
  all: LightTally;
  byProblem: { problem: Problem; tally: LightTally }[];
  /** Keyed by unit id; null: measures with no responsible unit. */
  byUnit: Map<string | null, LightTally>;
  /** Keyed by person id; null: measures with no lead leader. */
  byLeader: Map<string | null, LightTally>;
}

/** Tally columns are named with this prefix; every other column of a row is the problem's own (p.*). */
const T = "tally:";
const TALLY_COLUMNS = ["green", "yellow", "red", "grey", "total", "overdue", "dueSoon", "relapsed"] as const;
const TALLY_KEYS = TALLY_COLUMNS.map((c) => [c, T + c] as const);
type Row = Record<string, unknown>;

/** The Problem columns a dashboard reads with each problem's tally: null for every column (p.*), or these. */
export type ProblemColumns = readonly (keyof Problem)[] | null;

/**
 * Light tallies per problem, per responsible unit, per lead leader and overall, with each problem's row, in one
 * statement: one snapshot, one round trip, straight on the pool (db/raw-sql.ts), no second look-up by id.
 */
export async function lightTallies(
  prisma: PrismaClient,
  viewer: Viewer | null,
  now: Date,
  th: Thresholds,
  inspectionId: string | null = null,
  columns: ProblemColumns = null,
): Promise<LightTallies> {
  const col = (name: string) => Prisma.raw(`"${T}${name}"`);
  const rows = await rawQuery<Row>(
    prisma,
    Prisma.sql`
    WITH lit AS (
      SELECT l.*, ${LIGHT_CASE} AS light
      FROM (${measureLightsSql(now, th, measureVisibilitySql(viewer, inspectionId))}) l
    ), t AS (
      SELECT GROUPING("problemId", "responsibleUnitId", "leadLeaderId")::int AS g,
        "problemId", "responsibleUnitId", "leadLeaderId",
        count(*) FILTER (WHERE light = 'GREEN')::int AS green,
        count(*) FILTER (WHERE light = 'YELLOW')::int AS yellow,
        count(*) FILTER (WHERE light = 'RED')::int AS red,
        count(*) FILTER (WHERE light = 'GREY')::int AS grey,
        count(*)::int AS total,
        count(*) FILTER (WHERE overdue)::int AS overdue,
        count(*) FILTER (WHERE "dueSoon")::int AS "dueSoon",
        count(*) FILTER (WHERE status = 'RELAPSED')::int AS relapsed
      FROM lit
      GROUP BY GROUPING SETS (("problemId"), ("responsibleUnitId"), ("leadLeaderId"), ())
    )
    SELECT t.g AS ${col("g")}, t."responsibleUnitId" AS ${col("unit")}, t."leadLeaderId" AS ${col("leader")},
      ${Prisma.join(
        TALLY_COLUMNS.map((c) => Prisma.sql`t.${Prisma.raw(`"${c}"`)} AS ${col(c)}`),
        ", ",
      )},
      ${columnsSql("p", columns)}
    -- GROUPING() bits, left to right: problem 4, unit 2, leader 1; a set leaves the others' bits on (3: problem).
    FROM t LEFT JOIN "Problem" p ON t.g = 3 AND p.id = t."problemId"
    ORDER BY t.g, p.section, p.number, p.id`,
  );
  const out: LightTallies = { all: emptyTally(), byProblem: [], byUnit: new Map(), byLeader: new Map() };
  let problemColumns: string[] | null = null;
  for (const row of rows) {
    const tally = {} as LightTally;
    for (const [c, key] of TALLY_KEYS) tally[c] = row[key] as number;
    const g = row[`${T}g`] as number;
    if (g === 3) {
      problemColumns ??= Object.keys(row).filter((k) => !k.startsWith(T));
      const problem: Row = {};
      for (const k of problemColumns) problem[k] = row[k];
      out.byProblem.push({ problem: problem as Problem, tally });
    } else if (g === 5) out.byUnit.set(row[`${T}unit`] as string | null, tally);
    else if (g === 6) out.byLeader.set(row[`${T}leader`] as string | null, tally);
    else out.all = tally;
  }
  return out;
}

/** The light of each visible measure (for checking the SQL against the domain rules). */
export async function measureLights(prisma: PrismaClient, viewer: Viewer | null, now: Date, th: Thresholds) {
  return prisma.$queryRaw<{ id: string; light: Light; overdue: boolean; dueSoon: boolean }[]>`
    SELECT id, ${LIGHT_CASE} AS light, overdue, "dueSoon"
    FROM (${measureLightsSql(now, th, measureVisibilitySql(viewer))}) l`;
}
