// Periods (YYYY-MM, YYYY-Qn; Asia/Shanghai) and statuses rebuilt from history; pure; a period is [start, end).
import type { RectStatus } from "../generated/prisma/enums.ts";
import { DONE_STATUSES } from "./dates.ts";
import { daysLeft, isOverdue } from "./traffic-light.ts";

export type PeriodKind = "MONTH" | "QUARTER";

export interface Period {
  kind: PeriodKind;
  /** Normalised: "2024-03" or "2024-Q1". */
  label: string;
  year: number;
  /** Month 1..12 or quarter 1..4. */
  index: number;
  firstDay: string;
  lastDay: string;
  /** Asia/Shanghai midnight starting firstDay. */
  start: Date;
  /** Asia/Shanghai midnight after lastDay (exclusive). */
  end: Date;
}

export const PERIOD_FORMAT = 'a month "YYYY-MM" (e.g. 2024-03) or a quarter "YYYY-Qn" (e.g. 2024-Q1)';

const pad = (n: number) => String(n).padStart(2, "0");
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

function build(kind: PeriodKind, year: number, index: number): Period {
  const firstMonth = kind === "MONTH" ? index : index * 3 - 2;
  const months = kind === "MONTH" ? 1 : 3;
  // Date.UTC rolls month 13 over to January of the next year; day 0 is the last day of the month before.
  const last = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  const firstDay = `${year}-${pad(firstMonth)}-01`;
  const lastDay = last.toISOString().slice(0, 10);
  const next = new Date(Date.UTC(year, firstMonth - 1 + months, 1)).toISOString().slice(0, 10);
  const label = kind === "MONTH" ? `${year}-${pad(index)}` : `${year}-Q${index}`;
  return {
    kind,
    label,
    year,
    index,
    firstDay,
    lastDay,
    start: shanghaiMidnight(firstDay),
    end: shanghaiMidnight(next),
  };
}

/** Parses "YYYY-MM" or "YYYY-Qn" (q in either case); null when it is neither. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? build("MONTH", Number(month[1]), m) : null;
  }
  const quarter = /^(\d{4})-[Qq]([1-4])$/.exec(s);
  return quarter ? build("QUARTER", Number(quarter[1]), Number(quarter[2])) : null;
}

/** The month before a month, the quarter before a quarter. */
export function previousPeriod(p: Period): Period {
  const count = p.kind === "MONTH" ? 12 : 4;
  return p.index > 1 ? build(p.kind, p.year, p.index - 1) : build(p.kind, p.year - 1, count);
}

