// N real server processes (`tsx server/src/main.ts`, each its own port and DATA_DIR) on ONE fresh PostgreSQL
// database, started at the same moment (so they race on migrations and first-start seeding), with a
// round-robin chooser that skips servers that were killed. For multi-server tests and the cluster bench.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ClusterServer {
  name: string;
  url: string;
  proc: ChildProcess;
  dataDir: string;
  alive: boolean;
  /** Everything the process printed (JSON log lines on stdout, anything on stderr). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface Cluster {
  /** postgresql:// URL of the cluster's own database (dropped by close()). */
  databaseUrl: string;
  servers: ClusterServer[];
  adminPassword: string;
  /** The next live server's URL, round robin (a device behind a load balancer). */
  next(): string;
  close(): Promise<void>;
}

/** A new, empty database (no migrations: the servers apply them). */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rectify_cluster_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startServerProcess(
  name: string,
  env: NodeJS.ProcessEnv,
  startTimeoutMs = Number(process.env.APP_START_TIMEOUT_MS ?? 120_000),
): Promise<ClusterServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `rectify-${name}-`));
  const proc = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, CLIENT_DIST: "", ...env },
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`${name} did not start:\n${out}`));
    }, startTimeoutMs);
    proc.stdout!.on("data", () => {
      const m = out.match(/Rectify is running: (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${out}`));
    });
  });
  const server: ClusterServer = {
    name,
    url,
    proc,
    dataDir,
    alive: true,
    output: () => out,
    kill: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        server.alive = false;
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill(signal);
      }),
  };
  proc.once("exit", () => (server.alive = false));
  return server;
}

/** Starts `n` servers at once on a fresh database; `env` is added to each server's environment. */
export async function startCluster(n = 3, env: NodeJS.ProcessEnv = {}): Promise<Cluster> {
  const db = await createEmptyDatabase();
  const adminPassword = "cluster admin password 7";
  const names = "ABCDEFGHIJ".slice(0, n).split("");
  const started = await Promise.allSettled(
    names.map((name) =>
      startServerProcess(name, { DATABASE_URL: db.url, RECTIFY_ADMIN_PASSWORD: adminPassword, ...env }),
    ),
  );
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const close = async () => {
    await Promise.all(servers.map((s) => s.kill("SIGKILL")));
    await Promise.all(servers.map((s) => rm(s.dataDir, { recursive: true, force: true })));
    await db.drop();
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await close();
    throw (failed as PromiseRejectedResult).reason;
  }
  let turn = 0;
  return {
    databaseUrl: db.url,
    servers,
    adminPassword,
    next() {
      for (let i = 0; i < servers.length; i++) {
        const s = servers[turn++ % servers.length]!;
        if (s.alive) return s.url;
      }
      throw new Error("no server is alive");
    },
    close,
  };
}
