// parseReport: reads a published rectification progress report in any of the layouts real reports use into a ParsedReport, accounting
// for every line (used with a role, or skipped) and listing warnings; pure and linear in the text. Throws ReportParseError with the
// 1-based line where the structure went wrong.
import {
  ReportParseError,
  type ImportWarning,
  type LineRole,
  type ParsedProblem,
  type ReadReport,
  type ReportPoints,
} from "./report-types.ts";
import { EXPECT, matchBracketHeading, matchTopHeading } from "./line-patterns.ts";
import { detectScript, intToCn, splitLines, type SourceLine } from "./normalise.ts";
import { extractContact, extractHeaderFacts, extractSummary } from "./facts.ts";
import {
  detectProblemStyle,
  parseProgress,
  setStatus,
  type DraftProblem,
  type ProgressPart,
} from "./parse-progress.ts";
import { categoryStatus, reportSaysAllCompleted } from "./sections.ts";
import { ownStatus } from "./parse-problem.ts";
import { prepareLines } from "./prepare-lines.ts";
import { categoryName, classifyPart, readPoints, splitClosing, type PartKind } from "./report-parts.ts";
import { matchMarker, parseAboutHeading } from "./problem-heading.ts";
import { summaryWarnings, skippedWarnings } from "./report-warnings.ts";
import { matchTableHeader } from "./table-rows.ts";

export { ReportParseError, countReport } from "./report-types.ts";

interface Part {
  kind: PartKind;
  heading: SourceLine | null;
  lines: SourceLine[];
}

/** Splits at top-level headings "一、二、三、…", which must run in order; a heading that is a problem ("一、关于…问题") is not a part. */
function splitParts(lines: SourceLine[]): { header: SourceLine[]; parts: Part[] } {
  const header: SourceLine[] = [];
  const parts: Part[] = [];
  for (const l of lines) {
    const top = matchTopHeading(l.text);
    if (top && !parseAboutHeading(top.text)) {
      if (top.n !== parts.length + 1) {
        throw new ReportParseError(l.no, EXPECT.topHeading(intToCn(parts.length + 1)), l.text);
      }
      parts.push({ kind: classifyPart(top.text), heading: l, lines: [] });
    } else if (parts.length > 0) parts[parts.length - 1]!.lines.push(l);
    else header.push(l);
  }
  return { header, parts };
}

/** Without a 一、二、三、 frame the header runs to the first section, category or problem heading. */
function splitUnframed(lines: SourceLine[]): { header: SourceLine[]; parts: Part[] } {
  const style = detectProblemStyle(lines);
  const at = lines.findIndex((l) => {
    if (matchBracketHeading(l.text) || matchTableHeader(l.text)) return true;
    const m = matchMarker(l.text);
    if (style === null) return false;
    if (style.style === "none") return m === null && parseAboutHeading(l.text) !== null;
    return m?.style === style.style || (m === null && parseAboutHeading(l.text) !== null);
  });
  if (at < 0) return { header: lines, parts: [] };
  return { header: lines.slice(0, at), parts: [{ kind: "progress", heading: null, lines: lines.slice(at) }] };
}

const hasProblems = (lines: SourceLine[]): boolean => {
  if (lines.some((l) => matchTableHeader(l.text))) return true;
  const s = detectProblemStyle(lines);
  return s !== null && !s.stated;
};

function stripDraft(p: ParsedProblem): ParsedProblem {
  const { statusStated: _s, ownWords: _w, ...rest } = p as DraftProblem;
  return { ...rest, children: rest.children.map(stripDraft) };
}

