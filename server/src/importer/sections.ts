// Decides what a "(一)…" heading opens (a status section or a category) and reads a problem's status from status words; shared by
// parser and formatter so both agree. "基本完成" and "需巩固提升" are continuing: only words that say done mean done.
import type { Section, SummaryFigures } from "./report-types.ts";

// Categories name a field of work ("在“…”方面", "关于党的建设"); checked first because their
// wording may contain section words such as 推进.
const CATEGORY_RE = /方面|^[在关關]/;
// Continuing first: "尚未完成", "基本完成" and "未完成" contain 完成.
const CONTINUING_RE =
  /持续|持續|推进|推進|正在|长期|長期|尚未|未完成|未整改|逐步|分阶段|分階段|基本完成|基本整改|巩固|鞏固|需[要]?进一步|需[要]?進一步|整改中|阶段性|階段性/;
const COMPLETED_RE = /完成|已整改|整改到位|立行立改|已办结|已辦結|已销号|已銷號/;

/** The section a bracket heading opens, or null when it is a category heading. */
export function classifyBracketHeading(text: string): Section | null {
  if (CATEGORY_RE.test(text)) return null;
  return statusOfWords(text);
}

/** Status of a short status phrase or heading ("已整改到位", "基本完成、需巩固提升" → CONTINUING), null when it says neither. */
export function statusOfWords(text: string): Section | null {
  if (CONTINUING_RE.test(text)) return "CONTINUING";
  if (COMPLETED_RE.test(text)) return "COMPLETED";
  return null;
}

// A problem's own words: whole phrases that state its status (not bare 完成, which measures use for their own steps).
const OWN_CONTINUING_RE =
  /(?:持续推进|持續推進|正在整改|正在推进|正在推進|长期坚持|長期堅持|整改中|基本完成|基本整改到位|尚未完成|未完成整改|需巩固提升|需鞏固提升|持续整改|持續整改)/;
const OWN_COMPLETED_RE =
  /(?:已完成整改|已整改完成|已整改到位|整改已完成|已全部完成整改|已全部整改到位|已办结|已辦結|已销号|已銷號)/;

/** Status stated in a problem's own text; both kinds of phrase, or none, leave it open (null). */
export function statusOfOwnWords(text: string): Section | null {
  const cont = OWN_CONTINUING_RE.test(text);
  const done = OWN_COMPLETED_RE.test(text);
  if (cont && !done) return "CONTINUING";
  if (done && !cont) return "COMPLETED";
  return null;
}

const STATUS_LINE_RE =
  /^(?:完成情况|完成情況|整改状态|整改狀態|整改完成情况|整改完成情況|整改结果|整改結果|状态|狀態|目前状态|目前狀態|完成时限及状态)\s*[:：]\s*/;

/** "完成情况：已完成" / "整改状态：持续推进": a status line (a ledger's status column flattened); null when not one. */
export function matchStatusLine(line: string): Section | null {
  const m = STATUS_LINE_RE.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length);
  return rest.length <= 30 ? statusOfWords(rest) : null;
}

const ALL_DONE_RE = /全部(?:整改)?完成|已全部(?:完成)?整改|全部整改到位|均已(?:整改)?完成|均已整改到位/;
const CATEGORY_DONE_RE = /已完成|已整改完成|已整改到位/;

/** Whether the report states, outside the problems, that every problem is rectified. */
export function reportSaysAllCompleted(progressIntro: string, summary: SummaryFigures): boolean {
  if (ALL_DONE_RE.test(progressIntro)) return true;
  return (
    summary.feedback !== undefined &&
    summary.completed === summary.feedback &&
    !summary.inProgress &&
    !summary.notCompleted
  );
}

/** Section stated by a category heading ("已完成整改的问题"), else null. */
export function categoryStatus(category: string | null): Section | null {
  return category !== null && CATEGORY_DONE_RE.test(category) && !CONTINUING_RE.test(category) ? "COMPLETED" : null;
}
