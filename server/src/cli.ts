// `pnpm cli <command>`: operations on the same database as `pnpm start` (same DATA_DIR and DATABASE_URL).
// Commands: import <file> [--dry-run] [--json] [--accept-warnings]; import-ledger (IMPORT_LEDGER_USAGE);
// export-report and export-ledger (see EXPORT_USAGE). (Users are managed through GraphQL by an admin.) Invariant:
// exit code 0 only on success (2: usage, 3: import warnings not accepted, nothing written; 1: anything else);
// errors and progress go to stderr, so stdout holds only results.
import { readFile } from "node:fs/promises";
import { loadConfig, resolveFromCwd } from "./config.ts";
import { DataDirInUseError } from "./db/data-dir-lock.ts";
import { openDatabase, type Database } from "./db.ts";
import { importReport, readImportFile, type ImportSummary } from "./queries/import-report.ts";
import { AppError, ImportParseError } from "./errors.ts";
import { ArgumentError, EXPORT_USAGE, parseLedgerArgs, parseReportArgs } from "./exports/cli-args.ts";
import { checkWritable, exportLedgerFile, exportReportFile, OutputError } from "./exports/export-files.ts";
import { createProgressPrinter } from "./exports/progress-printer.ts";
import type { ProgressFn } from "./exports/load-inspection.ts";
import { IMPORT_LEDGER_USAGE } from "./ledger-sheet/import-args.ts";
import { CliFileError, runImportLedger } from "./cli-import-ledger.ts";
import { openBlobStore } from "./files/select-blob-store.ts";
import { migrateBlobs } from "./files/migrate-blobs.ts";
import { runBackup, runRestore, BackupUsage, BACKUP_USAGE } from "./backup/cli-backup.ts";

const MIGRATE_USAGE = "pnpm cli migrate-blobs --to disk|pg|s3 [--from disk|pg|s3] [--json]";
const USAGE = [
  "usage: pnpm cli import <file.txt|.docx|.pdf> [--dry-run] [--json] [--accept-warnings]",
  `       ${MIGRATE_USAGE}`,
  ...BACKUP_USAGE.map((u) => `       ${u}`),
  ...[IMPORT_LEDGER_USAGE, ...EXPORT_USAGE].map((u) => `       ${u}`),
].join("\n");

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The --json view of an import: everything but the parsed tree and the source text. */
function importJson(s: ImportSummary) {
  const { parsed, sourceLines: _lines, ...rest } = s;
  return {
    ...rest,
    title: parsed.title,
    layout: parsed.layout,
    summaryFigures: parsed.summary,
    skipped: parsed.skipped,
  };
}

