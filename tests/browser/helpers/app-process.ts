// The product as a separate process (`tsx server/src/main.ts`) on a port of its own, serving the built PWA: so a
// test can kill it (SIGKILL, mid-sync) and start it again on the same data.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * A port nothing listens on: `preferred` when it is free (a test keeps one origin across restarts, so its service
 * worker and IndexedDB survive them), else one the system picks — two suites running at once on one machine must
 * not take each other's server for their own.
 */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, () => {
        const got = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(got));
      });
    });
  return (preferred ? await tryListen(preferred) : null) ?? (await tryListen(0))!;
}

export interface AppProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startAppProcess(opts: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  adminPassword: string;
  clientDist?: string;
  /** How long the first "Rectify is running" may take (a loaded machine needs more than the default). */
  startTimeoutMs?: number;
}): Promise<AppProcess> {
  const env = {
    ...process.env,
    PORT: String(opts.port),
    DATA_DIR: opts.dataDir,
    DATABASE_URL: opts.databaseUrl ?? "",
    RECTIFY_ADMIN_PASSWORD: opts.adminPassword,
    CLIENT_DIST: opts.clientDist ?? "",
  };
  const proc = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { cwd: root, env });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    // A loaded machine (shared CI, many engineers) can take long to start; a stuck server is not left behind.
    const timer = setTimeout(
      () => {
        proc.kill("SIGKILL");
        reject(new Error(`server did not start:\n${out}`));
      },
      opts.startTimeoutMs ?? Number(process.env.APP_START_TIMEOUT_MS ?? 60_000),
    );
    const check = () => {
      if (out.includes("Rectify is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on("data", check);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://localhost:${opts.port}`,
    proc,
    output: () => out,
    kill: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill(signal);
      }),
  };
}

/** GraphQL over HTTP with an optional bearer token. */
export async function gqlAt(url: string, query: string, variables?: object, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}

export async function bearer(url: string, username: string, password: string): Promise<string> {
  const r = await gqlAt(
    url,
    `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER){ ... on LoginPayload { token } } }`,
    { u: username, p: password },
  );
  const token = r.data?.login?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(r)}`);
  return token;
}
