// Benchmarks of what users wait for: parsing and importing a report, listing the ledger, syncing a record.
// Run with `pnpm bench` (TEST_DB=postgres for PostgreSQL); results are kept in tests/bench/RESULTS.md.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { parseReport } from "@rectify/server/importer/parse-report";
import { importReport } from "@rectify/server/queries/import-report";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
let empty: TestDatabase;
let sample: string;
let problemId: string;
let measureIds: string[];

beforeAll(async () => {
  sample = await readFile(sampleReportPath, "utf8");
  app = await startTestApp();
  empty = await createTestDatabase();
  const p = await app.db.prisma.problem.findFirstOrThrow({ include: { measures: true } });
  problemId = p.id;
  measureIds = p.measures.map((m) => m.id).slice(0, 2);
});
afterAll(async () => {
  await app?.close();
  await empty?.close();
});

let n = 0;
const LEDGER = `query { problems(first: 50, filter: { section: CONTINUING }) { totalCount edges { node { id title status
  measures(first: 50) { edges { node { id text status deadline responsibleUnit { name } } } } } } } }`;

describe("importer", () => {
  bench("parse the sample report (36 problems, 120 measures)", () => {
    parseReport(sample);
  });
  bench(
    "import the sample report into an empty ledger (dry run: full transaction, rolled back)",
    async () => {
      await importReport(empty.prisma, sample, { dryRun: true });
    },
    { iterations: 5, time: 0 },
  );
  bench(
    "re-import a later report of the same inspection (every problem matched, nothing new)",
    async () => {
      await importReport(app.db.prisma, `${sample}\n`.replace("2024年3月15日", `2024年3月${16 + (n++ % 10)}日`), {
        dryRun: true,
      });
    },
    { iterations: 5, time: 0 },
  );
});

describe("GraphQL over HTTP", () => {
  bench(
    "supervisor lists 32 continuing problems with measures",
    async () => {
      await app.as("supervisor")(LEDGER);
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "unit liaison lists its own items",
    async () => {
      await app.as("liaisonA")(LEDGER);
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "field device syncs a new record",
    async () => {
      await send(app, "inspector", siteVisit(problemId, measureIds));
    },
    { iterations: 50, time: 0 },
  );
});
