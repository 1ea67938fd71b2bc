// Parses the "二、" part of a report: section and category headings, numbered problems, their measures and sub-problems; checks every numbering sequence and stops, without consuming it, at the next "一、/二、/三、" heading.
import type { ParsedMeasure, ParsedProblem, Section } from "./report-types.ts";
import type { LineCursor } from "./line-cursor.ts";
import {
  EXPECT,
  matchBracketHeading,
  matchCircledMarker,
  matchDottedCandidate,
  matchMeasureMarker,
  matchParenChild,
  matchProblemCandidate,
  matchTopHeading,
} from "./line-patterns.ts";
import { classifyBracketHeading } from "./sections.ts";
import { intToCn, titleKey } from "./normalise.ts";
import { splitSubPoints } from "./sub-points.ts";
import { extractIndicators } from "./indicators.ts";

export interface ProgressPart {
  intro: string[];
  problems: ParsedProblem[];
  /** Problems under no section heading: their section is decided once the whole report is read. */
  unsectioned: Set<ParsedProblem>;
  /** Texts of section and category headings, where summary figures are sometimes stated. */
  headingTexts: string[];
}

/** problem: "N.关于…" with "(k)" measures; dotted: "N.M关于…" with "(k)"; paren: "(k)关于…" with "①". */
type Level = "problem" | "dotted" | "paren";

interface Head {
  number: number;
  title: string;
  line: number;
}

interface DraftMeasure {
  number: number;
  numbered: boolean;
  parts: string[];
  line: number;
}

function endsBlock(text: string, level: Level): boolean {
  if (matchTopHeading(text) || matchBracketHeading(text) || matchProblemCandidate(text)) return true;
  if (level !== "problem" && matchDottedCandidate(text)) return true;
  return level === "paren" && matchMeasureMarker(text) !== null;
}

function finishMeasure(d: DraftMeasure): ParsedMeasure {
  const text = d.parts.join("\n");
  return {
    number: d.number,
    numbered: d.numbered,
    text,
    subPoints: splitSubPoints(text),
    indicators: extractIndicators(text),
    line: d.line,
  };
}

function parseProblem(cur: LineCursor, head: Head, level: Level, category: string | null): ParsedProblem {
  const circled = level === "paren";
  let body: string[] = [];
  let bodyLine: number | null = null;
  const measures: DraftMeasure[] = [];
  const children: ParsedProblem[] = [];
  let childMode: "dotted" | "paren" | null = null;
  for (let line = cur.peek(); line && !endsBlock(line.text, level); line = cur.peek()) {
    const t = line.text;
    if (level === "problem") {
      const dotted = matchDottedCandidate(t);
      if (dotted) {
        const n = children.length + 1;
        const ok = childMode !== "paren" && dotted.parent === head.number && dotted.number === n;
        if (!ok || dotted.title === null) throw cur.error(EXPECT.dottedChild(head.number, n));
        cur.next();
        childMode = "dotted";
        children.push(parseProblem(cur, { number: n, title: dotted.title, line: line.no }, "dotted", category));
        continue;
      }
      // "(1)关于“…”问题的整改。" opens sub-problems only before any measure; then every "(k)" must be one.
      const mayOpen = childMode === "paren" || (childMode === null && measures.length === 0);
      const paren = mayOpen ? matchParenChild(t) : null;
      if (paren || childMode === "paren") {
        const n = children.length + 1;
        if (!paren || paren.title === null || paren.number !== n) throw cur.error(EXPECT.parenChild(n));
        cur.next();
        childMode = "paren";
        children.push(parseProblem(cur, { number: n, title: paren.title, line: line.no }, "paren", category));
        continue;
      }
    }
    const marker = circled ? matchCircledMarker(t) : matchMeasureMarker(t);
    if (marker) {
      if (marker.n !== measures.length + 1) throw cur.error(EXPECT.measureNumber(measures.length + 1, circled));
      cur.next();
      measures.push({
        number: marker.n,
        numbered: true,
        parts: marker.text === "" ? [] : [marker.text],
        line: line.no,
      });
      continue;
    }
    cur.next();
    // Paragraphs after a measure continue it; before the first measure they are the problem's body.
    const last = measures[measures.length - 1];
    if (last) last.parts.push(t);
    else {
      bodyLine ??= line.no;
      body.push(t);
    }
  }
  if (measures.length === 0 && children.length === 0) {
    if (body.length === 0 || bodyLine === null) throw cur.error(EXPECT.measure);
    // No numbered measures: the problem's paragraph is its one unnumbered measure.
    measures.push({ number: 1, numbered: false, parts: body, line: bodyLine });
    body = [];
  }
  return {
    // Placeholder: parseProgress (or parseReport, for problems under no section heading) sets the real one.
    section: "CONTINUING",
    number: head.number,
    title: head.title,
    titleKey: titleKey(head.title),
    category,
    body: body.join("\n"),
    measures: measures.map(finishMeasure),
    children,
    line: head.line,
  };
}

/** Parses from just after the "二、" heading up to (not including) the next top-level heading. */
export function parseProgress(cur: LineCursor): ProgressPart {
  const part: ProgressPart = { intro: [], problems: [], unsectioned: new Set(), headingTexts: [] };
  let section: Section | null = null;
  let category: string | null = null;
  let sections = 0;
  let categories = 0;
  let lastNumber = 0;
  // Right after a category heading numbering may restart at 1 or continue.
  let mayRestart = false;
  for (let line = cur.peek(); line && !matchTopHeading(line.text); line = cur.peek()) {
    const t = line.text;
    const bracket = matchBracketHeading(t);
    if (bracket) {
      const kind = classifyBracketHeading(bracket.text);
      if (kind !== null) {
        if (bracket.n !== sections + 1) throw cur.error(EXPECT.sectionNumber(intToCn(sections + 1)));
        sections++;
        [section, category, categories, lastNumber, mayRestart] = [kind, null, 0, 0, false];
      } else {
        if (bracket.n !== categories + 1) throw cur.error(EXPECT.categoryNumber(intToCn(categories + 1)));
        categories++;
        [category, mayRestart] = [bracket.text, true];
      }
      part.headingTexts.push(bracket.text);
      cur.next();
      continue;
    }
    const candidate = matchProblemCandidate(t);
    if (candidate) {
      if (candidate.title === null) throw cur.error(EXPECT.problemHeading);
      const n = candidate.number;
      if (n !== lastNumber + 1 && !(mayRestart && n === 1)) throw cur.error(EXPECT.problemNumber(lastNumber + 1));
      cur.next();
      const p = parseProblem(cur, { number: n, title: candidate.title, line: line.no }, "problem", category);
      if (section === null) part.unsectioned.add(p);
      else setSection(p, section);
      part.problems.push(p);
      [lastNumber, mayRestart] = [n, false];
      continue;
    }
    const structured = part.problems.length > 0 || sections + categories > 0;
    const looksLikeMeasure =
      matchMeasureMarker(t) !== null || matchCircledMarker(t) !== null || matchDottedCandidate(t) !== null;
    if (structured || looksLikeMeasure) throw cur.error(EXPECT.problemHeading);
    // Paragraphs before the first heading introduce the progress part (summary figures live here).
    part.intro.push(t);
    cur.next();
  }
  if (part.problems.length === 0) throw cur.error(EXPECT.problemHeading);
  return part;
}

/** Sub-problems are reported in their parent's section. */
export function setSection(p: ParsedProblem, section: Section): void {
  p.section = section;
  for (const c of p.children) setSection(c, section);
}
