// Pages of problems read in one raw statement (no Prisma query compilation, ~1.3 ms+ of CPU each): the ledger
// filter and the viewer's visibility rendered as SQL, and the page window Prisma would run for Pothos's
// {cursor, take, skip}. Invariant: the rows, their order and the count are exactly what problemWhere
// (ledger-filters.ts) with orderBy section, number, id answers through Prisma, NULLs and cursor quirks included.
import { Prisma, type Problem } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { DONE_STATUSES, shanghaiToday } from "../domain/dates.ts";
import { columnsSql, rawQuery } from "../db/raw-sql.ts";
import { changedAfter, type LedgerFilter } from "./ledger-filters.ts";

/** A Date column's value as Prisma's adapter writes it (the UTC day), whatever the connection's time zone. */
const day = (d: Date) => d.toISOString().slice(0, 10);

const DONE = Prisma.sql`(${Prisma.join(DONE_STATUSES.map((s) => Prisma.sql`${s}::"RectStatus"`))})`;

/** problemWhereForUnit (visibility.ts) over `p`: the unit is responsible or participating, or so on a measure. */
function forUnit(unitId: string): Prisma.Sql {
  return Prisma.sql`(p."responsibleUnitId" = ${unitId}::uuid
    OR EXISTS (SELECT 1 FROM "ProblemParticipant" pp WHERE pp."problemId" = p.id AND pp."unitId" = ${unitId}::uuid)
    OR EXISTS (SELECT 1 FROM "Measure" m WHERE m."problemId" = p.id AND (m."responsibleUnitId" = ${unitId}::uuid
      OR EXISTS (SELECT 1 FROM "MeasureParticipant" mp WHERE mp."measureId" = m.id AND mp."unitId" = ${unitId}::uuid))))`;
}

/** problemVisibility: the public sees live problems of published inspections, a liaison their unit's. */
function visibility(viewer: Viewer | null): Prisma.Sql {
  if (!viewer) {
    return Prisma.sql`EXISTS (SELECT 1 FROM "Inspection" i WHERE i.id = p."inspectionId" AND i.published = TRUE)
      AND p."archivedAt" IS NULL`;
  }
  if (viewer.role === "UNIT_LIAISON") return viewer.unitId ? forUnit(viewer.unitId) : Prisma.sql`FALSE`;
  return Prisma.sql`TRUE`;
}

/**
 * problemWhere as SQL over `p` ("Problem"). Comparisons keep SQL's three-valued logic as Prisma renders them: a
 * NULL deadline is neither overdue nor, under NOT, not overdue.
 */
export function problemFilterSql(viewer: Viewer | null, f: LedgerFilter, now = new Date()): Prisma.Sql {
  const and: Prisma.Sql[] = [visibility(viewer)];
  if (!f.includeArchived) and.push(Prisma.sql`p."archivedAt" IS NULL`);
  if (f.inspectionId) and.push(Prisma.sql`p."inspectionId" = ${f.inspectionId}::uuid`);
  if (f.inspectionIds) and.push(Prisma.sql`p."inspectionId" = ANY(${f.inspectionIds}::uuid[])`);
  if (f.changedSince) and.push(Prisma.sql`p."changedAt" > ${changedAfter(f.changedSince)}`);
  if (f.section) and.push(Prisma.sql`p.section = ${f.section}::"Section"`);
  if (f.status?.length) and.push(Prisma.sql`p.status = ANY(${f.status}::"RectStatus"[])`);
  if (f.unitId) and.push(forUnit(f.unitId));
  if (f.leadLeaderId) {
    and.push(Prisma.sql`(p."leadLeaderId" = ${f.leadLeaderId}::uuid
      OR EXISTS (SELECT 1 FROM "Measure" m WHERE m."problemId" = p.id AND m."leadLeaderId" = ${f.leadLeaderId}::uuid))`);
  }
  const today = shanghaiToday(now);
  const overdue = Prisma.sql`((p.deadline < ${day(today)}::date AND p.status NOT IN ${DONE})
    OR EXISTS (SELECT 1 FROM "Measure" m WHERE m."problemId" = p.id AND m.deadline < ${day(today)}::date
      AND m."longTerm" = FALSE AND m.status NOT IN ${DONE}))`;
  if (f.overdue === true) and.push(overdue);
  if (f.overdue === false) and.push(Prisma.sql`NOT ${overdue}`);
  if (f.deadlineFrom || f.deadlineTo) {
    const range = (col: Prisma.Sql) =>
      Prisma.join(
        [
          ...(f.deadlineFrom ? [Prisma.sql`${col} >= ${day(f.deadlineFrom)}::date`] : []),
          ...(f.deadlineTo ? [Prisma.sql`${col} <= ${day(f.deadlineTo)}::date`] : []),
        ],
        " AND ",
      );
    and.push(Prisma.sql`((${range(Prisma.sql`p.deadline`)})
      OR EXISTS (SELECT 1 FROM "Measure" m WHERE m."problemId" = p.id AND ${range(Prisma.sql`m.deadline`)}))`);
  }
  if (f.search?.trim()) {
    const like = `%${f.search.trim()}%`;
    and.push(Prisma.sql`(p.title ILIKE ${like} OR p.body ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "Measure" m WHERE m."problemId" = p.id AND m.text ILIKE ${like}))`);
  }
  return Prisma.join(and, " AND ");
}