/** The Asia/Shanghai month ("YYYY-MM") of an instant. */
export function monthOfInstant(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export interface HistoryEntry {
  fromStatus: RectStatus | null;
  toStatus: RectStatus;
  at: Date;
}

/**
 * The status an item had at instant `at`, from its status history (any order) and its current status:
 * - the target of the last change strictly before `at`;
 * - else, before its first change, the status that change left (`fromStatus`);
 * - a first change without `fromStatus` is the item's creation (e.g. an import), stating the status it had when
 *   it entered the ledger; the ledger knows nothing earlier, so that status is assumed to have held before too;
 * - with no history at all, the current status.
 */
export function statusAt(history: readonly HistoryEntry[], at: Date, current: RectStatus): RectStatus {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let status: RectStatus | null = null;
  for (const h of sorted) {
    if (h.at.getTime() >= at.getTime()) break;
    status = h.toStatus;
  }
  if (status) return status;
  const first = sorted[0];
  return first ? (first.fromStatus ?? first.toStatus) : current;
}

export interface DeadlineEntry {
  /** null for the creation row: the deadline the item entered the ledger with. */
  fromLongTerm: boolean | null;
  fromDeadline: Date | null;
  longTerm: boolean;
  deadline: Date | null;
  at: Date;
}

/**
 * The deadline an item had at instant `at` (null: none, or 长期坚持), from its deadline-assignment history and its
 * current deadline, by the rules of `statusAt`: the last assignment strictly before `at`; else what the first
 * assignment replaced, or, when the first is the item's creation, the deadline it was created with; with no history,
 * the current one. A deadline assigned on 11-30 was no deadline in September.
 */
export function deadlineAt(history: readonly DeadlineEntry[], at: Date, current: Date | null): Date | null {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const of = (longTerm: boolean | null, deadline: Date | null) => (longTerm ? null : deadline);
  let found: { d: Date | null } | null = null;
  for (const h of sorted) {
    if (h.at.getTime() >= at.getTime()) break;
    found = { d: of(h.longTerm, h.deadline) };
  }
  if (found) return found.d;
  const first = sorted[0];
  if (!first) return current;
  return first.fromLongTerm === null ? of(first.longTerm, first.deadline) : of(first.fromLongTerm, first.fromDeadline);
}

export interface AnalysisItem {
  status: RectStatus;
  deadline: Date | null;
  unitId: string | null;
  history: readonly HistoryEntry[];
  /** Deadline-assignment history; without it (or empty) the current deadline is taken as always held. */
  deadlineHistory?: readonly DeadlineEntry[];
  /** The day (UTC midnight) its inspection fed the problems back; the item does not exist before it. */
  since: Date | null;
}

export interface ItemAt<T> {
  item: T;
  status: RectStatus;
  /** The deadline it had then (null: none or 长期坚持). */
  deadline: Date | null;
  overdue: boolean;
  /** Days past its deadline then, counted on the day of `lateAt` (0 when not overdue). */
  daysOverdue: number;
}

/**
 * The items that existed at `at`, each with its status, deadline and whether it was overdue then. `at` is an
 * exclusive end: lateness is judged at `lateAt`, by default the instant just before `at`, since a deadline is met
 * until the end of its day (Asia/Shanghai) — a deadline on a period's last day is not overdue in that period. For a
 * period not over yet, pass now as both.
 */
export function itemsAt<T extends AnalysisItem>(
  items: readonly T[],
  at: Date,
  lateAt = new Date(at.getTime() - 1),
): ItemAt<T>[] {
  const out: ItemAt<T>[] = [];
  const lastInstant = lateAt;
  for (const item of items) {
    if (item.since && shanghaiMidnight(item.since.toISOString().slice(0, 10)) >= at) continue;
    const status = statusAt(item.history, at, item.status);
    const deadline = deadlineAt(item.deadlineHistory ?? [], at, item.deadline);
    const overdue = isOverdue({ deadline, status }, lastInstant);
    out.push({
      item,
      status,
      deadline,
      overdue,
      daysOverdue: overdue && deadline ? -daysLeft(deadline, lastInstant) : 0,
    });
  }
  return out;
}

export type StatusCounts = Record<RectStatus, number> & { total: number; done: number };

export interface Figures {
  counts: StatusCounts;
  /** done / total, 0..1, 4 decimals; 0 for no items. */
  completionRate: number;
  overdue: number;
}

const DONE: ReadonlySet<string> = new Set(DONE_STATUSES);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function figuresOf(rows: readonly ItemAt<unknown>[]): Figures {
  const counts: StatusCounts = {
    NOT_STARTED: 0,
    IN_PROGRESS: 0,
    COMPLETED: 0,
    CLOSE_REQUESTED: 0,
    CLOSED: 0,
    RELAPSED: 0,
    total: 0,
    done: 0,
  };
  let overdue = 0;
  for (const r of rows) {
    counts[r.status]++;
    counts.total++;
    if (DONE.has(r.status)) counts.done++;
    if (r.overdue) overdue++;
  }
  return { counts, completionRate: counts.total ? round4(counts.done / counts.total) : 0, overdue };
}

/** Figures per responsible unit (null: no unit assigned). */
export function figuresByUnit<T extends AnalysisItem>(rows: readonly ItemAt<T>[]): Map<string | null, Figures> {
  const groups = new Map<string | null, ItemAt<T>[]>();
  for (const r of rows) {
    const g = groups.get(r.item.unitId);
    if (g) g.push(r);
    else groups.set(r.item.unitId, [r]);
  }
  return new Map([...groups].map(([unitId, g]) => [unitId, figuresOf(g)]));
}

export type FiguresChange = StatusCounts & { overdue: number; completionRate: number };

/** Current minus previous, field by field. */
export function changeOf(current: Figures, previous: Figures): FiguresChange {
  const keys = Object.keys(current.counts) as (keyof StatusCounts)[];
  const counts = Object.fromEntries(keys.map((k) => [k, current.counts[k] - previous.counts[k]])) as StatusCounts;
  return {
    ...counts,
    overdue: current.overdue - previous.overdue,
    completionRate: round4(current.completionRate - previous.completionRate),
  };
}
