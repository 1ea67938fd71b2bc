// Splits a measure's text into its 一是/二是/三是 points; points must run in order from 一是, each at a clause boundary, and a lone 一是 is not an enumeration.
import { intToCn, trimText } from "./normalise.ts";

// A point starts the text or follows punctuation; this rejects 十一是, 之一是 and similar words.
const BOUNDARY = new Set([..."。；;：:，,！!？?\n )）”’"]);

const TRAILING = new Set([..."；;，,、 \u3000"]);

const atBoundary = (text: string, at: number): boolean => at === 0 || BOUNDARY.has(text[at - 1] as string);

/** Texts of the points in order, without their 一是 prefixes and trailing separators; [] when fewer than two. */
export function splitSubPoints(text: string): string[] {
  const starts: Array<{ at: number; body: number }> = [];
  let from = 0;
  for (let n = 1; n <= 99; n++) {
    const marker = `${intToCn(n)}是`;
    let at = text.indexOf(marker, from);
    while (at >= 0 && !atBoundary(text, at)) at = text.indexOf(marker, at + 1);
    if (at < 0) break;
    starts.push({ at, body: at + marker.length });
    from = at + marker.length;
  }
  if (starts.length < 2) return [];
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    const part = trimText(text.slice(s.body, end));
    // Index loop: a `[…]+$` regex is quadratic on long runs of separators.
    let cut = part.length;
    while (cut > 0 && TRAILING.has(part[cut - 1] as string)) cut--;
    return trimText(part.slice(0, cut));
  });
}