/** The window Pothos asks Prisma for: `take` rows (negative: backwards), after skipping `skip`, from a cursor row. */
export interface ProblemWindow {
  take: number;
  skip: number;
  cursorId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The window of a Pothos connection query, or null when it is not one this module renders exactly. */
export function problemWindow(query: { take?: unknown; skip?: unknown; cursor?: unknown }): ProblemWindow | null {
  const { take, skip, cursor } = query;
  if (typeof take !== "number" || !Number.isInteger(take)) return null;
  const s = skip ?? 0;
  if (typeof s !== "number" || !Number.isInteger(s) || s < 0) return null;
  if (cursor === undefined || cursor === null) return { take, skip: s };
  const id = (cursor as { id?: unknown }).id;
  // Prisma refuses a cursor that is not a uuid with its own error: that case stays on its path.
  if (typeof id !== "string" || !UUID.test(id) || Object.keys(cursor).length !== 1) return null;
  return { take, skip: s, cursorId: id };
}

/**
 * One page of problems with every column, in report order: Prisma's cursor pagination, i.e. rows from the cursor
 * row (included, then `skip` rows skipped, whether or not the cursor row passes the filter; none when it does not
 * exist), read backwards and turned round for a negative `take`.
 */
export async function problemPageRows(
  prisma: PrismaClient,
  where: Prisma.Sql,
  w: ProblemWindow,
  /** Only these columns (what the query asks for); null: every column. */
  columns: readonly string[] | null = null,
): Promise<Problem[]> {
  const back = w.take < 0;
  const conds = [where];
  if (w.cursorId) {
    const cmp = back ? Prisma.sql`<=` : Prisma.sql`>=`;
    conds.push(Prisma.sql`(p.section, p.number, p.id) ${cmp}
      (SELECT c.section, c.number, c.id FROM "Problem" c WHERE c.id = ${w.cursorId}::uuid)`);
  }
  const order = back ? Prisma.sql`p.section DESC, p.number DESC, p.id DESC` : Prisma.sql`p.section, p.number, p.id`;
  const rows = await rawQuery<Problem>(
    prisma,
    Prisma.sql`SELECT ${columnsSql("p", columns)} FROM "Problem" p WHERE ${Prisma.join(conds, " AND ")}
      ORDER BY ${order} LIMIT ${Math.abs(w.take)} OFFSET ${w.skip}`,
  );
  return back ? rows.reverse() : rows;
}

export async function countProblems(prisma: PrismaClient, where: Prisma.Sql): Promise<number> {
  const [row] = await rawQuery<{ n: number }>(
    prisma,
    Prisma.sql`SELECT count(*)::int AS n FROM "Problem" p WHERE ${where}`,
  );
  return row?.n ?? 0;
}
