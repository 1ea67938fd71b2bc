// How a measure's text is shown: the lead-in before 一是, then its points as a list (一是…, 二是…), so long
// paragraphs read on a phone. Pure; falls back to the whole text when the points cannot be located.

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (points never run past 99). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return String(n);
}

export interface MeasureParagraphs {
  lead: string;
  points: { marker: string; text: string }[];
}

export function measureParagraphs(text: string, subPoints: readonly string[]): MeasureParagraphs {
  if (subPoints.length < 2) return { lead: text, points: [] };
  const at = text.indexOf("一是");
  if (at < 0) return { lead: text, points: [] };
  return {
    lead: text.slice(0, at).trim(),
    points: subPoints.map((p, i) => ({ marker: `${cnNumber(i + 1)}是`, text: p })),
  };
}
