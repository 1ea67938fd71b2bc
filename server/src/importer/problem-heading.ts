// Recognises a problem heading in every form real reports use: "N." "N、" "(N)" "(一)" before 关于“…”问题的整改, "问题一：…",
// a bare 关于“…”问题的整改 whose number was lost in copying, and a heading followed by its text on the same line.
import { cnToInt, toHalfWidth, trimText } from "./normalise.ts";

/** How a problem (or measure) is numbered: "N." (also N、), "(N)", "(一)", "问题一", "①", or none. */
export type MarkerStyle = "arabic" | "paren" | "paren-cn" | "question" | "circled" | "none";

export interface Marker {
  style: MarkerStyle;
  n: number;
  /** Rest of the line after the marker, in its original characters, trimmed. */
  rest: string;
}

const ARABIC_RE = /^(\d{1,3})[.、](?!\d)/;
const PAREN_RE = /^\((\d{1,3})\)/;
const PAREN_CN_RE = /^\(([一二三四五六七八九十]{1,3})\)/;
const QUESTION_RE = /^[问問][题題]([一二三四五六七八九十]{1,3}|\d{1,3})\s*[:：.、]?/;

/** The numbering marker at the start of a line, if any. */
export function matchMarker(line: string): Marker | null {
  const h = toHalfWidth(line);
  const rest = (len: number): string => trimText(line.slice(len));
  let m = ARABIC_RE.exec(h);
  if (m) return { style: "arabic", n: Number(m[1]), rest: rest(m[0].length) };
  m = PAREN_RE.exec(h);
  if (m) return { style: "paren", n: Number(m[1]), rest: rest(m[0].length) };
  m = PAREN_CN_RE.exec(h);
  if (m) return { style: "paren-cn", n: cnToInt(m[1] as string) ?? 0, rest: rest(m[0].length) };
  m = QUESTION_RE.exec(h);
  if (m) {
    const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (cnToInt(m[1] as string) ?? 0);
    return { style: "question", n, rest: rest(m[0].length) };
  }
  const c = line.charCodeAt(0);
  if (c >= 0x2460 && c <= 0x2473) return { style: "circled", n: c - 0x2460 + 1, rest: rest(1) };
  return null;
}

export interface HeadingParts {
  title: string;
  /** Text after the heading on the same line ("整改情况：…"), "" when none. */
  inline: string;
}

const CLOSING: Record<string, string> = { "“": "”", "「": "」", "『": "』", '"': '"', "＂": "＂" };
// What may follow the title: 问题的整改。/ 的问题整改情况 / 方面的问题 / nothing …
const TAIL =
  "(?:的)?(?:问题|問題)?(?:的)?(?:整改|整改情况|整改情況|整改落实情况|整改落實情況|整改进展情况|整改進展情況)?";
// After the tail: the end, a full stop, or the problem's own text introduced by 整改情况：/整改落实情况：/整改：.
const TAIL_END_RE = new RegExp(`^${TAIL}(?:[。.:：]|\u0000|(?=(?:整改|完成|目前)[^。]{0,8}[:：]))`);
// The tail and its lookahead fit in this many characters; looking no further keeps every candidate position O(1).
const TAIL_WINDOW = 40;

/** Where the heading's inline text starts after a valid tail beginning at `from`, or -1 when no tail fits there. */
function tailEnd(s: string, from: number): number {
  const window = s.slice(from, from + TAIL_WINDOW);
  const h = toHalfWidth(window) + (from + TAIL_WINDOW >= s.length ? "\u0000" : "");
  const m = TAIL_END_RE.exec(h);
  return m ? from + Math.min(m[0].length, window.length) : -1;
}

/** "关于“TITLE”问题的整改。[inline text]" (quoted or not); null when the text is not such a heading. */
export function parseAboutHeading(text: string): HeadingParts | null {
  if (!/^[关關][于於]/.test(text)) return null;
  const after = trimText(text.slice(2));
  const close = CLOSING[after[0] ?? ""];
  if (close !== undefined) {
    // The first closing quote followed by a valid tail ends the title, so inner “…” quotes survive.
    for (let end = after.indexOf(close, 1); end > 0; end = after.indexOf(close, end + 1)) {
      const at = tailEnd(after, end + 1);
      if (at < 0) continue;
      const title = trimText(after.slice(1, end));
      if (title !== "") return { title, inline: trimText(after.slice(at)) };
    }
    return null;
  }
  // Unquoted "关于TITLE的问题" / "关于TITLE问题的整改": the first 问题 followed by a valid tail ends the title.
  const h = after.replace(/問題/g, "问题");
  const stop = h.search(/[。；]/);
  for (let end = h.indexOf("问题"); end > 0 && (stop < 0 || end < stop); end = h.indexOf("问题", end + 1)) {
    const at = tailEnd(after, end);
    if (at < 0) continue;
    let title = trimText(after.slice(0, end));
    if (title.endsWith("的")) title = trimText(title.slice(0, -1));
    if (title !== "") return { title, inline: trimText(after.slice(at)) };
  }
  return null;
}

const INLINE_LABEL = /^(?:整改(?:落实|落實|进展|進展|完成)?(?:情况|情況)|整改措施|整改|完成(?:情况|情況))\s*[:：]\s*/;

/**
 * A heading that states the problem itself ("问题一：部分党员理论学习不深入。整改情况：…" or "1.部分单位…。整改：…"): the
 * title runs to the first full stop or label; the rest is the problem's text.
 */
export function splitStatedHeading(rest: string): HeadingParts | null {
  const about = parseAboutHeading(rest);
  if (about) return about;
  const label = rest.search(/(?:整改(?:落实|落實|进展|進展)?(?:情况|情況)|整改措施|整改)\s*[:：]/);
  const stop = rest.search(/[。；]/);
  let end = rest.length;
  if (label > 0) end = label;
  if (stop >= 0 && stop < end) end = stop + 1;
  const title = trimText(rest.slice(0, end)).replace(/[。；]$/, "");
  if (title === "") return null;
  return { title, inline: trimText(rest.slice(end)) };
}

/** "整改情况：…" / "整改：…" opening a problem's measures; returns the text after the label. */
export function matchMeasuresLabel(line: string): string | null {
  const m = INLINE_LABEL.exec(toHalfWidth(line));
  return m ? trimText(line.slice(m[0].length)) : null;
}
