// Writes an export to a file for the CLI and returns its one-line summary. Invariants: the output path is checked before the database is opened; the file appears whole or not at all (written beside it, then renamed).
import { access, constants, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db.ts";
import type { LedgerArgs, ReportArgs } from "./cli-args.ts";
import type { ProgressFn } from "./load-inspection.ts";
import { exportLedger, exportReport } from "./render.ts";
import { SECTION_LABEL } from "./ledger-labels.ts";

/** The output cannot be written; exit code 1 like any runtime failure. */
export class OutputError extends Error {}

const reason = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Fails early, with the path and the reason, when `file` cannot be created or replaced. */
export async function checkWritable(file: string): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${file}: it is a directory`);
  const target = existing ? file : path.dirname(file);
  await access(target, constants.W_OK).catch((err: unknown) => {
    throw new OutputError(`cannot write ${file}: ${reason(err)}`);
  });
}

export async function writeOutput(file: string, body: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, body);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new OutputError(`cannot write ${file}: ${reason(err)}`);
  }
}

export async function exportReportFile(
  prisma: PrismaClient,
  args: ReportArgs,
  file: string,
  onProgress?: ProgressFn,
): Promise<string> {
  const r = await exportReport(prisma, args.format, {
    inspectionId: args.inspectionId,
    date: args.date,
    onProgress,
  });
  await writeOutput(file, r.body);
  const c = r.counts;
  return (
    `exported report (${args.format}, ${r.report.reportDate}) of ${r.inspection.team} → ${r.inspection.inspectedBody}: ` +
    `${c.problems} problems (${c.completed} completed, ${c.continuing} continuing), ${c.measures} measures → ` +
    `${file} (${r.body.length} bytes)`
  );
}

export async function exportLedgerFile(
  prisma: PrismaClient,
  args: LedgerArgs,
  file: string,
  onProgress?: ProgressFn,
): Promise<string> {
  const r = await exportLedger(prisma, { inspectionId: args.inspectionId, onProgress });
  await writeOutput(file, r.body);
  const completed = r.rows.filter((row) => row.section === "COMPLETED").length;
  return (
    `exported ledger of ${r.inspection.team} → ${r.inspection.inspectedBody}: ${r.rows.length} rows ` +
    `(${SECTION_LABEL.COMPLETED} ${completed}, ${SECTION_LABEL.CONTINUING} ${r.rows.length - completed}) → ` +
    `${file} (${r.body.length} bytes)`
  );
}
