// Parses one problem after its heading: body, measures in whichever numbering the report uses ((N), N., ①, 一是… paragraphs, or
// one paragraph after 整改情况：), status lines and sub-problems; stops without consuming at the next heading (see ProgressRules).
import type { LineRole, ParsedMeasure, ParsedProblem, Section } from "./report-types.ts";
import type { LineCursor } from "./line-cursor.ts";
import { EXPECT, matchDottedCandidate, matchOrdinalPoint, matchParenChild } from "./line-patterns.ts";
import { matchMarker, matchMeasuresLabel, type MarkerStyle } from "./problem-heading.ts";
import { matchStatusLine, statusOfOwnWords } from "./sections.ts";
import { titleKey, type SourceLine } from "./normalise.ts";
import { splitSubPoints } from "./sub-points.ts";
import { extractIndicators } from "./indicators.ts";

/** problem: a top-level problem; dotted: "N.M关于…"; paren: "(k)关于…" with "①" measures. */
export type Level = "problem" | "dotted" | "paren";

export interface Head {
  number: number;
  title: string;
  line: number;
  /** Text after the heading on the same line, read as the problem's first line. */
  inline: string;
}

export interface ProblemRules {
  problemStyle: MarkerStyle;
  /** Whether a line ends the current problem (next problem, section, category or part heading). */
  endsProblem: (text: string) => boolean;
  role: (line: number, role: LineRole) => void;
}

export interface DraftMeasure {
  number: number;
  numbered: boolean;
  parts: string[];
  line: number;
}

