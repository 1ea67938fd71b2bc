// A database connection lost while idle in the pool (PostgreSQL restarted, the backend terminated, a test database
// dropped) must not crash the server: the loss is reported and the next query opens a new connection.
// PostgreSQL run only: PGlite has no backends to terminate.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@rectify/server/db";
import { createEmptyDatabase } from "../helpers/server-cluster.ts";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

let target: Awaited<ReturnType<typeof createEmptyDatabase>>;
let db: Database;
const lost: Error[] = [];

beforeAll(async () => {
  target = await createEmptyDatabase();
  db = await openDatabase({ databaseUrl: target.url, onConnectionLost: (err) => lost.push(err) });
});
afterAll(async () => {
  await db?.close();
  await target?.drop();
});

describe("an idle pooled connection lost", () => {
  it("is reported, does not crash the process, and the next query reconnects", async () => {
    expect(await db.prisma.user.count()).toBe(0);
    expect(db.pool.idleCount).toBeGreaterThan(0);

    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const dbName = new URL(target.url).pathname.slice(1);
    const killed = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [dbName],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);

    // Unheard, the pool's "error" would be an uncaught exception here and fail the run.
    await expect.poll(() => lost.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(lost[0]!.message).toMatch(/terminat/);
    expect(await db.prisma.user.count()).toBe(0);
  });
});
