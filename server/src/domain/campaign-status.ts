// A campaign target's status and a campaign's coverage, pure (`now` given, Asia/Shanghai days).
// Invariants: DONE iff every expected method has a counting record; otherwise OVERDUE once the target's due day
// (its own, else the campaign's end) has passed, else NOT_YET. Tallies add up: done + notYet + overdue = total.
import type { RecordKind } from "../generated/prisma/enums.ts";
import { daysLeft } from "./traffic-light.ts";

export type TargetStatus = "DONE" | "NOT_YET" | "OVERDUE";

export interface TargetFacts {
  methods: readonly RecordKind[];
  /** Kinds of the records that count towards the target. */
  recordedKinds: readonly RecordKind[];
  /** The target's own due day, else null (then the campaign's end). */
  dueOn: Date | null;
  campaignEndsOn: Date;
}

export function dueOf(t: Pick<TargetFacts, "dueOn" | "campaignEndsOn">): Date {
  return t.dueOn ?? t.campaignEndsOn;
}

export function missingMethods(t: Pick<TargetFacts, "methods" | "recordedKinds">): RecordKind[] {
  const have = new Set(t.recordedKinds);
  return t.methods.filter((m) => !have.has(m));
}

export function targetStatus(t: TargetFacts, now: Date): TargetStatus {
  if (missingMethods(t).length === 0) return "DONE";
  return daysLeft(dueOf(t), now) < 0 ? "OVERDUE" : "NOT_YET";
}

export interface CoverageTally {
  total: number;
  done: number;
  notYet: number;
  overdue: number;
}

export function emptyCoverage(): CoverageTally {
  return { total: 0, done: 0, notYet: 0, overdue: 0 };
}

export function addStatus(t: CoverageTally, s: TargetStatus): CoverageTally {
  t.total++;
  if (s === "DONE") t.done++;
  else if (s === "OVERDUE") t.overdue++;
  else t.notYet++;
  return t;
}

/** Tallies per key (team, unit…), in first-seen order, plus the overall tally. */
export function coverageBy<K>(items: Iterable<{ key: K; status: TargetStatus }>) {
  const all = emptyCoverage();
  const by = new Map<K, CoverageTally>();
  for (const { key, status } of items) {
    addStatus(all, status);
    addStatus(by.get(key) ?? by.set(key, emptyCoverage()).get(key)!, status);
  }
  return { all, by };
}
