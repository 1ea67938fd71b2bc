// Reads the words of a ledger's cells: names several to a cell (、，, / ; and new lines), a leader's post in
// brackets, and the statuses offices write in 完成情况 / 整改状态 / 是否完成; pure. Invariant: brackets in unit
// names stay (各镇（街道）); an unknown status is null for the caller to warn about, never a guess.
import type { RectStatus, Section } from "../generated/prisma/enums.ts";
import { SECTION_LABEL, STATUS_LABEL } from "../domain/labels.ts";
import type { SheetPerson } from "./types.ts";

/** Names listed in one cell, in order, without blanks or repeats. */
export function splitNames(text: string | null): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/[、，,／/;；\n\r]+/)) {
    const name = part.replace(/^[\s\u3000]+|[\s\u3000。.]+$/g, "");
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** 张三（副市长） → name 张三, post 副市长. */
export function readPerson(text: string): SheetPerson {
  const m = text.match(/^(.+?)\s*[（(]([^()（）]+)[)）]$/);
  return m ? { name: m[1]!.trim(), post: m[2]!.trim() } : { name: text.trim(), post: null };
}

const STATUS_WORDS: Array<[RegExp, RectStatus]> = [
  [/^(已销号|销号)$/, "CLOSED"],
  [/^(申请销号|待销号|销号申请中)$/, "CLOSE_REQUESTED"],
  [/^(反弹回潮|反弹)$/, "RELAPSED"],
  [/^(未启动|未开始|尚未启动)$/, "NOT_STARTED"],
  // "Basically complete, to be consolidated" is still continuing work, as in the published reports.
  [
    /^(基本完成|基本完成[，,、]?需巩固提升|部分完成|未完成|否|正在整改|整改中|推进中|持续推进|长期坚持|持续整改|正在推进|序时推进)$/,
    "IN_PROGRESS",
  ],
  [/^(已完成|完成|是|已整改|已整改到位|整改到位|已完成整改|整改完成|完成整改|已办结|办结)$/, "COMPLETED"],
];

/** The status a 完成情况 cell states, null when empty or not understood (the caller tells which). */
export function readStatus(text: string | null): RectStatus | null {
  const t = (text ?? "").replace(/[\s\u3000。.]/g, "");
  if (!t) return null;
  for (const [re, status] of STATUS_WORDS) if (re.test(t)) return status;
  for (const [status, label] of Object.entries(STATUS_LABEL)) if (t === label) return status as RectStatus;
  return null;
}

/** A 部分 cell: the export's section labels or the usual short forms. */
export function readSection(text: string | null): Section | null {
  const t = (text ?? "").replace(/[\s\u3000]/g, "");
  if (!t) return null;
  if (t === SECTION_LABEL.COMPLETED || /已完成|立行立改|已整改/.test(t)) return "COMPLETED";
  if (t === SECTION_LABEL.CONTINUING || /持续推进|长期坚持|正在整改|未完成/.test(t)) return "CONTINUING";
  return null;
}

/** Statuses counted as done when a problem's section is derived from its measures. */
export const isDone = (s: RectStatus | null) => s === "COMPLETED" || s === "CLOSE_REQUESTED" || s === "CLOSED";
