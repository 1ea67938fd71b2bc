// `pnpm cli import` as a user runs it: a real process on the same database `pnpm start` would use.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { runCli } from "../helpers/run-cli.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";
import iconv from "iconv-lite";
import { scannedPdf } from "@rectify/server/importer/test-pdf";

let dataDir: string;
let db: TestDatabase | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rectify-cli-"));
  if (testDbKind === "postgres") db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `pnpm cli …` from the repository root (through pnpm when the tests run under it, as in CI). */
async function cli(args: string[]) {
  return runCli(args, { dataDir: dataDir, databaseUrl: db?.url });
}

describe("pnpm cli import", () => {
  it("--dry-run --json prints one JSON object with the sample's counts and writes nothing", async () => {
    const r = await cli(["import", sampleReportPath, "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ problems: 36, measures: 120, completed: 4, continuing: 32, dryRun: true });
    const again = JSON.parse((await cli(["import", sampleReportPath, "--dry-run", "--json"])).stdout);
    expect(again.created).toEqual({ problems: 36, measures: 120 });
  });

  it("imports, then reports the second import as already done", async () => {
    const first = await cli(["import", sampleReportPath]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("36 problems (4 completed, 32 continuing), 120 measures");
    const second = JSON.parse((await cli(["import", sampleReportPath, "--json"])).stdout);
    expect(second).toMatchObject({ alreadyImported: true, created: { problems: 0, measures: 0 } });
  });

  it("fails on unreadable input with the line and exit code 1", async () => {
    const bad = path.join(dataDir, "bad.txt");
    await writeFile(bad, "这不是一份整改进展报告。\n");
    const r = await cli(["import", bad, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: "IMPORT_PARSE_ERROR", line: expect.any(Number) });
    const usage = await cli(["import"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage:");
  });
});

describe("pnpm cli import of real files", () => {
  const report = [
    "首页 > 信息公开 > 巡察工作",
    "关于巡察整改进展情况的通报",
    "根据市委统一部署，市委第五巡察组于2023年5月8日至7月7日对市文广旅局党组开展了巡察，并于8月30日进行了反馈。",
    "（一）在“落实意识形态工作责任制”方面",
    "1.关于“阵地管理不严”问题的整改。",
    "（1）开展阵地排查。",
    "中共某市文广旅局党组",
    "2024年3月20日",
  ].join("\r\n");

  it("reads a GB18030 file, exits 3 on warnings without writing, and imports with --accept-warnings", async () => {
    const file = path.join(dataDir, "gbk.txt");
    await writeFile(file, iconv.encode(report, "gb18030"));
    const review = await cli(["import", file, "--json"]);
    expect(review.code).toBe(3);
    const out = JSON.parse(review.stdout);
    expect(out).toMatchObject({
      encoding: "GB18030",
      format: "txt",
      title: "关于巡察整改进展情况的通报",
      needsReview: true,
      imported: false,
      problems: 1,
      layout: { categories: true, sections: false, problemMarker: "arabic" },
      skipped: [{ line: 1, reason: "page-furniture" }],
      warnings: [{ code: "STATUS_NOT_STATED", line: 5 }],
    });
    const accepted = await cli(["import", file, "--accept-warnings"]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain("created 1 problems and 1 measures");
    expect(accepted.stderr).toContain("warning STATUS_NOT_STATED");
  });

  it("refuses a scanned PDF with a clear error and exit code 1", async () => {
    const file = path.join(dataDir, "scan.pdf");
    await writeFile(file, await scannedPdf());
    const r = await cli(["import", file, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: "IMPORT_UNREADABLE_FILE" });
    expect(JSON.parse(r.stdout).error.message).toContain("no text layer");
  });
});
