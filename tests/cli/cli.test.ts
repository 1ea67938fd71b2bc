// `pnpm cli import` as a user runs it: a real process on the same database `pnpm start` would use.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
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
  const env = { ...process.env, DATA_DIR: dataDir, INIT_CWD: root, DATABASE_URL: db?.url ?? "" };
  const pnpm = process.env.npm_execpath;
  const [cmd, argv] = pnpm?.includes("pnpm")
    ? [process.execPath, [pnpm, "cli", ...args]]
    : [path.join(root, "node_modules/.bin/tsx"), ["server/src/cli.ts", ...args]];
  try {
    const { stdout, stderr } = await run(cmd, argv, { cwd: root, env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code as number, stdout: err.stdout as string, stderr: err.stderr as string };
  }
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
