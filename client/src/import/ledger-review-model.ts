// What the ledger review shows and sends, pure: the column corrections as mapping input, warnings by row (each row
// accounted for), a measure's deadline in words, and where the import goes (by title, an existing inspection, or new).
import type { LedgerColumn, LedgerField, LedgerSummary, LedgerWarning } from "./import-documents.ts";

/** Header text → the field a supervisor chose for it (only columns they changed). */
export type ColumnEdits = Record<string, LedgerField>;

/** The corrections to send: a chosen field that differs from what the server detected. */
export function mappingOf(columns: LedgerColumn[], edits: ColumnEdits): { header: string; field: LedgerField }[] {
  const out: { header: string; field: LedgerField }[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    const chosen = edits[c.header];
    if (!chosen || seen.has(c.header)) continue;
    seen.add(c.header);
    if (chosen !== (c.detected ?? "IGNORE")) out.push({ header: c.header, field: chosen });
  }
  return out;
}

/** Every sheet's columns, once per header text (the same ledger split over sheets repeats its header). */
export function allColumns(summary: Pick<LedgerSummary, "sheets">): LedgerColumn[] {
  const seen = new Set<string>();
  return summary.sheets.flatMap((s) => s.columns).filter((c) => (seen.has(c.header) ? false : seen.add(c.header)));
}

export const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/** Warnings of a row, by sheet and row; warnings with no row belong to the sheet or file as a whole. */
export function warningsByRow(warnings: LedgerWarning[]): {
  byRow: Map<string, LedgerWarning[]>;
  general: LedgerWarning[];
} {
  const byRow = new Map<string, LedgerWarning[]>();
  const general: LedgerWarning[] = [];
  for (const w of warnings) {
    if (w.row == null) {
      general.push(w);
      continue;
    }
    const key = rowKey(w.sheet, w.row);
    byRow.set(key, [...(byRow.get(key) ?? []), w]);
  }
  return { byRow, general };
}

/** Warnings on rows that became no measure (skipped rows): listed on their own so none is missed. */
export function unplacedWarnings(summary: Pick<LedgerSummary, "problems" | "warnings">): LedgerWarning[] {
  const placed = new Set<string>();
  for (const p of summary.problems) {
    placed.add(rowKey(p.sheet, p.row));
    for (const m of p.measures) placed.add(rowKey(m.sheet, m.row));
  }
  return summary.warnings.filter((w) => w.row != null && !placed.has(rowKey(w.sheet, w.row)));
}

export type DeadlineView =
  { kind: "date"; date: string } | { kind: "longTerm" } | { kind: "unreadable"; text: string } | { kind: "none" };

export function deadlineOf(m: {
  deadline: string | null;
  longTerm: boolean;
  deadlineUnreadable: string | null;
}): DeadlineView {
  if (m.longTerm) return { kind: "longTerm" };
  if (m.deadline) return { kind: "date", date: m.deadline };
  if (m.deadlineUnreadable) return { kind: "unreadable", text: m.deadlineUnreadable };
  return { kind: "none" };
}

export type Target =
  { kind: "auto" } | { kind: "existing"; id: string } | { kind: "new"; team: string; inspectedBody: string };

/** The mutation's inspection arguments for a target; "auto" lets the server read the title above the header. */
export function targetVariables(t: Target): {
  inspectionId?: string;
  inspection?: { team: string; inspectedBody: string };
} {
  if (t.kind === "existing") return { inspectionId: t.id };
  if (t.kind === "new") return { inspection: { team: t.team.trim(), inspectedBody: t.inspectedBody.trim() } };
  return {};
}

/** A new target needs both names before anything is sent. */
export function targetComplete(t: Target): boolean {
  return t.kind !== "new" || (t.team.trim() !== "" && t.inspectedBody.trim() !== "");
}
