// Ledger search is bounded and indexed: a search longer than 100 characters is a typed VALIDATION_FAILED (a 3 MB
// pattern once froze the server), the ILIKE '%…%' Prisma sends is served by pg_trgm GIN indexes (Chinese text
// included), and the migration that adds them upgrades an existing database without losing its rows.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@rectify/server/db";
import { importReport } from "@rectify/server/queries/import-report";
import { sampleReportPath } from "@rectify/server/config";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTestDatabase, testDbKind } from "../helpers/test-db.ts";

const SEARCH = `query($s: String!) { problems(filter: { search: $s }) { totalCount } }`;
const MEASURE_SEARCH = `query($s: String!) { measures(filter: { search: $s }) { totalCount } }`;
const INDEXES = ["Measure_text_trgm_idx", "Problem_body_trgm_idx", "Problem_title_trgm_idx"];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

/** The plan PostgreSQL picks for a query when sequential scans are discouraged (the sample is small). */
async function plan(db: Database, sql: string): Promise<string> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("ledger search", () => {
  it("refuses a search over 100 characters with VALIDATION_FAILED, for the public and staff alike", async () => {
    for (const role of ["public", "supervisor"] as const) {
      const r = await app.as(role)(SEARCH, { s: "整".repeat(101) });
      expect(r.data?.problems ?? null, role).toBeNull();
      expect(r.errors?.[0]?.extensions?.code, role).toBe("VALIDATION_FAILED");
      const m = await app.as(role)(MEASURE_SEARCH, { s: "x".repeat(101) });
      expect(m.errors?.[0]?.extensions?.code, role).toBe("VALIDATION_FAILED");
    }
    expect((await app.as("supervisor")(SEARCH, { s: "整".repeat(100) })).errors).toBeUndefined();
  });

  it("serves ILIKE '%…%' on titles, bodies and measure texts from trigram indexes, Chinese included", async () => {
    const problems = await plan(
      app.db,
      `SELECT id FROM "Problem" WHERE "title"::text ILIKE '%三重一大%' OR "body"::text ILIKE '%三重一大%'`,
    );
    expect(problems).toContain("Problem_title_trgm_idx");
    expect(problems).toContain("Problem_body_trgm_idx");
    const measures = await plan(app.db, `SELECT id FROM "Measure" WHERE "text"::text ILIKE '%臭氧%'`);
    expect(measures).toContain("Measure_text_trgm_idx");
    // And the answers are the same as before the index: substring matches, case-insensitive.
    const r = await app.as("supervisor")(SEARCH, { s: "三重一大" });
    expect(r.data?.problems.totalCount).toBeGreaterThan(0);
  });
});

describe("search_trigram migration", () => {
  it(
    "upgrades an existing database: extension and indexes created, rows kept, search works",
    { timeout: 240_000 },
    async () => {
      const dir = testDbKind === "pglite" ? await mkdtemp(path.join(tmpdir(), "rectify-upgrade-")) : null;
      const first = dir ? await openDatabase({ dataDir: dir }) : await createTestDatabase();
      const reopen = () =>
        dir ? openDatabase({ dataDir: dir }) : openDatabase({ databaseUrl: (first as unknown as { url: string }).url });
      try {
        await importReport(first.prisma, await readFile(sampleReportPath, "utf8"));
        // Back to the state before this migration: no indexes, no extension, the migration not recorded.
        for (const name of INDEXES) await first.prisma.$executeRawUnsafe(`DROP INDEX "${name}"`);
        await first.prisma.$executeRawUnsafe("DROP EXTENSION pg_trgm");
        await first.prisma.$executeRawUnsafe(
          `DELETE FROM "_prisma_migrations" WHERE migration_name = '20261201100100_search_trigram'`,
        );
        const problems = await first.prisma.problem.count();
        const measures = await first.prisma.measure.count();
        if (dir) await first.close();
        const upgraded = await reopen();
        try {
          const names = await upgraded.prisma.$queryRaw<{ indexname: string }[]>`
          SELECT indexname::text AS indexname FROM pg_indexes WHERE indexname LIKE '%trgm_idx' ORDER BY indexname`;
          expect(names.map((n) => n.indexname)).toEqual(INDEXES);
          expect(await upgraded.prisma.problem.count()).toBe(problems);
          expect(await upgraded.prisma.measure.count()).toBe(measures);
          expect(await plan(upgraded, `SELECT id FROM "Measure" WHERE "text"::text ILIKE '%臭氧%'`)).toContain(
            "Measure_text_trgm_idx",
          );
        } finally {
          await upgraded.close();
        }
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
        else await first.close();
      }
    },
  );
});
