// How importing a report scales: generated reports of 100, 250, 500 and 1000 problems (the sample's problems repeated with
// distinct titles, written by formatReport), each parsed and imported (dry run: the full transaction, rolled back), beside two
// floors: reading and splitting the lines, and raw SQL inserts of the same problem and measure rows in one transaction.
// Run with `pnpm bench` (TEST_DB=postgres for PostgreSQL); results are kept in tests/bench/RESULTS.md. Nothing here asserts a time.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { parseReport } from "@rectify/server/importer/parse-report";
import { formatReport } from "@rectify/server/importer/format-report";
import { importReport } from "@rectify/server/queries/import-report";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

const SIZES = [100, 250, 500, 1000] as const;
const texts = new Map<number, string>();
let db: TestDatabase;

/** A report of `n` problems: the sample's 36 repeated in its two sections, titles made distinct by a batch number. */
function generate(sample: string, n: number): string {
  const base = parseReport(sample);
  const problems = Array.from({ length: n }, (_, i) => {
    const p = base.problems[i % base.problems.length]!;
    const batch = Math.floor(i / base.problems.length) + 1;
    return { ...p, title: `${p.title}（第${batch}批）`, titleKey: `${p.titleKey}（第${batch}批）` };
  });
  problems.sort((a, b) => (a.section === b.section ? 0 : a.section === "COMPLETED" ? -1 : 1));
  const counters = { COMPLETED: 0, CONTINUING: 0 };
  for (const p of problems) p.number = ++counters[p.section];
  return formatReport({ ...base, problems, summary: {} });
}

class Rollback extends Error {}

/** The floor of a row-by-row import: one INSERT per problem and per measure, in one transaction, rolled back. */
async function rawInserts(text: string): Promise<void> {
  const r = parseReport(text);
  try {
    await db.prisma.$transaction(
      async (tx) => {
        const inspection = randomUUID();
        await tx.$executeRaw`INSERT INTO "Inspection" (id, team, "inspectedBody", kind) VALUES (${inspection}::uuid, 'bench', 'bench', '巡视')`;
        for (const p of r.problems) {
          const id = randomUUID();
          await tx.$executeRaw`INSERT INTO "Problem" (id, "inspectionId", section, number, "titleKey", title, category, body, "updatedAt")
            VALUES (${id}::uuid, ${inspection}::uuid, ${p.section}::"Section", ${p.number}, ${p.titleKey}, ${p.title}, ${p.category}, ${p.body}, now())`;
          for (const m of p.measures) {
            await tx.$executeRaw`INSERT INTO "Measure" (id, "problemId", number, numbered, text, "updatedAt")
              VALUES (${randomUUID()}::uuid, ${id}::uuid, ${m.number}, ${m.numbered}, ${m.text}, now())`;
          }
        }
        throw new Rollback();
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
}

beforeAll(async () => {
  const sample = await readFile(sampleReportPath, "utf8");
  for (const n of SIZES) texts.set(n, generate(sample, n));
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const once = { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 };

for (const n of SIZES) {
  describe(`${n} problems`, () => {
    bench(`${n}: read and split the lines (floor)`, () => {
      texts.get(n)!.split(/\r\n|\r|\n/);
    });
    bench(
      `${n}: parse`,
      () => {
        parseReport(texts.get(n)!);
      },
      { iterations: 5, time: 0 },
    );
    bench(`${n}: raw SQL inserts of its problem and measure rows (floor)`, () => rawInserts(texts.get(n)!), once);
    bench(
      `${n}: import (dry run: full transaction, rolled back)`,
      async () => {
        await importReport(db.prisma, texts.get(n)!, { dryRun: true });
      },
      once,
    );
  });
}