async function runImport(args: string[]) {
  const json = args.includes("--json");
  const dryRun = args.includes("--dry-run");
  const acceptWarnings = args.includes("--accept-warnings");
  const unknown = args.find((a) => a.startsWith("--") && !["--json", "--dry-run", "--accept-warnings"].includes(a));
  if (unknown) throw new UsageError(`unknown option ${unknown}\n${USAGE}`);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new UsageError(USAGE);
  const bytes = await readFile(resolveFromCwd(file)).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${err.code ?? err.message}`, 1);
  });
  try {
    const source = await readImportFile(bytes, file);
    const summary = await withDb((db) => importReport(db.prisma, source.text, { dryRun, acceptWarnings, source }));
    if (summary.needsReview) process.exitCode = 3;
    if (json) {
      process.stdout.write(JSON.stringify(importJson(summary)) + "\n");
    } else {
      const s = summary;
      console.log(
        `${s.dryRun ? "[dry run] " : ""}${s.inspection.team} → ${s.inspection.inspectedBody}, report ${s.report.reportDate ?? "?"} (${s.format}, ${s.encoding})`,
      );
      console.log(
        `${s.problems} problems (${s.completed} completed, ${s.continuing} continuing), ${s.measures} measures`,
      );
      for (const w of s.warnings) console.error(`warning ${w.code}: ${w.message}`);
      console.log(
        s.alreadyImported
          ? "already imported: nothing changed"
          : s.needsReview
            ? `${s.warnings.length} warning(s): nothing written; review them and run again with --accept-warnings`
            : `${s.dryRun ? "would create" : "created"} ${s.created.problems} problems and ${s.created.measures} measures; updated ${s.updated.problems} problems and ${s.updated.measures} measures`,
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

/**
 * Shared by both exports: arguments first (exit 2), then the output path (exit 1), and only then the database, so
 * a typo costs nothing. Progress shows on a terminal, or anywhere with --progress.
 */
async function runExport<A extends { out: string; progress: boolean }>(
  args: string[],
  parse: (args: string[]) => A,
  run: (db: Database, args: A, file: string, onProgress?: ProgressFn) => Promise<string>,
) {
  let parsed: A;
  try {
    parsed = parse(args);
  } catch (err) {
    if (err instanceof ArgumentError) throw new UsageError(`${err.message}\n${USAGE}`);
    throw err;
  }
  const file = resolveFromCwd(parsed.out);
  await checkWritable(file);
  const printer =
    parsed.progress || process.stderr.isTTY
      ? createProgressPrinter((s) => process.stderr.write(s), process.stderr.isTTY === true)
      : null;
  let summary: string;
  try {
    summary = await withDb((db) => run(db, parsed, file, printer?.report));
  } finally {
    // Ends the terminal's progress line first, so the summary does not land on it.
    printer?.finish();
  }
  console.log(summary);
}

/** Copies the files of one blob store into another (see files/migrate-blobs.ts); exit 1 when any was corrupt. */
async function runMigrateBlobs(args: string[]) {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const kinds = ["disk", "pg", "s3"] as const;
  const to = opt("--to");
  const from = opt("--from") ?? "disk";
  const known = new Set(["--to", "--from", "--json", to, opt("--from")]);
  const unknown = args.find((a) => !known.has(a));
  if (unknown !== undefined) throw new UsageError(`unknown argument ${unknown}\nusage: ${MIGRATE_USAGE}`);
  const isKind = (k: string | undefined): k is (typeof kinds)[number] => kinds.includes(k as never);
  if (!isKind(to) || !isKind(from) || to === from) throw new UsageError(`usage: ${MIGRATE_USAGE}`);
  const config = loadConfig();
  await withDb(async (db) => {
    const source = await openBlobStore(from, { db, dataDir: config.dataDir, env: process.env });
    const target = await openBlobStore(to, { db, dataDir: config.dataDir, env: process.env });
    const summary = await migrateBlobs(source, target, (key, outcome) => {
      if (outcome === "corrupt") console.error(`corrupt (bytes do not match the name, not copied): ${key}`);
    });
    if (args.includes("--json")) process.stdout.write(JSON.stringify(summary) + "\n");
    else {
      console.log(
        `${from} → ${to}: ${summary.copied} copied (${summary.bytes} bytes), ${summary.alreadyThere} already there, ${summary.corrupt.length} corrupt`,
      );
    }
    if (summary.corrupt.length) process.exitCode = 1;
  });
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
  else if (command === "import-ledger") {
    await runImportLedger(rest, withDb).catch((err: unknown) => {
      if (err instanceof ArgumentError) throw new UsageError(`${err.message}\n${USAGE}`);
      if (err instanceof CliFileError) throw new UsageError(err.message, 1);
      throw err;
    });
  } else if (command === "export-report")
    await runExport(rest, parseReportArgs, (db, a, f, p) => exportReportFile(db.prisma, a, f, p));
  else if (command === "migrate-blobs") await runMigrateBlobs(rest);
  else if (command === "backup" || command === "restore") {
    await (command === "backup" ? runBackup(rest) : runRestore(rest)).catch((err: unknown) => {
      if (err instanceof BackupUsage) throw new UsageError(err.message, err.exitCode);
      throw err;
    });
  } else if (command === "export-ledger")
    await runExport(rest, parseLedgerArgs, (db, a, f, p) => exportLedgerFile(db.prisma, a, f, p));
  else throw new UsageError(USAGE);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = err.exitCode;
  } else if (err instanceof DataDirInUseError) {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  } else if (err instanceof OutputError) {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  } else if (err instanceof AppError) {
    console.error(`error ${err.code}: ${err.message}`);
    process.exitCode = 1;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
}
