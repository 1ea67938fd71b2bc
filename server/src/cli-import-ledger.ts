// `pnpm cli import-ledger`: reads a ledger spreadsheet and imports (or with --dry-run previews) it. Invariants:
// stdout holds only the result (one JSON object with --json); progress and errors go to stderr; exit code 0 on
// success, 1 for an unreadable file or any other error, 3 for warnings not accepted (nothing written), 2 for usage.
import { readFile } from "node:fs/promises";
import { resolveFromCwd } from "./config.ts";
import type { Database } from "./db.ts";
import { AppError, SpreadsheetError, WarningsNotAcceptedError } from "./errors.ts";
import { createProgressPrinter } from "./exports/progress-printer.ts";
import { parseImportLedgerArgs } from "./ledger-sheet/import-args.ts";
import { importLedger, type LedgerImportSummary } from "./queries/import-ledger.ts";

const deadlineText = (s: LedgerImportSummary) => s.parsed.problems.flatMap((p) => p.measures);

/** The summary as printed with --json: counts, columns and warnings, without the parsed rows. */
export function jsonSummary(s: LedgerImportSummary) {
  return {
    dryRun: s.dryRun,
    written: s.written,
    format: s.parsed.format,
    encoding: s.parsed.encoding,
    inspection: s.inspection,
    sheets: s.parsed.sheets.map((sh) => ({
      name: sh.name,
      headerRow: sh.headerRow,
      columns: sh.columns.map((c) => ({ index: c.index, header: c.header, field: c.field, imported: c.imported })),
    })),
    rows: s.rows,
    problems: s.problems,
    measures: s.measures,
    longTerm: deadlineText(s).filter((m) => m.deadline.kind === "longTerm").length,
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    notInSheet: s.notInSheet,
    statusChanges: s.statusChanges,
    keptStatuses: s.keptStatuses,
    warnings: s.warnings,
  };
}

function printHuman(s: LedgerImportSummary) {
  const i = s.inspection;
  const lines = [
    `${s.dryRun ? "[dry run] " : ""}${i.team} → ${i.inspectedBody}${i.created ? " (new inspection)" : ""}`,
    `${s.rows.total} rows: ${s.rows.measure} measures, ${s.rows.blank} blank, ${s.rows.category} category, ${s.rows.header} repeated header, ${s.rows.skipped} skipped`,
    `${s.problems} problems, ${s.measures} measures; created ${s.created.problems} problems, ${s.created.measures} measures, ${s.created.people} people, ${s.created.units} units; updated ${s.updated.problems} problems, ${s.updated.measures} measures`,
  ];
  if (s.keptStatuses > 0) lines.push(`${s.keptStatuses} statuses kept (a spreadsheet never moves a status back)`);
  for (const w of s.warnings) lines.push(`warning ${w.code} ${w.sheet}${w.row ? `:${w.row}` : ""} ${w.message}`);
  console.log(lines.join("\n"));
}

export async function runImportLedger(args: string[], withDb: <T>(fn: (db: Database) => Promise<T>) => Promise<T>) {
  const a = parseImportLedgerArgs(args);
  const file = resolveFromCwd(a.file);
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliFileError(`cannot read ${a.file}: ${err.code ?? err.message}`);
  });
  const printer =
    a.progress || process.stderr.isTTY
      ? createProgressPrinter((s) => process.stderr.write(s), process.stderr.isTTY === true, "导入进度")
      : null;
  try {
    const summary = await withDb((db) =>
      importLedger(db.prisma, bytes, {
        fileName: file,
        inspectionId: a.inspectionId,
        inspection: a.team && a.body ? { team: a.team, inspectedBody: a.body, kind: a.kind, round: a.round } : null,
        dryRun: a.dryRun,
        acceptWarnings: a.acceptWarnings,
        onProgress: printer?.report,
      }),
    );
    printer?.finish();
    if (a.json) process.stdout.write(JSON.stringify(jsonSummary(summary)) + "\n");
    else printHuman(summary);
  } catch (err) {
    printer?.finish();
    if (!(err instanceof AppError)) throw err;
    const exitCode = err instanceof WarningsNotAcceptedError ? 3 : 1;
    if (a.json) {
      const extra =
        err instanceof SpreadsheetError
          ? { reason: err.reason }
          : err instanceof WarningsNotAcceptedError
            ? { warnings: err.warnings }
            : {};
      process.stdout.write(JSON.stringify({ error: { code: err.code, message: err.message, ...extra } }) + "\n");
    } else {
      if (err instanceof WarningsNotAcceptedError) {
        for (const w of err.warnings)
          console.error(`warning ${w.code} ${w.sheet}${w.row ? `:${w.row}` : ""} ${w.message}`);
        console.error("re-run with --accept-warnings to import anyway, or --dry-run to preview");
      }
      console.error(`error ${err.code}${err instanceof SpreadsheetError ? ` (${err.reason})` : ""}: ${err.message}`);
    }
    process.exitCode = exitCode;
  }
}

/** The file named cannot be read: exit code 1. */
export class CliFileError extends Error {}
