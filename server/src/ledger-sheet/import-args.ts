// Arguments of `pnpm cli import-ledger <file> [--dry-run] [--json] [--inspection <id>] [--accept-warnings]
// [--team <name> --body <name>] [--kind <kind>] [--round <round>] [--progress]`; pure. Invariant: anything
// unexpected throws ArgumentError (exit code 2) before the file or the database is touched.
import { ArgumentError } from "../exports/cli-args.ts";

export const IMPORT_LEDGER_USAGE =
  "pnpm cli import-ledger <file.xlsx|file.csv> [--dry-run] [--json] [--inspection <id>] [--accept-warnings] [--team <name> --body <name>] [--kind <kind>] [--round <round>] [--progress]";

export interface ImportLedgerArgs {
  file: string;
  dryRun: boolean;
  json: boolean;
  acceptWarnings: boolean;
  progress: boolean;
  inspectionId?: string;
  team?: string;
  body?: string;
  kind?: string;
  round?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLAGS = { "dry-run": "dryRun", json: "json", "accept-warnings": "acceptWarnings", progress: "progress" } as const;
const VALUED = { inspection: "inspectionId", team: "team", body: "body", kind: "kind", round: "round" } as const;

export function parseImportLedgerArgs(args: string[]): ImportLedgerArgs {
  const out: Partial<ImportLedgerArgs> & Record<string, unknown> = {
    dryRun: false,
    json: false,
    acceptWarnings: false,
    progress: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = arg.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!m) {
      if (out.file !== undefined) throw new ArgumentError(`unexpected argument: ${arg}`);
      out.file = arg;
      continue;
    }
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (name in FLAGS) {
      if (inline !== undefined) throw new ArgumentError(`--${name} takes no value`);
      out[FLAGS[name as keyof typeof FLAGS]] = true;
    } else if (name in VALUED) {
      const value = inline ?? args[++i];
      if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--"))) {
        throw new ArgumentError(`--${name} needs a value`);
      }
      out[VALUED[name as keyof typeof VALUED]] = value.trim();
    } else throw new ArgumentError(`unknown option: --${name}`);
  }
  if (!out.file) throw new ArgumentError("the spreadsheet file is required");
  if (out.inspectionId !== undefined && !UUID.test(out.inspectionId)) {
    throw new ArgumentError("--inspection must be an inspection id (a UUID)");
  }
  if ((out.team === undefined) !== (out.body === undefined)) throw new ArgumentError("--team and --body go together");
  if (out.inspectionId && out.team) throw new ArgumentError("--inspection cannot be combined with --team/--body");
  return out as ImportLedgerArgs;
}
