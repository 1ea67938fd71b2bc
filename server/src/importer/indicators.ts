// Extracts quantitative facts (a number followed by a known unit) from a measure's text, clause by clause, in one left-to-right pass; dates, years, document numbers and codes are not indicators because none ends in a unit.
import type { ParsedIndicator } from "./report-types.ts";
import { isoDate } from "./line-patterns.ts";
import { toHalfWidth, trimText } from "./normalise.ts";

// Written form → Simplified canonical unit. Longest forms are tried first (个百分点 before 个).
const UNIT_FORMS: Array<[string, string]> = (
  [
    ["个百分点", "个百分点"],
    ["個百分點", "个百分点"],
    ["万平方米", "万平方米"],
    ["萬平方米", "万平方米"],
    ["平方公里", "平方公里"],
    ["平方米", "平方米"],
    ["万千瓦", "万千瓦"],
    ["萬千瓦", "万千瓦"],
    ["万元", "万元"],
    ["萬元", "万元"],
    ["亿元", "亿元"],
    ["億元", "亿元"],
    ["万人次", "万人次"],
    ["萬人次", "万人次"],
    ["万人", "万人"],
    ["萬人", "万人"],
    ["人次", "人次"],
    ["场次", "场次"],
    ["場次", "场次"],
    ["个月", "个月"],
    ["個月", "个月"],
    ["公里", "公里"],
    ["公顷", "公顷"],
    ["公頃", "公顷"],
    ["%", "%"],
    ["个", "个"],
    ["個", "个"],
    ["项", "项"],
    ["項", "项"],
    ["家", "家"],
    ["天", "天"],
    ["人", "人"],
    ["名", "名"],
    ["件", "件"],
    ["次", "次"],
    ["场", "场"],
    ["場", "场"],
    ["处", "处"],
    ["處", "处"],
    ["宗", "宗"],
    ["辆", "辆"],
    ["輛", "辆"],
    ["台", "台"],
    ["臺", "台"],
    ["吨", "吨"],
    ["噸", "吨"],
    ["亩", "亩"],
    ["畝", "亩"],
    ["户", "户"],
    ["戶", "户"],
    ["条", "条"],
    ["條", "条"],
    ["所", "所"],
    ["批", "批"],
    ["位", "位"],
    ["幢", "幢"],
    ["套", "套"],
    ["座", "座"],
    ["篇", "篇"],
    ["倍", "倍"],
    ["元", "元"],
    ["米", "米"],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

// Half-width forms: ；！？：，are already folded by toHalfWidth.
const SENTENCE_END = new Set([..."。!?\n"]);
const CLAUSE_END = new Set([...",、:;"]);
const NUMBER_RE = /\d+(?:\.\d+)?/g;
// A number glued to these is part of a code, range or identifier (K1+190, 2023-2026, 5·10), not a quantity.
const NOT_AFTER = /[A-Za-z0-9.+#/_\-·•]/;
const APPROX = new Set([..."多余餘"]);
const CLAUSE_DATE_RE = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/g;

// Sticky (y) so each is tried at an offset without slicing: slicing per strip is quadratic on "我市我市…".
const LEADING: RegExp[] = [
  /(?:截至|截止到|截止|到|自|从|從|于|於|在)?\d{4}年(?:度|底|末|初|内|內)?(?:\d{1,2}月(?:份|底|末|初)?(?:\d{1,2}日)?)?(?:以来|以來|起|前)?/y,
  /(?:截至|截止)?(?:目前|今年|去年|当年|當年)/y,
  /(?:我市|全市|本市|我区|我區|全区|全區|我县|我縣|全县|全縣|我省|全省)/y,
  /[\s"“”]+/y,
];
const TRAILING_WORDS = [
  "超过",
  "超過",
  "达到",
  "達到",
  "共计",
  "共計",
  "累计",
  "累計",
  "约",
  "約",
  "近",
  "超",
  "达",
  "達",
  "为",
  "為",
  "共",
];

function unitAt(h: string, at: number): [string, string] | null {
  for (const form of UNIT_FORMS) if (h.startsWith(form[0], at)) return form;
  return null;
}

/** The clause text before a number, without a leading date or subject and a trailing 约/近/达…. */
function cleanLabel(raw: string, half: string): string {
  let from = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const re of LEADING) {
      re.lastIndex = from;
      const m = re.exec(half);
      if (m && m[0].length > 0) {
        from += m[0].length;
        changed = true;
      }
    }
  }
  let label = trimText(raw.slice(from));
  const word = TRAILING_WORDS.find((w) => label.endsWith(w) && label.length > w.length);
  if (word) label = trimText(label.slice(0, -word.length));
  return label;
}

function scanClause(
  text: string,
  h: string,
  a: number,
  b: number,
  sentenceDate: string | null,
  out: ParsedIndicator[],
): string | null {
  const clause = text.slice(a, b);
  const half = h.slice(a, b);
  const dates = [...half.matchAll(CLAUSE_DATE_RE)].map((m) => ({
    at: m.index ?? 0,
    iso: isoDate(
      Number(m[1]),
      m[2] === undefined ? undefined : Number(m[2]),
      m[3] === undefined ? undefined : Number(m[3]),
    ),
  }));
  let labelFrom = 0;
  // Numbers come in order, so one pointer finds the last date before each (no rescan per number).
  let datesBefore = 0;
  for (const m of half.matchAll(NUMBER_RE)) {
    const at = m.index ?? 0;
    if (at > 0 && NOT_AFTER.test(half[at - 1] as string)) continue;
    let p = at + m[0].length;
    if (APPROX.has(half[p] ?? "")) p++;
    const unit = unitAt(half, p);
    if (unit === null) continue;
    const unitEnd = p + unit[0].length;
    let label = cleanLabel(clause.slice(labelFrom, at), half.slice(labelFrom, at));
    if (label === "") {
      // "8項蘇州級、50項常熟級": nothing precedes the number, so what follows names it.
      const next = half.slice(unitEnd).search(/\d/);
      label = trimText(clause.slice(unitEnd, next < 0 ? undefined : unitEnd + next));
    }
    while (datesBefore < dates.length && (dates[datesBefore]?.at ?? Infinity) < at) datesBefore++;
    const named = dates[datesBefore - 1] ?? dates[0];
    out.push({
      ordinal: out.length + 1,
      value: m[0],
      unit: unit[1],
      label,
      asOf: named?.iso ?? sentenceDate,
      rawText: trimText(clause),
    });
    labelFrom = unitEnd;
  }
  return dates[dates.length - 1]?.iso ?? null;
}

/** Indicators of one measure's text, numbered from 1 in order of appearance. */
export function extractIndicators(text: string): ParsedIndicator[] {
  const h = toHalfWidth(text);
  const out: ParsedIndicator[] = [];
  // A year named in an earlier clause of the sentence ("2023年，我市…下降5.5%") dates the later ones.
  let sentenceDate: string | null = null;
  let clauseStart = 0;
  for (let i = 0; i <= h.length; i++) {
    const ch = h[i] ?? "";
    const endsSentence = i === h.length || SENTENCE_END.has(ch);
    if (endsSentence || CLAUSE_END.has(ch)) {
      if (i > clauseStart) sentenceDate = scanClause(text, h, clauseStart, i, sentenceDate, out) ?? sentenceDate;
      if (endsSentence) sentenceDate = null;
      clauseStart = i + 1;
    }
  }
  return out;
}
