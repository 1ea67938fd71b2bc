// Raw SQL straight on the driver's pool for the statements every request runs (the session lookup, keyset pages
// of records): Prisma's $queryRaw adds a few tenths of a millisecond of its own to each and nothing else.
// Invariant: values and rows convert exactly as Prisma's pg adapter converts them (timestamps without time zone
// are UTC, dates are UTC midnight), whatever the process's time zone; a client with no registered pool (an
// interactive transaction, a test's own client) runs the same statement through Prisma.
import pg from "pg";
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";

/** Statements are built with Prisma.sql (re-exported for callers outside the server: tests). */
export { Prisma };

const pools = new WeakMap<object, { pool: pg.Pool; onStatement?: (sql: string) => void }>();

/**
 * Makes `pool` (the one under `prisma`'s adapter) the way rawQuery reaches the database for `prisma`; statements
 * are told to `onStatement` as Prisma's query log tells its own (tests and benches count them).
 */
export function registerPool(prisma: object, pool: pg.Pool, onStatement?: (sql: string) => void) {
  pools.set(prisma, { pool, onStatement });
}

const pad = (n: number, z = 2) => String(n).padStart(z, "0");

/** As @prisma/adapter-pg writes a DateTime parameter: its UTC wall time. */
export function utcTimestamp(d: Date): string {
  const ms = d.getUTCMilliseconds();
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}`
  );
}

const TIMESTAMP = 1114;
const DATE = 1082;
const parsers: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: (t) => new Date(`${t.replace(" ", "T")}Z`),
  [DATE]: (t) => new Date(`${t}T00:00:00Z`),
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format ?? "text"),
} as unknown as pg.CustomTypesConfig;

/** The rows of `sql` (built with Prisma.sql), as prisma.$queryRaw would answer them. */
export async function rawQuery<T>(prisma: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const direct = pools.get(prisma);
  if (!direct) return prisma.$queryRaw<T[]>(sql);
  direct.onStatement?.(sql.text);
  const values = sql.values.map((v) => (v instanceof Date ? utcTimestamp(v) : v));
  const result = await direct.pool.query({ text: sql.text, values, types });
  return result.rows as T[];
}

/** `alias`.* for null, else those columns of `alias` (names from the server's own lists, never from a request). */
export function columnsSql(alias: string, columns: readonly string[] | null): Prisma.Sql {
  if (!columns) return Prisma.raw(`${alias}.*`);
  return Prisma.raw(columns.map((c) => `${alias}."${c.replace(/"/g, "")}"`).join(", "));
}
