// `pnpm start`'s server process as a user runs it: first start creates the admin and imports the sample,
// SIGTERM shuts down cleanly (exit 0, no hung process), and a write made before shutdown is there after restart.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dataDir: string;
let db: TestDatabase | null = null;
const PASSWORD = "first-admin-password";

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rectify-life-"));
  if (testDbKind === "postgres") db = await createTestDatabase();
});
const spawned: ChildProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a server running (it would hold its port and data folder).
  for (const p of spawned) if (p.exitCode === null) p.kill("SIGKILL");
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Running {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

async function start(): Promise<Running> {
  const env = {
    ...process.env,
    PORT: "0",
    DATA_DIR: dataDir,
    DATABASE_URL: db?.url ?? "",
    RECTIFY_ADMIN_PASSWORD: PASSWORD,
  };
  const proc = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { cwd: root, env });
  spawned.push(proc);
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    proc.stdout!.on("data", () => {
      const m = out.match(/Rectify is running: (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { proc, url, output: () => out };
}

async function stop(r: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => r.proc.on("exit", (code) => resolve(code)));
  r.proc.kill("SIGTERM");
  const timeout = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 20_000));
  const result = await Promise.race([exited, timeout]);
  if (result === "hung") r.proc.kill("SIGKILL");
  expect(result).not.toBe("hung");
  return result as number | null;
}

async function gql(url: string, query: string, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as any;
}

describe("the server process", () => {
  it("starts, imports the sample once, shuts down cleanly and keeps what was written", async () => {
    const first = await start();
    expect(first.output()).toContain(
      "imported the sample report: 36 problems (4 completed, 32 continuing), 120 measures",
    );
    expect(first.output()).toContain(`created the first admin: user admin`);
    expect(first.output()).not.toContain(PASSWORD);
    const login = await gql(
      first.url,
      `mutation { login(username:"admin", password:"${PASSWORD}", credential: BEARER) { ... on LoginPayload { token } } }`,
    );
    const token = login.data.login.token as string;
    if (testDbKind === "pglite") {
      // A second process must not open the same embedded database while the server holds it.
      const cli = spawnSync(
        process.execPath,
        ["--import", "tsx", "server/src/cli.ts", "import", "server/seed/sample-report.txt"],
        { cwd: root, env: { ...process.env, INIT_CWD: root, DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" },
      );
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/in use by process \d+/);
    }
    const unit = await gql(
      first.url,
      `mutation { createUnit(name: "关机前写入的单位") { ... on Unit { id } } }`,
      token,
    );
    expect(unit.data.createUnit.id).toBeTruthy();
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("SIGTERM: shutting down");

    const second = await start();
    expect(second.output()).not.toContain("imported the sample report");
    expect(second.output()).not.toContain("created the first admin");
    const after = await gql(second.url, `{ problems { totalCount } units { edges { node { name } } } }`, token);
    expect(after.data.problems.totalCount).toBe(36);
    expect(after.data.units.edges.map((e: any) => e.node.name)).toContain("关机前写入的单位");
    expect(await stop(second)).toBe(0);
  });
});
