// Run-time configuration from the environment: PORT, DATA_DIR, DATABASE_URL, RECTIFY_ADMIN_PASSWORD, CLIENT_DIST.
// Invariant: relative paths resolve against the directory the user ran the command in.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const sampleReportPath = fileURLToPath(new URL("../seed/sample-report.txt", import.meta.url));

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** The built PWA to serve (default client/dist); deployments and tests may point elsewhere. */
  clientDist: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cwd = env.INIT_CWD ?? process.cwd();
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const url = env.DATABASE_URL?.trim() || undefined;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL (unset it to use the embedded database), got ${url}`);
  }
  return {
    port,
    dataDir: path.resolve(cwd, env.DATA_DIR || "./data"),
    databaseUrl: url,
    adminPassword: env.RECTIFY_ADMIN_PASSWORD || undefined,
    clientDist: env.CLIENT_DIST ? path.resolve(cwd, env.CLIENT_DIST) : undefined,
  };
}

export function resolveFromCwd(p: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), p);
}
