// The traffic-light dashboard as one GROUP BY over measures: the latest ratings are kept on measures and problems
// (see the latest_rating migration), so its cost depends on the number of measures, never on the records.
// Invariant: the SQL CASE below is lightOf()/isOverdue()/isDueSoon() of domain/traffic-light.ts, rule for rule
// (checked against them in dashboard-lights.test.ts); visibility is measureVisibility() of ledger-filters.ts.
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { DONE_STATUSES, shanghaiDay } from "../domain/dates.ts";
import type { Light, LightTally, Thresholds } from "../domain/traffic-light.ts";

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

export interface LightTallyRow extends LightTally {
  /** Which grouping: "problem" | "unit" | "leader" | "all". */
  grouping: "problem" | "unit" | "leader" | "all";
  key: string | null;
}

interface RawTally {
  g: number;
  problem: string | null;
  unit: string | null;
  leader: string | null;
  green: number;
  yellow: number;
  red: number;
  grey: number;
  total: number;
  overdue: number;
  due_soon: number;
  relapsed: number;
}

/** Light tallies per problem, per responsible unit, per lead leader and overall, in one statement. */
export async function lightTallies(
  prisma: PrismaClient,
  viewer: Viewer | null,
  now: Date,
  th: Thresholds,
  inspectionId: string | null = null,
) {
  const rows = await prisma.$queryRaw<RawTally[]>`
    WITH lit AS (
      SELECT l.*, ${LIGHT_CASE} AS light
      FROM (${measureLightsSql(now, th, measureVisibilitySql(viewer, inspectionId))}) l
    )
    SELECT GROUPING("problemId", "responsibleUnitId", "leadLeaderId")::int AS g,
      "problemId" AS problem, "responsibleUnitId" AS unit, "leadLeaderId" AS leader,
      count(*) FILTER (WHERE light = 'GREEN')::int AS green,
      count(*) FILTER (WHERE light = 'YELLOW')::int AS yellow,
      count(*) FILTER (WHERE light = 'RED')::int AS red,
      count(*) FILTER (WHERE light = 'GREY')::int AS grey,
      count(*)::int AS total,
      count(*) FILTER (WHERE overdue)::int AS overdue,
      count(*) FILTER (WHERE "dueSoon")::int AS due_soon,
      count(*) FILTER (WHERE status = 'RELAPSED')::int AS relapsed
    FROM lit
    GROUP BY GROUPING SETS (("problemId"), ("responsibleUnitId"), ("leadLeaderId"), ())`;
  // GROUPING() bits, left to right: problem 4, unit 2, leader 1; a set leaves the others' bits on.
  const kind = (g: number): LightTallyRow["grouping"] =>
    g === 3 ? "problem" : g === 5 ? "unit" : g === 6 ? "leader" : "all";
  return rows.map(({ g, problem, unit, leader, due_soon, ...counts }) => {
    const grouping = kind(g);
    const key = grouping === "problem" ? problem : grouping === "unit" ? unit : grouping === "leader" ? leader : null;
    return { grouping, key, ...counts, dueSoon: due_soon } satisfies LightTallyRow;
  });
}

/** The light of each visible measure (for checking the SQL against the domain rules). */
export async function measureLights(prisma: PrismaClient, viewer: Viewer | null, now: Date, th: Thresholds) {
  return prisma.$queryRaw<{ id: string; light: Light; overdue: boolean; dueSoon: boolean }[]>`
    SELECT id, ${LIGHT_CASE} AS light, overdue, "dueSoon"
    FROM (${measureLightsSql(now, th, measureVisibilitySql(viewer))}) l`;
}
