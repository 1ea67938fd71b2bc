// Decides which Section a "(一)…" heading opens, or that it is a category, and the section of problems listed without section headings; shared by parser and formatter so both agree.
import type { Section, SummaryFigures } from "./report-types.ts";

// Categories name a field of work ("在“…”方面", "关于党的建设"); checked first because their
// wording may contain section words such as 推进.
const CATEGORY_RE = /方面|^[在关關]/;
const CONTINUING_RE = /持续|持續|推进|推進|正在|长期|長期|尚未|未完成|逐步|分阶段|分階段/;
const COMPLETED_RE = /完成|已整改|整改到位/;

/** The section a bracket heading opens, or null when it is a category heading. */
export function classifyBracketHeading(text: string): Section | null {
  if (CATEGORY_RE.test(text)) return null;
  // CONTINUING first: "尚未完成" contains 完成.
  if (CONTINUING_RE.test(text)) return "CONTINUING";
  if (COMPLETED_RE.test(text)) return "COMPLETED";
  return null;
}

const ALL_DONE_RE = /全部(?:整改)?完成|已全部(?:完成)?整改|全部整改到位|均已(?:整改)?完成|均已整改到位/;
const CATEGORY_DONE_RE = /已完成|已整改完成|已整改到位/;

/** Whether the report states, outside the problems, that every problem is rectified. */
export function reportSaysAllCompleted(progressIntro: string, summary: SummaryFigures): boolean {
  if (ALL_DONE_RE.test(progressIntro)) return true;
  return summary.feedback !== undefined && summary.completed === summary.feedback && !summary.inProgress;
}

/**
 * Section of a problem not under a section heading (categories replace the split, or neither is used):
 * CONTINUING unless its category heading or the report says it is completed.
 */
export function defaultSection(category: string | null, allCompleted: boolean): Section {
  if (allCompleted) return "COMPLETED";
  return category !== null && CATEGORY_DONE_RE.test(category) ? "COMPLETED" : "CONTINUING";
}
