// The report-source migration (title, format, encoding, layout on Report) upgrades a database that already holds reports without
// touching them: their rows survive unchanged and the new columns read null ("not recorded then").
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { migrate, migrationsDir, type SqlSession } from "./migrate.ts";

const MIGRATION = "20261201110000_report_source";
// pg_trgm as db.ts loads it: the search_trigram migration needs it.
const db = new PGlite({ extensions: { pg_trgm } });
const session: SqlSession = {
  query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  exec: async (sql: string) => {
    await db.exec(sql);
  },
};
const before = mkdtempSync(path.join(tmpdir(), "rectify-migrations-"));
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await db.close();
});

it("keeps reports imported before it and leaves their new columns null", async () => {
  for (const name of readdirSync(migrationsDir)) {
    if (name < MIGRATION && !name.endsWith(".toml"))
      cpSync(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
  }
  await migrate(session, before);
  await db.exec(`
    INSERT INTO "Inspection" (id, team, "inspectedBody", kind)
      VALUES ('00000000-0000-4000-8000-000000000001', '省委第二巡视组', '常熟市', '巡视');
    INSERT INTO "Report" (id, "inspectionId", "headerText", organisation, "nextSteps", "summaryFigures", "sourceSha256")
      VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '根据省委统一部署……',
              '{"intro":"","points":[]}', '{"intro":"","points":[]}', '{"feedback":36}', 'abc');`);
  const applied = await migrate(session);
  expect(applied).toContain(MIGRATION);
  expect(applied.every((n) => n >= MIGRATION)).toBe(true);
  const rows = await session.query(
    `SELECT "headerText", "summaryFigures", "sourceSha256", title, "sourceFormat", "sourceEncoding", layout FROM "Report"`,
  );
  expect(rows).toEqual([
    {
      headerText: "根据省委统一部署……",
      summaryFigures: { feedback: 36 },
      sourceSha256: "abc",
      title: null,
      sourceFormat: null,
      sourceEncoding: null,
      layout: null,
    },
  ]);
});
