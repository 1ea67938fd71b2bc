// Parses the progress part(s) of a report: status sections and category headings, problems in whichever heading form the report
// uses (decided by looking ahead once), their measures and sub-problems; checks every numbering sequence (continuing or restarting
// after a category) and stops, without consuming it, at the end of its lines.
import type { LineRole, ParsedProblem, Section, StatusSource } from "./report-types.ts";
import { LineCursor } from "./line-cursor.ts";
import { EXPECT, matchBracketHeading, matchDottedCandidate, matchTopHeading } from "./line-patterns.ts";
import { classifyBracketHeading } from "./sections.ts";
import { intToCn, type SourceLine } from "./normalise.ts";
import { matchMarker, parseAboutHeading, splitStatedHeading, type MarkerStyle } from "./problem-heading.ts";
import { parseProblem, type Head, type ProblemRules } from "./parse-problem.ts";
import { matchTableHeader } from "./table-rows.ts";
import { parseTable } from "./parse-table.ts";

export interface DraftProblem extends ParsedProblem {
  statusStated: Section | null;
  ownWords: string;
}

export interface ProgressPart {
  intro: string[];
  problems: DraftProblem[];
  /** Problems under no section heading: their status is decided once the whole report is read. */
  unsectioned: Set<DraftProblem>;
  /** Texts of section and category headings, where summary figures are sometimes stated. */
  headingTexts: string[];
  sections: number;
  categories: number;
  /** Problem tables (header rows) read. */
  tables: number;
  problemStyle: MarkerStyle | null;
}

/** A line that heads a problem in the report's problem style, with its number (null: numbers lost) and title. */
interface Candidate {
  number: number | null;
  /** null: numbered like a problem heading but not readable as one. */
  heading: { title: string; inline: string } | null;
}

/** The problem style, by looking ahead for the first line that is clearly a problem heading (关于“…”问题 / 问题一：). */
export function detectProblemStyle(lines: SourceLine[]): { style: MarkerStyle; stated: boolean } | null {
  let firstMarker: MarkerStyle | null = null;
  for (const l of lines) {
    // Table rows are read by their columns, not by markers ("1.\t关于…" is a 序号 cell).
    if (matchTopHeading(l.text) || l.text.includes("\t")) continue;
    const m = matchMarker(l.text);
    if (m?.style === "question") return { style: "question", stated: true };
    if (m && parseAboutHeading(m.rest)) return { style: m.style, stated: false };
    if (!m && parseAboutHeading(l.text)) return { style: "none", stated: false };
    if (m && m.style !== "paren-cn" && m.style !== "circled" && firstMarker === null) firstMarker = m.style;
  }
  // No 关于 headings anywhere: problems are stated in their headings ("1.部分党员…。整改情况：…").
  return firstMarker === null ? null : { style: firstMarker, stated: true };
}

export interface ProgressOptions {
  /** The category of a top-level category part ("一、在“…”方面"), null inside a progress part. */
  category: string | null;
  /** Problem numbering so far: continues across category parts or restarts at 1. */
  lastNumber: number;
  style: { style: MarkerStyle; stated: boolean } | null;
  role: (line: number, role: LineRole) => void;
}

function candidateOf(text: string, style: { style: MarkerStyle; stated: boolean }): Candidate | null {
  const m = matchMarker(text);
  if (style.style === "none") {
    const about = m === null ? parseAboutHeading(text) : null;
    return about ? { number: null, heading: about } : null;
  }
  if (m === null) {
    // A heading whose number was lost in copying, among numbered ones.
    const about = parseAboutHeading(text);
    return about ? { number: null, heading: about } : null;
  }
  if (m.style !== style.style) return null;
  if (m.style === "paren-cn") {
    const about = parseAboutHeading(m.rest);
    return about ? { number: m.n, heading: about } : null;
  }
  const about = parseAboutHeading(m.rest);
  if (about) return { number: m.n, heading: about };
  // A 关于… that does not close is a broken heading, not a stated one.
  if (!style.stated || /^[关關][于於]/.test(m.rest)) return { number: m.n, heading: null };
  return { number: m.n, heading: splitStatedHeading(m.rest) };
}

