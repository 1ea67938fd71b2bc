// Rectification actions (督促整改事项): which findings open one, their lifecycle and their traffic light, pure.
// Invariants: an action's light and overdue follow the measures' rules (traffic-light.ts) through one mapping of
// its status; transitions are OPEN/REOPENED → ANSWERED → CONFIRMED, and ANSWERED/CONFIRMED → REOPENED.
import type { ActionStatus, Rating, RectStatus } from "../generated/prisma/enums.ts";
import { assess, type Assessment, type Thresholds } from "./traffic-light.ts";

/** Due days when the finding belongs to no campaign (a campaign sets its own, `actionDueDays`). */
export const DEFAULT_ACTION_DUE_DAYS = 10;

/** A record opens actions when rated 进度滞后 (LAGGING) or 发现问题 (PROBLEM_FOUND), or flagged for follow-up. */
export function isFinding(r: { rating: Rating | null; followUpRequired: boolean }): boolean {
  return r.rating === "LAGGING" || r.rating === "PROBLEM_FOUND" || r.followUpRequired;
}

/**
 * The measure status an action reads as for the light rules: waiting for the unit = in progress; answered and
 * awaiting the inspector's check = completed (like a close-out request: no longer overdue); confirmed = closed.
 */
export function measureStatusOf(status: ActionStatus): RectStatus {
  if (status === "CONFIRMED") return "CLOSED";
  if (status === "ANSWERED") return "COMPLETED";
  return "IN_PROGRESS";
}

export function assessAction(
  a: { status: ActionStatus; dueOn: Date; rating: Rating | null },
  now: Date,
  th: Thresholds,
): Assessment {
  // Once answered, the finding's rating no longer paints the action: the unit has acted, the inspector checks.
  const open = a.status === "OPEN" || a.status === "REOPENED";
  return assess(
    { deadline: a.dueOn, status: measureStatusOf(a.status), latestRating: open ? a.rating : null },
    now,
    th,
  );
}

export type ActionStep = "ANSWER" | "CONFIRM" | "REOPEN";

/** Whether `step` may be taken from `status`; null when allowed, else why not. */
export function refuseStep(status: ActionStatus, step: ActionStep): string | null {
  if (step === "ANSWER") return status === "CONFIRMED" ? "the action is already confirmed" : null;
  if (step === "CONFIRM") return status === "ANSWERED" ? null : "only an answered action can be confirmed";
  return status === "ANSWERED" || status === "CONFIRMED"
    ? null
    : "only an answered or confirmed action can be reopened";
}

export function nextStatus(step: ActionStep): ActionStatus {
  return step === "ANSWER" ? "ANSWERED" : step === "CONFIRM" ? "CONFIRMED" : "REOPENED";
}