export function finishMeasure(d: DraftMeasure): ParsedMeasure {
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

const MEASURE_STYLES: MarkerStyle[] = ["paren", "arabic", "circled"];

/** Paragraphs "一是…", "二是…" in order (at least two) become one measure each; null when they are not such a list. */
function pointMeasures(paras: SourceLine[]): { body: SourceLine[]; measures: DraftMeasure[] } | null {
  const first = paras.findIndex((p) => matchOrdinalPoint(p.text)?.n === 1);
  if (first < 0) return null;
  const measures: DraftMeasure[] = [];
  for (const p of paras.slice(first)) {
    const point = matchOrdinalPoint(p.text);
    if (point && point.n === measures.length + 1) {
      measures.push({ number: point.n, numbered: true, parts: [point.text], line: p.no });
    } else measures[measures.length - 1]?.parts.push(p.text);
  }
  return measures.length >= 2 ? { body: paras.slice(0, first), measures } : null;
}

export function parseProblem(
  cur: LineCursor,
  head: Head,
  level: Level,
  category: string | null,
  rules: ProblemRules,
): ParsedProblem & { statusStated: Section | null; ownWords: string } {
  const circled = level === "paren";
  const pre: SourceLine[] = [];
  let labelAt = -1; // index in `pre` where 整改情况： starts the problem's own measures text
  const measures: DraftMeasure[] = [];
  let measureStyle: MarkerStyle | null = null;
  const children: ParsedProblem[] = [];
  let childMode: "dotted" | "paren" | null = null;
  let statusStated: Section | null = null;
  const words: string[] = [head.title];
  const pending: SourceLine[] = head.inline === "" ? [] : [{ no: head.line, text: head.inline }];
  const take = (): SourceLine | undefined => pending[0] ?? cur.peek();
  const consume = (): void => {
    if (pending.length > 0) pending.shift();
    else cur.next();
  };
  const isInline = (): boolean => pending.length > 0;

  for (let line = take(); line; line = take()) {
    const t = line.text;
    if (!isInline()) {
      if (level === "problem" ? rules.endsProblem(t) : endsSubProblem(t, level, rules)) break;
    }
    if (level === "problem" && !isInline()) {
      const dotted = matchDottedCandidate(t);
      if (dotted) {
        const n = children.length + 1;
        const ok = childMode !== "paren" && dotted.parent === head.number && dotted.number === n;
        if (!ok || dotted.title === null) throw cur.error(EXPECT.dottedChild(head.number, n));
        consume();
        rules.role(line.no, "problem");
        childMode = "dotted";
        const child = { number: n, title: dotted.title, line: line.no, inline: "" };
        children.push(parseProblem(cur, child, "dotted", category, rules));
        continue;
      }
      // "(1)关于“…”问题的整改。" opens sub-problems only before any measure; then every "(k)" must be one.
      const mayOpen =
        rules.problemStyle !== "paren" && (childMode === "paren" || (childMode === null && measures.length === 0));
      const paren = mayOpen ? matchParenChild(t) : null;
      if (paren || childMode === "paren") {
        const n = children.length + 1;
        if (!paren || paren.title === null || paren.number !== n) throw cur.error(EXPECT.parenChild(n));
        consume();
        rules.role(line.no, "problem");
        childMode = "paren";
        const child = { number: n, title: paren.title, line: line.no, inline: "" };
        children.push(parseProblem(cur, child, "paren", category, rules));
        continue;
      }
    }
    const status = matchStatusLine(t);
    if (status !== null) {
      consume();
      rules.role(line.no, "status");
      statusStated = status;
      continue;
    }
    const marker = matchMarker(t);
    const allowed = circled
      ? marker?.style === "circled"
      : marker !== null && MEASURE_STYLES.includes(marker.style) && marker.style !== rules.problemStyle;
    if (marker && allowed && (measureStyle === null || measureStyle === marker.style)) {
      if (marker.n !== measures.length + 1) throw cur.error(EXPECT.measureNumber(measures.length + 1, circled));
      consume();
      rules.role(line.no, "measure");
      measureStyle = marker.style;
      measures.push({
        number: marker.n,
        numbered: true,
        parts: marker.rest === "" ? [] : [marker.rest],
        line: line.no,
      });
      words.push(marker.rest);
      continue;
    }
    consume();
    words.push(t);
    const last = measures[measures.length - 1];
    if (last) {
      rules.role(line.no, "measure");
      last.parts.push(t);
      continue;
    }
    const label = labelAt < 0 ? matchMeasuresLabel(t) : null;
    if (label !== null) {
      labelAt = pre.length;
      // The label line is used even when its text follows on the next lines ("整改落实情况：" alone).
      rules.role(line.no, "measure");
      if (label !== "") pre.push({ no: line.no, text: label });
      continue;
    }
    pre.push(line);
  }

  let body: SourceLine[] = pre;
  if (measures.length === 0 && children.length === 0) {
    const after = labelAt >= 0 ? pre.slice(labelAt) : pre;
    const points = pointMeasures(after);
    if (points) {
      body = [...(labelAt >= 0 ? pre.slice(0, labelAt) : []), ...points.body];
      measures.push(...points.measures);
    } else if (after.length > 0) {
      // No numbered measures: the problem's paragraph(s) after 整改情况： (or all of them) are its one unnumbered measure.
      body = labelAt >= 0 ? pre.slice(0, labelAt) : [];
      measures.push({ number: 1, numbered: false, parts: after.map((l) => l.text), line: after[0]!.no });
    } else {
      throw cur.error(EXPECT.measure);
    }
  }
  const measureLines = new Set(measures.flatMap((m) => [m.line]));
  for (const l of pre) rules.role(l.no, measureLines.has(l.no) || !body.includes(l) ? "measure" : "body");
  return {
    // Placeholders: parseProgress (or parseReport, once the whole report is read) sets the real ones.
    section: "CONTINUING",
    status: "NOT_STATED",
    statusFrom: null,
    number: head.number,
    title: head.title,
    titleKey: titleKey(head.title),
    category,
    body: body.map((l) => l.text).join("\n"),
    measures: measures.map(finishMeasure),
    children,
    line: head.line,
    statusStated,
    ownWords: words.join("\n"),
  };
}

function endsSubProblem(text: string, level: Level, rules: ProblemRules): boolean {
  if (rules.endsProblem(text) || matchDottedCandidate(text)) return true;
  return level === "paren" && matchMarker(text)?.style === "paren";
}

/** Status stated by the problem itself, for problems under no section: a status line first, then its own words. */
export function ownStatus(p: { statusStated: Section | null; ownWords: string }): {
  status: Section;
  from: "column" | "words";
} | null {
  if (p.statusStated !== null) return { status: p.statusStated, from: "column" };
  const w = statusOfOwnWords(p.ownWords);
  return w === null ? null : { status: w, from: "words" };
}
