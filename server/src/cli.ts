// `pnpm cli <command>`: operations on the same database as `pnpm start` (same DATA_DIR and DATABASE_URL).
// Commands: import <file> [--dry-run] [--json]. (Users are managed through GraphQL by an admin.)
// Invariant: exit code 0 only on success; errors go to stderr with the line and what was expected.
import { readFile } from "node:fs/promises";
import { loadConfig, resolveFromCwd } from "./config.ts";
import { openDatabase, type Database } from "./db.ts";
import { importReport } from "./queries/import-report.ts";
import { AppError, ImportParseError } from "./errors.ts";

const USAGE = `usage: pnpm cli import <file> [--dry-run] [--json]`;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function runImport(args: string[]) {
  const json = args.includes("--json");
  const dryRun = args.includes("--dry-run");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new UsageError(USAGE);
  const text = await readFile(resolveFromCwd(file), "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${err.code ?? err.message}`, 1);
  });
  try {
    const summary = await withDb((db) => importReport(db.prisma, text, { dryRun }));
    if (json) {
      process.stdout.write(JSON.stringify(summary) + "\n");
    } else {
      const s = summary;
      console.log(
        `${s.dryRun ? "[dry run] " : ""}${s.inspection.team} → ${s.inspection.inspectedBody}, report ${s.report.reportDate ?? "?"}`,
      );
      console.log(
        `${s.problems} problems (${s.completed} completed, ${s.continuing} continuing), ${s.measures} measures`,
      );
      console.log(
        s.alreadyImported
          ? "already imported: nothing changed"
          : `created ${s.created.problems} problems and ${s.created.measures} measures; updated ${s.updated.problems} problems and ${s.updated.measures} measures`,
      );
    }
  } catch (err) {
    if (json && err instanceof AppError) {
      const extra = err instanceof ImportParseError ? { line: err.line, expected: err.expected, found: err.found } : {};
      process.stdout.write(JSON.stringify({ error: { code: err.code, message: err.message, ...extra } }) + "\n");
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === "import") await runImport(rest);
  else throw new UsageError(USAGE);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = err.exitCode;
  } else if (err instanceof AppError) {
    console.error(`error ${err.code}: ${err.message}`);
    process.exitCode = 1;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
}