export function parseReport(text: string): ReadReport {
  const { lines: raw, eofLine } = splitLines(text);
  if (raw.length === 0) throw new ReportParseError(1, EXPECT.content, "");
  const prep = prepareLines(raw);
  const roles = new Map<number, LineRole>();
  const role = (line: number, r: LineRole): void => {
    roles.set(line, r);
    for (const j of prep.joined.get(line) ?? []) roles.set(j, r);
  };
  if (prep.title) role(prep.title.no, "title");
  const lines = prep.lines;
  if (lines.length === 0) throw new ReportParseError(eofLine, EXPECT.content, "");

  let { header, parts } = splitParts(lines);
  if (parts.length === 0) ({ header, parts } = splitUnframed(lines));
  // A part named otherwise that holds the problems is the progress part ("二、聚焦问题，扎实推进整改").
  for (const p of parts) {
    if ((p.kind === "other" || p.kind === "effects") && hasProblems(p.lines)) p.kind = "progress";
  }
  if (!parts.some((p) => p.kind === "progress" || p.kind === "category")) {
    const second = parts[1]?.heading;
    if (second) throw new ReportParseError(second.no, EXPECT.progressHeading, second.text);
    throw new ReportParseError(eofLine, EXPECT.problemHeading, "");
  }
  for (const l of header) role(l.no, "header");

  // The closing (contact, issuer, date) is at the end of the last part, whatever it is.
  const last = parts[parts.length - 1]!;
  const closing = splitClosing(last.lines, last.kind !== "next-steps");
  last.lines = closing.body;
  for (const l of closing.contact) role(l.no, "contact");
  if (closing.issuer) role(closing.issuer.no, "issuer");
  if (closing.date) role(closing.date.no, "date");

  let organisation: ReportPoints = { intro: "", points: [] };
  let nextSteps: ReportPoints = { intro: "", points: [] };
  const otherParts: string[] = [];
  const progressParts: ProgressPart[] = [];
  const partKinds: string[] = [];
  let lastNumber = 0;
  let style: ReturnType<typeof detectProblemStyle> = null;
  for (const p of parts) {
    partKinds.push(p.kind);
    if (p.heading) role(p.heading.no, p.kind === "category" ? "category" : "part");
    if (p.kind === "organisation" || p.kind === "next-steps") {
      const points = readPoints(p.lines);
      for (const l of p.lines) role(l.no, p.kind === "next-steps" ? "next-steps" : "part");
      if (p.kind === "organisation" && organisation.intro === "" && organisation.points.length === 0)
        organisation = points;
      else if (p.kind === "next-steps" && nextSteps.intro === "" && nextSteps.points.length === 0) nextSteps = points;
      else otherParts.push([p.heading?.text ?? "", ...p.lines.map((l) => l.text)].join("\n"));
    } else if (p.kind === "effects" || p.kind === "other") {
      for (const l of p.lines) role(l.no, "part");
      otherParts.push([p.heading?.text ?? "", ...p.lines.map((l) => l.text)].join("\n"));
    } else {
      const category = p.kind === "category" ? categoryName(matchTopHeading(p.heading!.text)!.text) : null;
      style ??= detectProblemStyle(lines.filter((l) => !matchTopHeading(l.text)));
      const eof = p.lines[p.lines.length - 1]?.no ?? p.heading?.no ?? eofLine;
      const part = parseProgress(p.lines, eof + 1, { category, lastNumber, style, role });
      if (part.problems.length === 0) {
        const at = p.lines[0] ?? p.heading;
        throw at
          ? new ReportParseError(at.no, EXPECT.problemHeading, at.text)
          : new ReportParseError(eofLine, EXPECT.problemHeading, "");
      }
      // Numbering continues across category parts unless the next one restarts at 1 (parseProgress checks both).
      lastNumber = part.problems[part.problems.length - 1]!.number;
      progressParts.push(part);
    }
  }

  const headerText = header.map((l) => l.text).join("\n");
  const progressIntro = progressParts.flatMap((p) => p.intro).join("\n");
  const summary = extractSummary([
    prep.title?.text ?? "",
    headerText,
    organisation.intro,
    ...organisation.points,
    progressIntro,
    ...progressParts.flatMap((p) => p.headingTexts),
    ...parts.filter((p) => p.kind === "category").map((p) => p.heading!.text),
    ...otherParts,
    nextSteps.intro,
  ]);
  const warnings: ImportWarning[] = [];
  const allCompleted = reportSaysAllCompleted(progressIntro, summary);
  for (const part of progressParts) {
    for (const p of part.unsectioned) {
      const own = ownStatus(p);
      const fromCategory = categoryStatus(p.category);
      if (own) setStatus(p, own.status, own.from);
      else if (fromCategory) setStatus(p, fromCategory, "section");
      else if (allCompleted) setStatus(p, "COMPLETED", "report");
      else {
        setStatus(p, "NOT_STATED", null);
        warnings.push({
          code: "STATUS_NOT_STATED",
          line: p.line,
          message: `第${p.line}行: the report does not say whether problem ${p.number} “${p.title}” is completed or continuing`,
        });
      }
    }
  }
  const problems = progressParts.flatMap((p) => p.problems).map(stripDraft);
  const contactText = closing.contact.length > 0 ? closing.contact.map((l) => l.text).join("\n") : null;
  const contact = contactText === null ? { phone: null, email: null } : extractContact(contactText);
  const report: ReadReport = {
    script: detectScript(text),
    title: prep.title?.text ?? null,
    header: { text: headerText, ...extractHeaderFacts(headerText) },
    organisation,
    summary,
    ...(progressIntro === "" ? {} : { progressIntro }),
    problems,
    nextSteps,
    contact: { text: contactText, ...contact },
    issuer: closing.issuer?.text ?? null,
    reportDate: closing.reportDate,
    otherParts,
    layout: {
      parts: partKinds,
      sections: progressParts.some((p) => p.sections > 0),
      categories: progressParts.some((p) => p.categories > 0) || partKinds.includes("category"),
      problemMarker:
        style?.style ?? progressParts[0]?.problemStyle ?? (progressParts.some((p) => p.tables > 0) ? "table" : null),
      joinedWrappedLines: [...prep.joined.values()].reduce((n, l) => n + l.length, 0),
    },
    lineRoles: [...roles].map(([line, r]) => ({ line, role: r })).sort((a, b) => a.line - b.line),
    skipped: prep.skipped,
    warnings,
  };
  report.warnings.push(...summaryWarnings(report), ...skippedWarnings(report.skipped));
  return report;
}
