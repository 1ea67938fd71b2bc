// Offline search over the working set: by number ("二-3", "(二)3", "2-3", "3"), by title, by words in measure
// texts. Pure. Ranking: number match, then title match, then body/measure match; recent items first within a tier,
// then report order (the order the inspector knows from the paper report).
import type { Section, WsMeasure, WsProblem } from "../cache/working-set.ts";
import { fold } from "./zh-fold.ts";

export interface SearchHit {
  problem: WsProblem;
  /** The first measure whose text matched, to show why the problem was found. */
  measure: WsMeasure | null;
}

export interface NumberQuery {
  section: Section | null;
  number: number;
  measure: number | null;
}

const SECTION_BY_TOKEN: Record<string, Section> = {
  一: "COMPLETED",
  "1": "COMPLETED",
  二: "CONTINUING",
  "2": "CONTINUING",
};

/** "3" → problem 3 of either section; "二-3", "（二）3", "2-3" → continuing problem 3; "二-3-2" → its measure (2). */
export function parseNumberQuery(query: string): NumberQuery | null {
  const q = query.normalize("NFKC").replace(/\s+/g, "");
  const plain = q.match(/^(\d{1,3})$/);
  if (plain) return { section: null, number: Number(plain[1]), measure: null };
  const full = q.match(/^\(?([一二12])\)?[-—–.、,]?(\d{1,3})(?:[-—–.、,]\(?(\d{1,3})\)?)?$/);
  if (!full) return null;
  // "12" alone is problem 12, caught above; here a section token must be followed by a separator or bracket.
  if (/^[12]\d/.test(q)) return null;
  return {
    section: SECTION_BY_TOKEN[full[1]!]!,
    number: Number(full[2]),
    measure: full[3] ? Number(full[3]) : null,
  };
}

function reportOrder(a: WsProblem, b: WsProblem): number {
  const s = (p: WsProblem) => (p.section === "COMPLETED" ? 0 : 1);
  return s(a) - s(b) || a.number - b.number;
}

export function searchProblems(
  problems: readonly WsProblem[],
  query: string,
  recent: readonly string[] = [],
): SearchHit[] {
  const recency = (p: WsProblem) => {
    const i = recent.indexOf(p.id);
    return i === -1 ? recent.length : i;
  };
  const trimmed = query.trim();
  const scored: { hit: SearchHit; tier: number }[] = [];

  const num = trimmed ? parseNumberQuery(trimmed) : null;
  const terms = fold(trimmed).split(/\s+/).filter(Boolean);

  for (const p of problems) {
    if (!trimmed) {
      scored.push({ hit: { problem: p, measure: null }, tier: 3 });
      continue;
    }
    if (num && p.number === num.number && (num.section === null || num.section === p.section)) {
      const measure = num.measure === null ? null : (p.measures.find((m) => m.number === num.measure) ?? null);
      scored.push({ hit: { problem: p, measure }, tier: 0 });
      continue;
    }
    const title = fold(p.title);
    if (terms.every((t) => title.includes(t))) {
      scored.push({ hit: { problem: p, measure: null }, tier: 1 });
      continue;
    }
    const measureTexts = p.measures.map((m) => fold([m.text, ...m.subPoints].join("\n")));
    const all = [title, fold(p.body), fold(p.responsibleUnit ?? ""), fold(p.leadLeader ?? ""), ...measureTexts].join(
      "\n",
    );
    if (terms.every((t) => all.includes(t))) {
      const mi = measureTexts.findIndex((text) => terms.some((t) => text.includes(t)));
      scored.push({ hit: { problem: p, measure: mi === -1 ? null : p.measures[mi]! }, tier: 2 });
    }
  }
  scored.sort(
    (a, b) =>
      a.tier - b.tier || recency(a.hit.problem) - recency(b.hit.problem) || reportOrder(a.hit.problem, b.hit.problem),
  );
  return scored.map((s) => s.hit);
}

/** A short excerpt of `text` around the first matching term (original characters, for display). */
export function excerpt(text: string, query: string, width = 40): string {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const folded = [...text].map((ch) => fold(ch)).join("");
  // fold() keeps one character per character for CJK; if NFKC changed the length, fall back to the start.
  const at = folded.length === text.length ? (terms.map((t) => folded.indexOf(t)).find((i) => i >= 0) ?? 0) : 0;
  const start = Math.max(0, at - Math.floor(width / 4));
  const slice = text.slice(start, start + width);
  return `${start > 0 ? "…" : ""}${slice}${start + width < text.length ? "…" : ""}`;
}
