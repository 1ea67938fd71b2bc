// Classifiers for one trimmed line of a report (headings, markers, points, dates) and the parser's expectation texts; every pattern is anchored and free of nested quantifiers, so each test is linear in the line.
import { cnToInt, numeralToInt, toHalfWidth, trimText } from "./normalise.ts";

export const EXPECT = {
  content: 'a header paragraph followed by the heading "一、…"',
  topHeading: (cn: string) => `the heading "${cn}、…"`,
  organisationHeading: 'the heading "一、…" (organisation and leadership)',
  progressHeading: 'the heading "二、…" (rectification progress)',
  nextStepsHeading: 'the heading "三、…" (next steps)',
  problemHeading: 'a problem heading "N.关于“…”问题的整改。"',
  measure: 'a measure "(1)…" or the problem\'s paragraph',
  reportEnd: "contact details, issuer or date",
  problemNumber: (n: number) => `problem number ${n} ("${n}.关于“…”问题的整改。")`,
  measureNumber: (n: number, circled: boolean) => `measure number ${circled ? circledOf(n) : `(${n})`}`,
  sectionNumber: (cn: string) => `section heading "(${cn})…"`,
  categoryNumber: (cn: string) => `category heading "(${cn})…"`,
  point: (cn: string) => `point "${cn}是…"`,
  dottedChild: (parent: number, n: number) => `sub-problem heading "${parent}.${n}关于“…”问题的整改。"`,
  parenChild: (n: number) => `sub-problem heading "(${n})关于“…”问题的整改。"`,
} as const;

export interface Numbered {
  n: number;
  /** Rest of the line in its original characters. */
  text: string;
}

const TOP_RE = /^([一二三四五六七八九十]{1,3})[、,.]/;
const BRACKET_CN_RE = /^\(([一二三四五六七八九十]{1,3})\)/;
const MEASURE_RE = /^\((\d{1,3})\)/;
const POINT_RE = /^([一二三四五六七八九十]{1,3})是/;
// "N." or "N、" not followed by a digit: the start of a problem heading (5.5% would not qualify).
const PROBLEM_RE = /^(\d{1,3})[.、](?!\d)/;
// "N.M" followed by 关于: the dotted sub-problem form; other "1.5…" paragraphs stay paragraphs.
const DOTTED_RE = /^(\d{1,3})\.(\d{1,3})(?!\d)[.、]?\s*(?=[关關][于於])/;

/** The trimmed rest of `original` after the first `len` units of its half-width copy. */
const restOf = (original: string, len: number): string => trimText(original.slice(len));

/** "一、…" top-level heading. */
export function matchTopHeading(line: string): Numbered | null {
  const m = TOP_RE.exec(toHalfWidth(line));
  const n = m ? cnToInt(m[1] as string) : null;
  return m && n !== null ? { n, text: restOf(line, m[0].length) } : null;
}

/** "(一)…" / "（一）…": a section or a category heading. */
export function matchBracketHeading(line: string): Numbered | null {
  const m = BRACKET_CN_RE.exec(toHalfWidth(line));
  const n = m ? cnToInt(m[1] as string) : null;
  return m && n !== null ? { n, text: restOf(line, m[0].length) } : null;
}

/** "(1)…" / "（1）…" measure marker. */
export function matchMeasureMarker(line: string): Numbered | null {
  const m = MEASURE_RE.exec(toHalfWidth(line));
  return m ? { n: Number(m[1]), text: restOf(line, m[0].length) } : null;
}

const CIRCLED_RANGES: Array<[number, number, number]> = [
  [0x2460, 0x2473, 1],
  [0x3251, 0x325f, 21],
  [0x32b1, 0x32bf, 36],
];

export function circledOf(n: number): string {
  for (const [from, to, first] of CIRCLED_RANGES) {
    if (n >= first && n <= first + (to - from)) return String.fromCharCode(from + n - first);
  }
  return `(${n})`;
}

/** "①…" measure marker, used under "(1)关于…" sub-problems where "(1)" is already taken. */
export function matchCircledMarker(line: string): Numbered | null {
  const c = line.charCodeAt(0);
  for (const [from, to, first] of CIRCLED_RANGES) {
    if (c >= from && c <= to) return { n: first + c - from, text: restOf(line, 1) };
  }
  return null;
}

