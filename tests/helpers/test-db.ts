// A clean database per test file: TEST_DB=postgres makes (and afterwards drops) its own database on the local
// PostgreSQL; otherwise (the default) an in-memory PGlite. Both get every migration applied.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@rectify/server/db";

export const testDbKind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase extends Database {
  url: string | null;
}

export async function createTestDatabase(opts: { onStatement?: (sql: string) => void } = {}): Promise<TestDatabase> {
  if (testDbKind === "pglite") {
    const db = await openDatabase({ dataDir: "memory://", ...opts });
    return Object.assign(db, { url: null });
  }
  const name = `rectify_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), ...opts });
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
