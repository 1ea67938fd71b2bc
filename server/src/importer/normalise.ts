// Text normalisation shared by parser and formatter: line splitting, width folding, Chinese numerals, script detection; toHalfWidth is length-preserving so indices into its result are valid in the original.

export interface SourceLine {
  /** 1-based line number in the original text. */
  no: number;
  /** The line trimmed of ASCII and CJK whitespace (paragraph indents are often U+3000). */
  text: string;
}

const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;

/** Manual trim: a regex with `\s+$` is quadratic on long inner runs of spaces. */
export function trimText(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Non-empty lines with their original numbers; blank lines only separate paragraphs. */
export function splitLines(text: string): { lines: SourceLine[]; eofLine: number } {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: SourceLine[] = [];
  raw.forEach((r, i) => {
    const t = trimText(r);
    if (t !== "") lines.push({ no: i + 1, text: t });
  });
  const last = lines[lines.length - 1];
  return { lines, eofLine: last ? last.no + 1 : 1 };
}

/** Full-width ASCII forms (U+FF01–FF5E) → ASCII and U+3000 → space; one UTF-16 unit in, one out. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

const QUOTES = new Set([..."“”„‟「」『』‘’‚‛\"'〝〞＂＇"]);

/** Key to recognise the same problem across reports despite spacing, quote style and character width. */
export function titleKey(title: string): string {
  let out = "";
  for (const ch of toHalfWidth(title)) {
    if (QUOTES.has(ch)) out += '"';
    else if (!isSpace(ch.charCodeAt(0))) out += ch;
  }
  return out;
}

const CN_DIGITS = "〇一二三四五六七八九";

/** 一 … 九十九 → 1 … 99; null for anything else. */
export function cnToInt(s: string): number | null {
  if (s === "" || s.length > 3) return null;
  const d = (ch: string | undefined): number => (ch === undefined ? -1 : CN_DIGITS.indexOf(ch));
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 && d(s) > 0 ? d(s) : null;
  const tens = ten === 0 ? 1 : d(s[0]);
  const unitsPart = s.slice(ten + 1);
  const units = unitsPart === "" ? 0 : d(unitsPart);
  if (ten > 1 || tens <= 0 || units < 0 || unitsPart.length > 1) return null;
  return tens * 10 + units;
}

/** 1 … 99 → 一 … 九十九. */
export function intToCn(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const head = tens === 0 ? "" : tens === 1 ? "十" : `${CN_DIGITS[tens]}十`;
  return head + (units === 0 ? "" : CN_DIGITS[units]);
}

/** Digit-by-digit years and day numbers written in Chinese (二〇二四, 十五); ASCII digits pass through. */
export function numeralToInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) {
    let n = 0;
    for (const ch of s) {
      const d = ch === "零" || ch === "○" ? 0 : CN_DIGITS.indexOf(ch);
      if (d < 0) return null;
      n = n * 10 + d;
    }
    return n;
  }
  return cnToInt(s);
}

// Pairs that differ between the scripts; characters also valid in Traditional (于, 后, 干, 系, 台) are left out
// because converted Traditional texts such as the sample keep them.
const SCRIPT_PAIRS =
  "們们國国對对關关問问題题為为與与發发會会這这說说時时實实現现進进過过經经區区業业從从個个東东級级記记設设請请應应" +
  "黨党組组織织導导還还務务總总產产資资環环廣广習习專专項项當当點点號号頭头體体機机構构劃划議议報报態态雙双傳传統统" +
  "辦办費费農农陽阳歡欢聯联電电郵邮編编鄉乡鎮镇檢检監监視视領领況况計计續续詳详規规範范衛卫難难";
const TRAD = new Set<string>();
const SIMP = new Set<string>();
for (let i = 0; i + 1 < SCRIPT_PAIRS.length; i += 2) {
  TRAD.add(SCRIPT_PAIRS[i] as string);
  SIMP.add(SCRIPT_PAIRS[i + 1] as string);
}

/** Majority vote over characters that differ between the scripts; ties read as Simplified. */
export function detectScript(text: string): "traditional" | "simplified" {
  let t = 0;
  let s = 0;
  for (const ch of text) {
    if (TRAD.has(ch)) t++;
    else if (SIMP.has(ch)) s++;
  }
  return t > s ? "traditional" : "simplified";
}