/** "一是…" point paragraph. */
export function matchOrdinalPoint(line: string): Numbered | null {
  const m = POINT_RE.exec(line);
  const n = m ? cnToInt(m[1] as string) : null;
  return m && n !== null ? { n, text: restOf(line, m[0].length) } : null;
}

export interface HeadingCandidate {
  number: number;
  /** null: the line is numbered like a heading but its body is not "关于“…”问题的整改". */
  title: string | null;
}

/** "N.关于“…”问题的整改。" (also "N、", full-width forms); any "N." line is a candidate so typos are reported, not swallowed. */
export function matchProblemCandidate(line: string): HeadingCandidate | null {
  const m = PROBLEM_RE.exec(toHalfWidth(line));
  return m ? { number: Number(m[1]), title: parseHeadingBody(restOf(line, m[0].length)) } : null;
}

export interface DottedCandidate extends HeadingCandidate {
  parent: number;
}

/** "N.M关于“…”问题的整改。" sub-problem heading. */
export function matchDottedCandidate(line: string): DottedCandidate | null {
  const m = DOTTED_RE.exec(toHalfWidth(line));
  if (!m) return null;
  return { parent: Number(m[1]), number: Number(m[2]), title: parseHeadingBody(restOf(line, m[0].length)) };
}

/** "(k)关于“…”问题的整改。" sub-problem heading, or null when the line is an ordinary measure. */
export function matchParenChild(line: string): HeadingCandidate | null {
  const m = matchMeasureMarker(line);
  const title = m ? parseHeadingBody(m.text) : null;
  return m && title !== null ? { number: m.n, title } : null;
}

const CLOSING: Record<string, string> = { "“": "”", "「": "」", "『": "』", '"': '"', "＂": "＂" };
// What may follow the quoted title: 问题的整改。/ 的问题整改情况 / nothing …
const TAIL_RE =
  /^(?:的)?(?:问题|問題)?(?:的)?(?:整改|整改情况|整改情況|整改落实情况|整改落實情況|整改进展情况|整改進展情況)?[。.]?$/;

/** Title of "关于“TITLE”问题的整改。"; the last closing quote ends it, so inner quotes (‘…’ or even “…”) survive. */
export function parseHeadingBody(rest: string): string | null {
  const about = rest.slice(0, 2);
  if (!/^[关關][于於]$/.test(about)) return null;
  const afterAbout = trimText(rest.slice(2));
  const open = afterAbout[0] ?? "";
  const close = CLOSING[open];
  let title: string;
  let tail: string;
  if (close !== undefined) {
    const end = afterAbout.lastIndexOf(close);
    if (end <= 0) return null;
    title = afterAbout.slice(1, end);
    tail = afterAbout.slice(end + 1);
  } else {
    // Unquoted form "关于TITLE问题的整改": the last 问题 ends the title.
    const end = Math.max(afterAbout.lastIndexOf("问题"), afterAbout.lastIndexOf("問題"));
    if (end <= 0) return null;
    title = afterAbout.slice(0, end);
    tail = afterAbout.slice(end);
  }
  title = trimText(title);
  const tailOk = TAIL_RE.test(trimText(toHalfWidth(tail)).replace(/\s+/g, ""));
  return title !== "" && tailOk ? title : null;
}

const DATE_LINE_RE =
  /^(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

/** "2024年3月15日" or "二〇二四年三月十五日" alone on a line → "2024-03-15". */
export function matchDateLine(line: string): string | null {
  const m = DATE_LINE_RE.exec(toHalfWidth(line));
  if (!m) return null;
  const [y, mo, d] = [numeralToInt(m[1] as string), numeralToInt(m[2] as string), numeralToInt(m[3] as string)];
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return isoDate(y, mo, d);
}

export const pad2 = (n: number): string => String(n).padStart(2, "0");

export function isoDate(y: number, m?: number, d?: number): string {
  return m === undefined ? String(y) : d === undefined ? `${y}-${pad2(m)}` : `${y}-${pad2(m)}-${pad2(d)}`;
}
