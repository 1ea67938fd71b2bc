// Arguments of `pnpm cli export-report` and `pnpm cli export-ledger`; pure. Invariant: anything unexpected (unknown option or format, bad date, missing --out) throws ArgumentError naming it, before any file or database is touched.
import { isValidDay } from "./report-from-db.ts";

export const REPORT_FORMATS = ["txt", "docx", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const EXPORT_USAGE = [
  "pnpm cli export-report --format txt|docx|html --out <file> [--date YYYY-MM-DD] [--inspection <id>] [--progress]",
  "pnpm cli export-ledger --out <file.xlsx> [--inspection <id>] [--progress]",
];

export class ArgumentError extends Error {}

export interface ReportArgs {
  format: ReportFormat;
  out: string;
  date?: string;
  inspectionId?: string;
  progress: boolean;
}

export interface LedgerArgs {
  out: string;
  inspectionId?: string;
  progress: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads "--name value", "--name=value" and bare flags; only the names in `valued` and `flags` are accepted. */
function readOptions(args: string[], valued: string[], flags: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = arg.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!m) throw new ArgumentError(`unexpected argument: ${arg}`);
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (flags.includes(name)) {
      if (inline !== undefined) throw new ArgumentError(`--${name} takes no value`);
      out.set(name, "true");
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
        throw new ArgumentError(`--${name} needs a value`);
      }
      out.set(name, value);
    } else {
      throw new ArgumentError(`unknown option: --${name}`);
    }
  }
  return out;
}

function inspectionOf(opts: Map<string, string>): string | undefined {
  const id = opts.get("inspection");
  if (id !== undefined && !UUID.test(id)) throw new ArgumentError(`--inspection must be an inspection id (a UUID)`);
  return id;
}

/** The format named by --format, else the one the output file's extension names. */
export function parseReportArgs(args: string[]): ReportArgs {
  const opts = readOptions(args, ["format", "out", "date", "inspection"], ["progress"]);
  const out = opts.get("out");
  if (!out) throw new ArgumentError("--out <file> is required");
  const named = opts.get("format") ?? out.match(/\.(txt|docx|html)$/i)?.[1]?.toLowerCase();
  if (!named) throw new ArgumentError("--format is required (txt, docx or html)");
  if (!(REPORT_FORMATS as readonly string[]).includes(named)) {
    throw new ArgumentError(`unknown format "${named}": use txt, docx or html`);
  }
  const date = opts.get("date");
  if (date !== undefined && !isValidDay(date))
    throw new ArgumentError(`--date must be a day as YYYY-MM-DD, got ${date}`);
  return { format: named as ReportFormat, out, date, inspectionId: inspectionOf(opts), progress: opts.has("progress") };
}

export function parseLedgerArgs(args: string[]): LedgerArgs {
  const opts = readOptions(args, ["out", "inspection"], ["progress"]);
  const out = opts.get("out");
  if (!out) throw new ArgumentError("--out <file.xlsx> is required");
  return { out, inspectionId: inspectionOf(opts), progress: opts.has("progress") };
}