/** Parses the given lines (one progress part, or one category part) into problems. */
export function parseProgress(lines: SourceLine[], eofLine: number, opts: ProgressOptions): ProgressPart {
  const cur = new LineCursor(lines, eofLine);
  const style = opts.style ?? detectProblemStyle(lines);
  const part: ProgressPart = {
    intro: [],
    problems: [],
    unsectioned: new Set(),
    headingTexts: [],
    sections: 0,
    categories: 0,
    tables: 0,
    problemStyle: style?.style ?? null,
  };
  let section: Section | null = null;
  let category: string | null = opts.category;
  let lastNumber = opts.lastNumber;
  // Right after a category heading numbering may restart at 1 or continue.
  let mayRestart = opts.category !== null;
  // A heading whose number was lost takes 1 after a section heading (as published reports number sections), else the next.
  let lostRestart = false;
  const isCandidate = (t: string): boolean => style !== null && candidateOf(t, style) !== null;
  const bracketOpens = (t: string): boolean => {
    const b = matchBracketHeading(t);
    return b !== null && !(style?.style === "paren-cn" && parseAboutHeading(b.text));
  };
  const rules: ProblemRules = {
    problemStyle: style?.style ?? "none",
    endsProblem: (t) =>
      matchTopHeading(t) !== null || bracketOpens(t) || isCandidate(t) || matchTableHeader(t) !== null,
    role: opts.role,
  };
  for (let line = cur.peek(); line; line = cur.peek()) {
    const t = line.text;
    if (bracketOpens(t)) {
      const bracket = matchBracketHeading(t)!;
      const kind = classifyBracketHeading(bracket.text);
      if (kind !== null) {
        if (bracket.n !== part.sections + 1) throw cur.error(EXPECT.sectionNumber(intToCn(part.sections + 1)));
        part.sections++;
        // Numbering restarts at 1 in each section or continues across sections (both are published).
        [section, category, part.categories, mayRestart, lostRestart] = [kind, opts.category, 0, true, true];
        opts.role(line.no, "section");
      } else {
        if (bracket.n !== part.categories + 1) throw cur.error(EXPECT.categoryNumber(intToCn(part.categories + 1)));
        part.categories++;
        [category, mayRestart] = [bracket.text, true];
        opts.role(line.no, "category");
      }
      part.headingTexts.push(bracket.text);
      cur.next();
      continue;
    }
    const table = matchTableHeader(t);
    if (table) {
      part.tables++;
      const ctx = { category, lastNumber, mayRestart, role: opts.role };
      for (const p of parseTable(cur, table, ctx)) {
        if (section === null) part.unsectioned.add(p);
        else setStatus(p, section, "section");
        part.problems.push(p);
      }
      [lastNumber, mayRestart, lostRestart] = [ctx.lastNumber, ctx.mayRestart, false];
      continue;
    }
    const candidate = style ? candidateOf(t, style) : null;
    if (candidate && style) {
      if (candidate.heading === null) throw cur.error(EXPECT.problemHeading);
      const n: number = candidate.number ?? (lostRestart ? 1 : lastNumber + 1);
      if (n !== lastNumber + 1 && !(mayRestart && n === 1)) throw cur.error(EXPECT.problemNumber(lastNumber + 1));
      cur.next();
      opts.role(line.no, "problem");
      const head: Head = { number: n, title: candidate.heading.title, line: line.no, inline: candidate.heading.inline };
      const p = parseProblem(cur, head, "problem", category, rules) as DraftProblem;
      if (section === null) part.unsectioned.add(p);
      else setStatus(p, section, "section");
      part.problems.push(p);
      [lastNumber, mayRestart, lostRestart] = [n, false, false];
      continue;
    }
    const m = matchMarker(t);
    const looksLikeMeasure = (m !== null && m.style !== "question") || matchDottedCandidate(t) !== null;
    if (looksLikeMeasure) throw cur.error(EXPECT.problemHeading);
    // Paragraphs before the first problem introduce the part or a section (summary figures live here).
    opts.role(line.no, "part");
    part.intro.push(t);
    cur.next();
  }
  return part;
}

/** Sets a problem's status (and stored section) and its sub-problems'. NOT_STATED is stored as CONTINUING. */
export function setStatus(p: ParsedProblem, status: Section | "NOT_STATED", from: StatusSource | null): void {
  p.status = status;
  p.statusFrom = from;
  p.section = status === "NOT_STATED" ? "CONTINUING" : status;
  for (const c of p.children) setStatus(c, status, from);
}
