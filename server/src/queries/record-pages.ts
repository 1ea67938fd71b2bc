// Pages of inspection records, newest first, by a row-value keyset `("deviceTime", id) < ($t, $id)` that walks the
// ("deviceTime" DESC, id DESC) index: a page costs the same at any depth. Invariant: the order is total (id breaks
// ties), a cursor names the last row seen (its deviceTime and id), and every filter is ANDed in SQL.
import { Prisma, type InspectionRecord } from "../generated/prisma/client.ts";
import type { RecordKind, Rating, SyncState } from "../generated/prisma/enums.ts";
import type { PrismaClient } from "../db.ts";
import { ValidationError } from "../errors.ts";
import { columnsSql, rawQuery } from "../db/raw-sql.ts";

export interface RecordFilterValues {
  problemId?: string;
  measureId?: string;
  inspectorId?: string;
  kind?: RecordKind;
  rating?: Rating;
  followUpRequired?: boolean;
  syncState?: SyncState;
  from?: Date;
  to?: Date;
}

/** The filter as SQL over `r` ("InspectionRecord"). */
export function recordFilterSql(f: RecordFilterValues): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.problemId) and.push(Prisma.sql`r."problemId" = ${f.problemId}::uuid`);
  if (f.measureId) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "InspectionRecordMeasure" rm
      WHERE rm."recordId" = r.id AND rm."measureId" = ${f.measureId}::uuid)`);
  }
  if (f.inspectorId) and.push(Prisma.sql`r."inspectorId" = ${f.inspectorId}::uuid`);
  if (f.kind) and.push(Prisma.sql`r.kind = ${f.kind}::"RecordKind"`);
  if (f.rating) and.push(Prisma.sql`r.rating = ${f.rating}::"Rating"`);
  if (typeof f.followUpRequired === "boolean") and.push(Prisma.sql`r."followUpRequired" = ${f.followUpRequired}`);
  if (f.syncState) and.push(Prisma.sql`r."syncState" = ${f.syncState}::"SyncState"`);
  if (f.from) and.push(Prisma.sql`r."deviceTime" >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`r."deviceTime" < ${f.to}`);
  return Prisma.join(and, " AND ");
}

export interface RecordKey {
  deviceTime: Date;
  id: string;
}

const PREFIX = "R1:";

export function recordCursor(r: RecordKey): string {
  return Buffer.from(`${PREFIX}${r.deviceTime.toISOString()}|${r.id}`).toString("base64");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRecordCursor(cursor: string): RecordKey {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const [time, id] = text.startsWith(PREFIX) ? text.slice(PREFIX.length).split("|") : [];
  const deviceTime = new Date(time ?? "");
  if (!id || !UUID.test(id) || Number.isNaN(deviceTime.getTime())) {
    throw new ValidationError("Not a cursor of this list (after/before must come from its edges or pageInfo)", [
      { path: "after", message: "unknown cursor" },
    ]);
  }
  return { deviceTime, id };
}

export interface PageWindow {
  before?: string | null;
  after?: string | null;
  limit: number;
  /** true for `last`: read from the oldest end upwards (the caller reverses). */
  inverted: boolean;
}

/** One page's statement (limit includes the look-ahead row), in the order of the walk, reading `columns`. */
function pageSql(where: Prisma.Sql, w: PageWindow, columns: Prisma.Sql): Prisma.Sql {
  const conds = [where];
  if (w.after) {
    const k = parseRecordCursor(w.after);
    conds.push(Prisma.sql`(r."deviceTime", r.id) < (${k.deviceTime}, ${k.id}::uuid)`);
  }
  if (w.before) {
    const k = parseRecordCursor(w.before);
    conds.push(Prisma.sql`(r."deviceTime", r.id) > (${k.deviceTime}, ${k.id}::uuid)`);
  }
  const order = w.inverted ? Prisma.sql`r."deviceTime" ASC, r.id ASC` : Prisma.sql`r."deviceTime" DESC, r.id DESC`;
  return Prisma.sql`SELECT ${columns} FROM "InspectionRecord" r WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY ${order} LIMIT ${w.limit}`;
}

/** Ids of one page, in the order of the walk (the nodes are then read with what the query selects on them). */
export async function recordPageIds(prisma: PrismaClient, where: Prisma.Sql, w: PageWindow): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(prisma, pageSql(where, w, Prisma.sql`r.id`));
  return rows.map((r) => r.id);
}

/** The rows of one page with no relation (these columns; null: every one), in the order of the walk: one statement. */
export async function recordPageRows(
  prisma: PrismaClient,
  where: Prisma.Sql,
  w: PageWindow,
  columns: readonly string[] | null = null,
) {
  return rawQuery<InspectionRecord>(prisma, pageSql(where, w, columnsSql("r", columns)));
}

export async function countRecords(prisma: PrismaClient, where: Prisma.Sql): Promise<number> {
  const [row] = await rawQuery<{ n: number }>(
    prisma,
    Prisma.sql`SELECT count(*)::int AS n FROM "InspectionRecord" r WHERE ${where}`,
  );
  return row?.n ?? 0;
}

/** Rows in the given id order (a page read by id keeps the keyset walk's order). */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => !!r);
}
