// What the report review shows, pure: every source line with its role, skip reason and warnings (so each line is
// visibly accounted for), the report's own summary figures beside what was counted, and the tree's totals.
// Invariant: lines are 1-based as the server numbers them; a warning without a line belongs to the whole report.
import type { ImportedProblem, ImportWarning, ReportSummary } from "./import-documents.ts";

export type LineState = "used" | "skipped" | "blank" | "unaccounted";

export interface SourceLine {
  line: number;
  text: string;
  state: LineState;
  /** title, header, part, section, category, problem, measure, … (used lines) */
  role: string | null;
  /** page-furniture | unplaced (skipped lines) */
  reason: string | null;
  warnings: ImportWarning[];
}

export function sourceLines(
  s: Pick<ReportSummary, "sourceLines" | "lineRoles" | "skipped" | "warnings">,
): SourceLine[] {
  const roles = new Map(s.lineRoles.map((r) => [r.line, r.role]));
  const skipped = new Map(s.skipped.map((k) => [k.line, k.reason]));
  const warnings = new Map<number, ImportWarning[]>();
  for (const w of s.warnings) {
    if (w.line == null) continue;
    warnings.set(w.line, [...(warnings.get(w.line) ?? []), w]);
  }
  return s.sourceLines.map((text, i) => {
    const line = i + 1;
    const role = roles.get(line) ?? null;
    const reason = skipped.get(line) ?? null;
    const state: LineState = role ? "used" : reason ? "skipped" : text.trim() === "" ? "blank" : "unaccounted";
    return { line, text, state, role, reason, warnings: warnings.get(line) ?? [] };
  });
}

/** Warnings that name no line: shown above the tree, for the report as a whole. */
export const reportWarnings = (warnings: ImportWarning[]) => warnings.filter((w) => w.line == null);

export interface FigureRow {
  key: "feedback" | "categories" | "completed" | "notYet" | "completionRate";
  stated: number | null;
  counted: number;
  /** null when the report states nothing to compare with */
  agrees: boolean | null;
}

/**
 * The report's own figures beside what was parsed, by the server's rules (report-warnings.ts): problems are
 * top-level problems, 正在整改 and 未完成 together are the problems not yet completed, the rate (in percent) may be
 * one point off because reports round it.
 */
export function figureRows(
  s: Pick<ReportSummary, "summaryFigures" | "problems" | "completed" | "continuing" | "tree">,
): FigureRow[] {
  const f = s.summaryFigures;
  const rate = s.problems > 0 ? Math.round((s.completed / s.problems) * 1000) / 10 : 0;
  const categories = new Set(s.tree.map((p) => p.category).filter((c) => c !== null)).size;
  const notYet = f.inProgress == null && f.notCompleted == null ? null : (f.inProgress ?? 0) + (f.notCompleted ?? 0);
  const row = (key: FigureRow["key"], stated: number | null, counted: number, same = stated === counted) => ({
    key,
    stated,
    counted,
    agrees: stated == null ? null : same,
  });
  const rateAgrees = f.completionRate != null && Math.abs(rate - f.completionRate) <= 1;
  return [
    row("feedback", f.feedback, s.problems),
    row("categories", f.categories, categories),
    row("completed", f.completed, s.completed),
    row("notYet", notYet, s.continuing),
    row("completionRate", f.completionRate, rate, rateAgrees),
  ];
}

export interface TreeTotals {
  problems: number;
  measures: number;
  notStated: number;
}

export function treeTotals(tree: ImportedProblem[]): TreeTotals {
  const t: TreeTotals = { problems: 0, measures: 0, notStated: 0 };
  const walk = (ps: ImportedProblem[]) => {
    for (const p of ps) {
      t.problems += 1;
      t.measures += p.measures.length;
      if (p.status === "NOT_STATED") t.notStated += 1;
      walk(p.children);
    }
  };
  walk(tree);
  return t;
}

/** Problems grouped under their category (方面) in report order; problems without one form a group of their own. */
export function byCategory(tree: ImportedProblem[]): { category: string | null; problems: ImportedProblem[] }[] {
  const groups: { category: string | null; problems: ImportedProblem[] }[] = [];
  for (const p of tree) {
    const last = groups[groups.length - 1];
    if (last && last.category === p.category) last.problems.push(p);
    else groups.push({ category: p.category, problems: [p] });
  }
  return groups;
}

/** Lines a problem or measure heading starts on that have a warning: marked on the tree too. */
export function warnedLines(warnings: ImportWarning[]): Set<number> {
  return new Set(warnings.flatMap((w) => (w.line == null ? [] : [w.line])));
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** The inspection a report went into, by its team and inspected body (the list holds global ids). */
export function matchInspection<T extends { team: string; inspectedBody: string }>(
  list: T[],
  team: string,
  inspectedBody: string,
): T | null {
  return list.find((i) => squash(i.team) === squash(team) && squash(i.inspectedBody) === squash(inspectedBody)) ?? null;
}

/** The id an element of the source pane has, so warnings and the tree can link to their line. */
export const lineAnchor = (line: number) => `src-line-${line}`;
