// Traffic lights (红黄绿灯) of measures and problems in Asia/Shanghai days; pure, `now` given; first matching rule wins.
import type { Rating, RectStatus } from "../generated/prisma/enums.ts";
import { DONE_STATUSES, shanghaiToday } from "./dates.ts";

export type Light = "GREEN" | "YELLOW" | "RED" | "GREY";

export interface Thresholds {
  /** A deadline at most this many days ahead (today counts as 0) is "due soon". */
  dueSoonDays: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { dueSoonDays: 15 };
export const DUE_SOON_MIN = 1;
export const DUE_SOON_MAX = 90;

export interface LightItem {
  deadline: Date | null;
  status: RectStatus;
  /** Rating of the latest rated field inspection record on the item (by deviceTime), if any. */
  latestRating: Rating | null;
  /** 长期坚持: long-term work with no deadline; never overdue nor due soon (a stray deadline is ignored). */
  longTerm?: boolean;
}

const DAY_MS = 86_400_000;
const DONE: ReadonlySet<string> = new Set(DONE_STATUSES);

/** Whole days from today (Asia/Shanghai) to the deadline: 0 on the day itself, negative once passed. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.round((deadline.getTime() - shanghaiToday(now).getTime()) / DAY_MS);
}

export function isOverdue(item: Pick<LightItem, "deadline" | "status" | "longTerm">, now: Date): boolean {
  return !!item.deadline && !item.longTerm && !DONE.has(item.status) && daysLeft(item.deadline, now) < 0;
}

export function isDueSoon(
  item: Pick<LightItem, "deadline" | "status" | "longTerm">,
  now: Date,
  th: Thresholds,
): boolean {
  if (!item.deadline || item.longTerm || DONE.has(item.status)) return false;
  const left = daysLeft(item.deadline, now);
  return left >= 0 && left <= th.dueSoonDays;
}

/**
 * The rule set, first match wins:
 * 1. GREY   status CLOSED (已销号): verified and crossed off; nothing to chase. A later relapse makes it RELAPSED.
 * 2. RED    status RELAPSED (反弹回潮).
 * 3. RED    the latest rated field record found a problem (PROBLEM_FOUND): it stays red, whatever the status,
 *           until a newer record rates the item otherwise or it is closed out (即时反馈督促整改).
 * 4. RED    overdue: deadline before today (Asia/Shanghai) and status not COMPLETED/CLOSE_REQUESTED.
 * 5. YELLOW the latest rated field record rated the item LAGGING.
 * 6. YELLOW due soon: deadline today or within `dueSoonDays` days, and status not COMPLETED/CLOSE_REQUESTED.
 * 7. GREEN  everything else (on track; also no deadline or 长期坚持, or completed and awaiting close-out).
 */
export function lightOf(item: LightItem, now: Date, thresholds: Thresholds): Light {
  if (item.status === "CLOSED") return "GREY";
  if (item.status === "RELAPSED") return "RED";
  if (item.latestRating === "PROBLEM_FOUND") return "RED";
  if (isOverdue(item, now)) return "RED";
  if (item.latestRating === "LAGGING") return "YELLOW";
  if (isDueSoon(item, now, thresholds)) return "YELLOW";
  return "GREEN";
}

const SEVERITY: Record<Light, number> = { GREY: 0, GREEN: 1, YELLOW: 2, RED: 3 };

/** A problem's light is its worst measure's; GREY only when every measure is GREY. Null for no lights. */
export function worstLight(lights: Iterable<Light>): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (worst === null || SEVERITY[l] > SEVERITY[worst]) worst = l;
  return worst;
}

/** The latest rating among records, by when they were made; records without a rating carry no verdict. */
export function latestRating(records: Iterable<{ rating: Rating | null; deviceTime: Date }>): Rating | null {
  let best: { rating: Rating | null; deviceTime: Date } | null = null;
  for (const r of records) {
    if (r.rating && (!best || r.deviceTime > best.deviceTime)) best = r;
  }
  return best?.rating ?? null;
}

export interface LightTally {
  green: number;
  yellow: number;
  red: number;
  grey: number;
  total: number;
  overdue: number;
  dueSoon: number;
  relapsed: number;
}

export interface Assessment {
  light: Light;
  overdue: boolean;
  dueSoon: boolean;
  relapsed: boolean;
}

export function assess(item: LightItem, now: Date, th: Thresholds): Assessment {
  return {
    light: lightOf(item, now, th),
    overdue: isOverdue(item, now),
    dueSoon: isDueSoon(item, now, th),
    relapsed: item.status === "RELAPSED",
  };
}

export function emptyTally(): LightTally {
  return { green: 0, yellow: 0, red: 0, grey: 0, total: 0, overdue: 0, dueSoon: 0, relapsed: 0 };
}

/** Adds one assessed item (or, for problem tallies, one problem's combined assessment) to a tally. */
export function addToTally(t: LightTally, a: Assessment): LightTally {
  const key = a.light.toLowerCase() as "green" | "yellow" | "red" | "grey";
  t[key]++;
  t.total++;
  if (a.overdue) t.overdue++;
  if (a.dueSoon) t.dueSoon++;
  if (a.relapsed) t.relapsed++;
  return t;
}

/** A problem's combined assessment: the worst light, and a flag when any of its measures has it. */
export function combine(assessments: readonly Assessment[]): Assessment | null {
  const light = worstLight(assessments.map((a) => a.light));
  if (!light) return null;
  return {
    light,
    overdue: assessments.some((a) => a.overdue),
    dueSoon: assessments.some((a) => a.dueSoon),
    relapsed: assessments.some((a) => a.relapsed),
  };
}
