// Incremental working-set downloads: when a cached copy may be brought up to date instead of downloaded again,
// and how the changed problems are merged into it. Invariant: the merged copy equals what a full download would
// give for everything the server reported (changed problems replace theirs whole, with their measures; archived
// and deleted ones go), in the server's order: section, then number, then id.
import { shanghaiDay } from "../lib/shanghai.ts";
import type { WorkingSet, WsProblem } from "./working-set.ts";

/**
 * The cursor to ask for changes since, or null for a full download: the copy is this user's, covers the same
 * inspections, has a cursor, and was fully downloaded today (Asia/Shanghai). Overdue flags and lights also move
 * with the calendar, which no row change records, so the first download of a day is whole.
 */
export function changesSince(cached: WorkingSet | null, userId: string, inspectionIds: string[], now: Date) {
  if (!cached || cached.userId !== userId || !cached.clock || cached.day !== shanghaiDay(now)) return null;
  const same = [...(cached.inspectionIds ?? [])].sort().join(",") === [...inspectionIds].sort().join(",");
  return same ? cached.clock : null;
}

const SECTION_ORDER = { COMPLETED: 0, CONTINUING: 1 } as const;

function inServerOrder(a: WsProblem, b: WsProblem) {
  return SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.number - b.number || (a.rawId < b.rawId ? -1 : 1);
}

/**
 * `changed`: problems changed since the cursor (archived ones included, flagged); `removed`: deleted ids. Only the
 * problems are incremental: any other part of a working set (e.g. campaign targets) is kept from `cached` unless the
 * fresh download passes it in `next`, so a part that is not incremental must be passed there.
 */
export function mergeWorkingSet(
  cached: WorkingSet,
  changed: { problem: WsProblem; archived: boolean }[],
  removed: string[],
  next: { clock: string; fetchedAt: number } & Partial<Omit<WorkingSet, "problems" | "userId">>,
): WorkingSet {
  const byId = new Map(cached.problems.map((p) => [p.id, p]));
  for (const { problem, archived } of changed) {
    if (archived) byId.delete(problem.id);
    else byId.set(problem.id, problem);
  }
  for (const id of removed) byId.delete(id);
  return { ...cached, ...next, problems: [...byId.values()].sort(inServerOrder) };
}
