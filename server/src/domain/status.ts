// Rectification status machine: which transitions exist and who may make them. Pure; no I/O.
// Invariant: close-out (CLOSED) is a supervisor's act after verification; a relapse only follows a closure.
import type { RectStatus, Role } from "../generated/prisma/enums.ts";

const NEXT: Record<RectStatus, readonly RectStatus[]> = {
  NOT_STARTED: ["IN_PROGRESS", "COMPLETED"],
  IN_PROGRESS: ["COMPLETED", "CLOSE_REQUESTED"],
  COMPLETED: ["IN_PROGRESS", "CLOSE_REQUESTED"],
  CLOSE_REQUESTED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: ["RELAPSED"],
  RELAPSED: ["IN_PROGRESS", "COMPLETED", "CLOSE_REQUESTED"],
};

/** Transitions reserved for supervisors: verifying (closing or rejecting a request) and declaring a relapse. */
const SUPERVISOR_ONLY: ReadonlySet<string> = new Set([
  "CLOSE_REQUESTED>CLOSED",
  "CLOSE_REQUESTED>IN_PROGRESS",
  "CLOSED>RELAPSED",
]);

export type TransitionCheck = { ok: true } | { ok: false; why: string };

export function checkTransition(from: RectStatus, to: RectStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, why: "the item already has this status" };
  if (!NEXT[from].includes(to)) {
    return { ok: false, why: `allowed next statuses are ${NEXT[from].join(", ")}` };
  }
  if (role === "INSPECTOR") return { ok: false, why: "inspectors record findings; they do not change statuses" };
  if (SUPERVISOR_ONLY.has(`${from}>${to}`) && role !== "ADMIN" && role !== "SUPERVISOR") {
    return { ok: false, why: "only a supervisor may verify, close out or reopen an item" };
  }
  return { ok: true };
}

export function allowedNext(from: RectStatus): readonly RectStatus[] {
  return NEXT[from];
}

/** A problem's status derived from its measures: closed only when every measure is closed. */
export function rollUpStatus(measures: readonly RectStatus[]): RectStatus | null {
  if (measures.length === 0) return null;
  if (measures.some((s) => s === "RELAPSED")) return "RELAPSED";
  if (measures.every((s) => s === "CLOSED")) return "CLOSED";
  if (measures.every((s) => s === "CLOSED" || s === "CLOSE_REQUESTED")) return "CLOSE_REQUESTED";
  if (measures.every((s) => s === "CLOSED" || s === "CLOSE_REQUESTED" || s === "COMPLETED")) return "COMPLETED";
  if (measures.every((s) => s === "NOT_STARTED")) return "NOT_STARTED";
  return "IN_PROGRESS";
}

/**
 * Steps of the close-out workflow that carry more than a reason (evidence, a verifying inspection, the closure
 * a relapse undoes), so they only happen through their own mutations, never through a plain status change.
 */
export function workflowMutationFor(from: RectStatus, to: RectStatus): string | null {
  if (to === "CLOSE_REQUESTED") return "requestCloseout";
  if (from === "CLOSE_REQUESTED") return "verifyCloseout";
  if (to === "CLOSED") return "verifyCloseout";
  if (to === "RELAPSED") return "completeLookBack";
  return null;
}
