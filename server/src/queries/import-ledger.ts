// Imports a rectification ledger spreadsheet (整改台账, .xlsx or .csv) into one inspection, in one transaction:
// a preview (dry run) computes exactly what a real run would change and rolls back. Invariants: nothing is written
// when the file cannot be read, when the inspection is not named, or when there are warnings not accepted; an
// updated spreadsheet updates the same problems (by title key) and measures (by text, else number) instead of
// duplicating them; people and units are found by name or created.
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { NotFoundError, SpreadsheetError, ValidationError, WarningsNotAcceptedError } from "../errors.ts";
import { parseLedgerFile } from "../ledger-sheet/parse-ledger.ts";
import {
  SheetParseError,
  type ColumnMapping,
  type LedgerWarning,
  type ParsedLedger,
  type RowOutcome,
} from "../ledger-sheet/types.ts";
import type { ProgressFn } from "../exports/load-inspection.ts";
import { audit } from "./audit.ts";
import { writeLedger, type WriteCounts } from "./import-ledger-write.ts";

export interface NewInspection {
  team: string;
  inspectedBody: string;
  kind?: string | null;
  round?: string | null;
}

export interface LedgerImportOptions {
  fileName?: string;
  mapping?: ColumnMapping;
  /** Import into this inspection (updating what it holds). */
  inspectionId?: string;
  /** Otherwise the inspection named here, else the one the title above the header names. */
  inspection?: NewInspection | null;
  dryRun?: boolean;
  acceptWarnings?: boolean;
  actor?: Viewer | null;
  onProgress?: ProgressFn;
}

export interface LedgerImportSummary extends WriteCounts {
  dryRun: boolean;
  /** True once the import is committed; a dry run and a refused import write nothing. */
  written: boolean;
  parsed: ParsedLedger;
  rows: Record<RowOutcome | "total", number>;
  problems: number;
  measures: number;
  warnings: LedgerWarning[];
  inspection: { id: string | null; team: string; inspectedBody: string; kind: string; created: boolean };
}

class DryRunRollback extends Error {}

export async function readLedger(bytes: Uint8Array, opts: { fileName?: string; mapping?: ColumnMapping } = {}) {
  try {
    return await parseLedgerFile(bytes, opts);
  } catch (err) {
    if (err instanceof SheetParseError) throw new SpreadsheetError(err.reason, err.message);
    throw err;
  }
}

function countRows(parsed: ParsedLedger): LedgerImportSummary["rows"] {
  const rows = { total: 0, measure: 0, blank: 0, header: 0, category: 0, skipped: 0 };
  for (const r of parsed.rows) {
    rows.total++;
    rows[r.outcome]++;
  }
  return rows;
}

export async function importLedger(
  prisma: PrismaClient,
  bytes: Uint8Array,
  opts: LedgerImportOptions = {},
): Promise<LedgerImportSummary> {
  const parsed = await readLedger(bytes, opts);
  const named = opts.inspection?.team && opts.inspection.inspectedBody ? opts.inspection : parsed.inspection;
  if (!opts.inspectionId && !named) {
    throw new ValidationError(
      "name the inspection: its team and inspected body (the title above the header does not say), or pick an existing inspection",
      [{ path: "inspection", message: "team and inspected body required" }],
    );
  }
  if (!opts.dryRun && parsed.warnings.length > 0 && !opts.acceptWarnings) {
    throw new WarningsNotAcceptedError(parsed.warnings);
  }
  const summary: LedgerImportSummary = {
    dryRun: !!opts.dryRun,
    written: false,
    parsed,
    rows: countRows(parsed),
    problems: parsed.problems.length,
    measures: parsed.problems.reduce((n, p) => n + p.measures.length, 0),
    warnings: parsed.warnings,
    inspection: {
      id: null,
      team: named?.team ?? "",
      inspectedBody: named?.inspectedBody ?? "",
      kind: named?.kind ?? "巡察",
      created: false,
    },
    created: { problems: 0, measures: 0, people: 0, units: 0 },
    updated: { problems: 0, measures: 0 },
    unchanged: { problems: 0, measures: 0 },
    statusChanges: 0,
    keptStatuses: 0,
    notInSheet: { problems: 0, measures: 0 },
  };
  try {
    await prisma.$transaction(
      async (tx) => {
        const inspection = opts.inspectionId
          ? await tx.inspection.findUnique({ where: { id: opts.inspectionId } })
          : await tx.inspection.findUnique({
              where: { team_inspectedBody: { team: named!.team, inspectedBody: named!.inspectedBody } },
            });
        if (opts.inspectionId && !inspection) throw new NotFoundError("Inspection", opts.inspectionId);
        const target =
          inspection ??
          (await tx.inspection.create({
            data: {
              team: named!.team,
              inspectedBody: named!.inspectedBody,
              kind: named!.kind || "巡察",
              ...(opts.inspection?.round ? { round: opts.inspection.round } : {}),
            },
          }));
        summary.inspection = {
          id: target.id,
          team: target.team,
          inspectedBody: target.inspectedBody,
          kind: target.kind,
          created: !inspection,
        };
        const counts = await writeLedger(tx, target.id, parsed, {
          actor: opts.actor ?? null,
          onProgress: opts.onProgress,
        });
        Object.assign(summary, counts);
        await audit(tx, opts.actor ?? null, "importLedger", "Inspection", target.id, {
          fileName: opts.fileName ?? null,
          rows: summary.rows,
          warnings: parsed.warnings.length,
          created: summary.created,
          updated: summary.updated,
          inspectionCreated: summary.inspection.created,
        });
        if (opts.dryRun) throw new DryRunRollback();
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
    summary.written = true;
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
    // A dry run names no inspection it did not create.
    if (summary.inspection.created) summary.inspection.id = null;
  }
  return summary;
}
