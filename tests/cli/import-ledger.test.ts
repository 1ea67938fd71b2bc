// `pnpm cli import-ledger` as a user runs it: a real process on the database `pnpm start` would use. Exit codes:
// 0 done, 1 unreadable file, 2 usage, 3 warnings not accepted (nothing written); progress on stderr only.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";
import { ledgerFixtureDir } from "../helpers/ledger-fixtures.ts";

const fixture = (name: string) => path.join(ledgerFixtureDir, name);
let dataDir: string;
let db: TestDatabase | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rectify-cli-ledger-"));
  if (testDbKind === "postgres") db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  return runCli(args, { dataDir: dataDir, databaseUrl: db?.url });
}

// Each call starts a process that opens the database: slow on a busy machine.
describe("pnpm cli import-ledger", { timeout: 300_000 }, () => {
  it("--dry-run --json previews: one JSON object, nothing written", async () => {
    const r = await cli(["import-ledger", fixture("merged-cells.xlsx"), "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      dryRun: true,
      written: false,
      inspection: { id: null, team: "市委第二巡察组", inspectedBody: "市财政局", created: true },
      rows: { total: 7, measure: 5, category: 2 },
      problems: 2,
      measures: 5,
      longTerm: 1,
      created: { problems: 2, measures: 5, people: 3, units: 3 },
      warnings: [],
    });
  });

  it("imports with progress on stderr, then re-imports into the same inspection without duplicating", async () => {
    const first = await cli(["import-ledger", fixture("merged-cells.xlsx"), "--progress"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("2 problems, 5 measures; created 2 problems, 5 measures, 3 people, 3 units");
    expect(first.stderr).toContain("导入进度 2/2");
    expect(first.stdout).not.toContain("导入进度");
    const created = JSON.parse((await cli(["import-ledger", fixture("merged-cells.xlsx"), "--json"])).stdout);
    expect(created).toMatchObject({ created: { problems: 0, measures: 0 }, unchanged: { problems: 2, measures: 5 } });
    const into = JSON.parse(
      (await cli(["import-ledger", fixture("merged-cells.xlsx"), "--json", "--inspection", created.inspection.id]))
        .stdout,
    );
    expect(into).toMatchObject({ inspection: { id: created.inspection.id }, created: { problems: 0, measures: 0 } });
  });

  it("round trip: `export-ledger` of an inspection re-imports into it with the same people, units, deadlines, statuses", async () => {
    const preview = JSON.parse((await cli(["import-ledger", fixture("merged-cells.xlsx"), "--json"])).stdout);
    const id = preview.inspection.id as string;
    const roundTrip = async (name: string) => {
      const out = path.join(dataDir, name);
      const exported = await cli(["export-ledger", "--out", out, "--inspection", id]);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toContain("5 rows");
      const again = await cli(["import-ledger", out, "--json", "--inspection", id]);
      expect(again.code).toBe(0);
      return JSON.parse(again.stdout);
    };
    const same = {
      inspection: { id },
      problems: 2,
      measures: 5,
      longTerm: 1,
      created: { problems: 0, measures: 0, people: 0, units: 0 },
      statusChanges: 0,
      warnings: [],
    };
    // The export numbers problems within each part by current status, as the published report does; the sheet's
    // own 序号 ran across parts, so the first re-import may renumber a problem — and change nothing else.
    const first = await roundTrip("exported-1.xlsx");
    expect(first).toMatchObject({ ...same, updated: { measures: 0 }, unchanged: { measures: 5 } });
    expect(first.updated.problems + first.unchanged.problems).toBe(2);
    // From then on the round trip is exact.
    expect(await roundTrip("exported-2.xlsx")).toMatchObject({
      ...same,
      updated: { problems: 0, measures: 0 },
      unchanged: { problems: 2, measures: 5 },
    });
  });

  it("exits 3 on warnings not accepted (nothing written), 0 once accepted", async () => {
    const refused = await cli([
      "import-ledger",
      fixture("warnings.xlsx"),
      "--team",
      "市委第四巡察组",
      "--body",
      "市档案馆",
    ]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("warning EMPTY_MEASURE 台账:4");
    expect(refused.stderr).toContain("--accept-warnings");
    const accepted = await cli([
      "import-ledger",
      fixture("warnings.xlsx"),
      "--team",
      "市委第四巡察组",
      "--body",
      "市档案馆",
      "--accept-warnings",
      "--json",
    ]);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ written: true, inspection: { created: true } });
  });

  it("exits 1 on an unreadable file and 2 on usage errors", async () => {
    const locked = await cli(["import-ledger", fixture("password.xlsx"), "--json"]);
    expect(locked.code).toBe(1);
    expect(JSON.parse(locked.stdout).error).toMatchObject({
      code: "SPREADSHEET_UNREADABLE",
      reason: "PASSWORD_PROTECTED",
    });
    const missing = await cli(["import-ledger", path.join(dataDir, "nope.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("ENOENT");
    const usage = await cli(["import-ledger", fixture("gbk.csv"), "--inspection", "42"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--inspection must be an inspection id");
  });
});
