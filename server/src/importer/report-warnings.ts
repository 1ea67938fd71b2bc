// Warnings a parsed report carries: its own summary figures disagree with what was parsed, or skipped lines look like report text.
import { countReport, type ImportWarning, type ParsedReport, type SkippedLine } from "./report-types.ts";

/** Compares every stated figure with the parsed counts (problems are top-level problems; the rate is completed/problems). */
export function summaryWarnings(r: ParsedReport): ImportWarning[] {
  const s = r.summary;
  const c = countReport(r);
  const out: ImportWarning[] = [];
  const check = (stated: number | undefined, parsed: number, what: string) => {
    if (stated !== undefined && stated !== parsed) {
      out.push({
        code: "SUMMARY_MISMATCH",
        line: null,
        message: `the report says ${stated} ${what}, ${parsed} were read`,
      });
    }
  };
  check(s.feedback, c.problems, "problems");
  check(s.completed, c.completed, "completed problems");
  if (s.inProgress !== undefined || s.notCompleted !== undefined) {
    check((s.inProgress ?? 0) + (s.notCompleted ?? 0), c.continuing, "problems not yet completed");
  }
  // "N个方面" is checked only against category headings actually read: a report may state it without grouping by category.
  const categories = new Set(r.problems.map((p) => p.category).filter((x) => x !== null)).size;
  if (s.categories !== undefined && categories > 0) check(s.categories, categories, "categories");
  if (s.completionRate !== undefined && c.problems > 0) {
    const rate = (c.completed / c.problems) * 100;
    // Reports round the rate; allow one point either way.
    if (Math.abs(rate - s.completionRate) > 1) {
      out.push({
        code: "SUMMARY_MISMATCH",
        line: null,
        message: `the report says a completion rate of ${s.completionRate}%, the problems read give ${rate.toFixed(1)}%`,
      });
    }
  }
  return out;
}

/** A skipped line that reads like a sentence of the report (long, with a full stop) is worth a look. */
export function skippedWarnings(skipped: SkippedLine[]): ImportWarning[] {
  return skipped
    .filter((l) => l.reason === "unplaced" || (l.text.length >= 40 && /[。；]/.test(l.text)))
    .map((l) => ({
      code: "BODY_LINE_SKIPPED" as const,
      line: l.line,
      message: `第${l.line}行 was skipped as ${l.reason === "page-furniture" ? "page furniture" : "not part of the report"} but reads like report text: “${l.text.slice(0, 30)}…”`,
    }));
}
