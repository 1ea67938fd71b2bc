// Runs `pnpm cli …` as a user does, from the repository root, on a given data folder or PostgreSQL database
// (through pnpm when the tests run under it, as in CI; else tsx directly). Never throws for a non-zero exit.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  target: { dataDir: string; databaseUrl?: string | null; env?: Record<string, string> },
): Promise<CliResult> {
  const env = {
    ...process.env,
    DATA_DIR: target.dataDir,
    INIT_CWD: root,
    DATABASE_URL: target.databaseUrl ?? "",
    ...target.env,
  };
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
