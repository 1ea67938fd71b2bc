// Traffic-light and period figures; a fixed number of queries (none per item), rows limited by the viewer's visibility.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Person, Problem, Unit } from "../generated/prisma/client.ts";
import type { Context, Viewer } from "../context.ts";
import type { PrismaClient } from "../db.ts";
import { Coalescer } from "./coalesce.ts";
import type { Rating } from "../generated/prisma/enums.ts";
import {
  addToTally,
  emptyTally,
  latestRating,
  lightOf,
  type Light,
  type LightItem,
  type LightTally,
  type Thresholds,
  worstLight,
} from "../domain/traffic-light.ts";
import { changeOf, figuresByUnit, figuresOf, itemsAt, previousPeriod, type Period } from "../domain/periods.ts";
import { measureVisibility, measureWhere, type LedgerFilter } from "./ledger-filters.ts";
import { rawQuery, Prisma as PrismaSql } from "../db/raw-sql.ts";
import { lightTallies, visibilityKey, type ProblemColumns } from "./dashboard-lights.ts";
import { thresholdsFor } from "./settings.ts";

/** A measure's light needs its own latest rating and its problem's (records naming no measure). */
export const measureLightSelect = {
  deadline: true,
  longTerm: true,
  status: true,
  latestRating: true,
  latestRatedAt: true,
  problem: { select: { latestRating: true, latestRatedAt: true } },
} satisfies Prisma.MeasureSelect;

type MeasureLightRow = Prisma.MeasureGetPayload<{ select: typeof measureLightSelect }>;
type Rated = { latestRating: Rating | null; latestRatedAt: Date | null };

/** The later of the measure's and the problem's latest ratings (the measure's own on a tie). */
function ratingOf(own: Rated, problem: Rated): Rating | null {
  const rated = (r: Rated) =>
    r.latestRating && r.latestRatedAt ? [{ rating: r.latestRating, deviceTime: r.latestRatedAt }] : [];
  return latestRating([...rated(own), ...rated(problem)]);
}

export function measureLightItem(m: MeasureLightRow): LightItem {
  return { deadline: m.deadline, longTerm: m.longTerm, status: m.status, latestRating: ratingOf(m, m.problem) };
}

/** What a problem's light needs; only the measures the viewer may see count (a liaison's problem shows theirs). */
export function problemLightSelect(ctx: Context) {
  return {
    deadline: true,
    status: true,
    latestRating: true,
    latestRatedAt: true,
    measures: {
      where: { AND: [measureVisibility(ctx), { archivedAt: null }] },
      select: { deadline: true, longTerm: true, status: true, latestRating: true, latestRatedAt: true },
    },
  } satisfies Prisma.ProblemSelect;
}

type ProblemLightRow = Prisma.ProblemGetPayload<{ select: ReturnType<typeof problemLightSelect> }>;

/** The worst light of the problem's measures; a problem without measures is judged on its own fields. */
export function problemLight(p: ProblemLightRow, now: Date, th: Thresholds): Light {
  if (p.measures.length === 0) {
    return lightOf({ deadline: p.deadline, status: p.status, latestRating: p.latestRating }, now, th);
  }
  const lights = p.measures.map((m) =>
    lightOf({ deadline: m.deadline, longTerm: m.longTerm, status: m.status, latestRating: ratingOf(m, p) }, now, th),
  );
  return worstLight(lights)!;
}

export interface Dashboard {
  asOf: Date;
  thresholds: Thresholds;
  measures: LightTally;
  problems: LightTally;
  byUnit: { unit: Unit | null; tally: LightTally }[];
  byLeader: { leader: Person | null; tally: LightTally }[];
  byProblem: { problem: Problem; light: Light; tally: LightTally }[];
}

const zh = new Intl.Collator("zh-CN");

/** By name; the "not assigned" group last. */
function byName<T extends { name: string }>(rows: { key: T | null; tally: LightTally }[]) {
  return rows.sort((x, y) => (x.key && y.key ? zh.compare(x.key.name, y.key.name) : x.key ? -1 : y.key ? 1 : 0));
}

const SEVERITY: readonly (keyof LightTally & Lowercase<Light>)[] = ["red", "yellow", "green", "grey"];

/** A problem's combined light from its measures' tally: the worst light any of them has. */
function worstOf(t: LightTally): Light {
  return SEVERITY.find((k) => t[k] > 0)!.toUpperCase() as Light;
}

export async function loadDashboard(ctx: Context, now = new Date(), filter: LedgerFilter = {}): Promise<Dashboard> {
  return computeDashboard(ctx.prisma, ctx.viewer, now, await thresholdsFor(ctx), filter.inspectionId ?? null, null);
}

const dashboards = new WeakMap<PrismaClient, Coalescer<Dashboard>>();

/**
 * The dashboard as of now; identical requests at the same time (same database, visibility, inspection and
 * thresholds) share one computation that starts after all of them arrived (queries/coalesce.ts), so 16
 * supervisors opening it together cost two computations, not 16, and none sees figures older than its request.
 */
export async function sharedDashboard(
  ctx: Context,
  inspectionId: string | null,
  problemColumns: ProblemColumns = null,
): Promise<Dashboard> {
  const thresholds = await thresholdsFor(ctx);
  let flights = dashboards.get(ctx.prisma);
  if (!flights) dashboards.set(ctx.prisma, (flights = new Coalescer()));
  const key = JSON.stringify([visibilityKey(ctx.viewer), inspectionId, thresholds, problemColumns]);
  const { prisma, viewer } = ctx;
  return flights.run(key, () => computeDashboard(prisma, viewer, new Date(), thresholds, inspectionId, problemColumns));
}

async function computeDashboard(
  prisma: PrismaClient,
  viewer: Viewer | null,
  now: Date,
  thresholds: Thresholds,
  inspectionId: string | null,
  problemColumns: ProblemColumns,
): Promise<Dashboard> {
  const t = await lightTallies(prisma, viewer, now, thresholds, inspectionId, problemColumns);
  const ids = (m: Map<string | null, LightTally>) => [...m.keys()].filter((k): k is string => k !== null);
  // Raw on the pool: Prisma compiling `id IN (400 ids)` cost as much CPU as the tallies' own statement.
  const [units, leaders] = await Promise.all([
    rawQuery<Unit>(prisma, PrismaSql.sql`SELECT * FROM "Unit" WHERE id = ANY(${ids(t.byUnit)}::uuid[])`),
    rawQuery<Person>(prisma, PrismaSql.sql`SELECT * FROM "Person" WHERE id = ANY(${ids(t.byLeader)}::uuid[])`),
  ]);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const leadersById = new Map(leaders.map((l) => [l.id, l]));
  const byUnit = byName([...t.byUnit].map(([id, tally]) => ({ key: id ? unitsById.get(id)! : null, tally }))).map(
    (g) => ({ unit: g.key, tally: g.tally }),
  );
  const byLeader = byName([...t.byLeader].map(([id, tally]) => ({ key: id ? leadersById.get(id)! : null, tally }))).map(
    (g) => ({ leader: g.key, tally: g.tally }),
  );
  const problemsTally = emptyTally();
  const byProblem = t.byProblem.map(({ problem, tally }) => {
    const light = worstOf(tally);
    addToTally(problemsTally, {
      light,
      overdue: tally.overdue > 0,
      dueSoon: tally.dueSoon > 0,
      relapsed: tally.relapsed > 0,
    });
    return { problem, light, tally };
  });
  return { asOf: now, thresholds, measures: t.all, problems: problemsTally, byUnit, byLeader, byProblem };
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);

/** Statuses as of the end of the period (or now, for a period not over yet) and of the period before. */
export async function loadPeriodAnalysis(ctx: Context, period: Period, now = new Date(), filter: LedgerFilter = {}) {
  const previous = previousPeriod(period);
  const asOf = minDate(period.end, now);
  const previousAsOf = minDate(previous.end, now);
  const rows = await ctx.prisma.measure.findMany({
    where: measureWhere(ctx, filter, now),
    include: {
      responsibleUnit: true,
      statusChanges: { select: { fromStatus: true, toStatus: true, at: true } },
      deadlineChanges: {
        select: { fromDeadline: true, fromLongTerm: true, deadline: true, longTerm: true, at: true },
      },
      problem: { select: { number: true, section: true, inspection: { select: { feedbackDate: true } } } },
    },
  });
  const items = rows.map(({ statusChanges, deadlineChanges, problem, responsibleUnit, ...measure }) => ({
    measure,
    unit: responsibleUnit,
    order: [problem.section, problem.number, measure.number] as const,
    status: measure.status,
    // 长期坚持 has no deadline to miss in any period.
    deadline: measure.longTerm ? null : measure.deadline,
    unitId: measure.responsibleUnitId,
    history: statusChanges,
    // The deadline as assigned at each instant: a later assignment does not rewrite a past month.
    deadlineHistory: deadlineChanges,
    since: problem.inspection.feedbackDate,
  }));
  // An ended period is judged on its last day; one still running, now (overdue from 00:00 after the deadline day).
  const judged = (end: Date, asOfEnd: Date) => itemsAt(items, asOfEnd, asOfEnd < end ? asOfEnd : undefined);
  const atEnd = judged(period.end, asOf);
  const figures = figuresOf(atEnd);
  const previousFigures = figuresOf(judged(previous.end, previousAsOf));
  const unitsById = new Map(items.map((i) => [i.unitId, i.unit]));
  const units = [...figuresByUnit(atEnd)]
    .map(([unitId, f]) => ({ unit: unitsById.get(unitId) ?? null, ...f }))
    .sort((x, y) =>
      x.unit && y.unit ? x.unit.name.localeCompare(y.unit.name, "zh-CN") : x.unit ? -1 : y.unit ? 1 : 0,
    );
  const overdueItems = atEnd
    .filter((r) => r.overdue)
    .sort((x, y) => y.daysOverdue - x.daysOverdue || compareOrder(x.item.order, y.item.order))
    .map((r) => ({
      measure: r.item.measure,
      unit: r.item.unit,
      deadline: r.deadline!,
      statusAtEnd: r.status,
      daysOverdue: r.daysOverdue,
    }));
  return {
    period,
    previous,
    asOf,
    previousAsOf,
    figures,
    previousFigures,
    change: changeOf(figures, previousFigures),
    units,
    overdueItems,
    findings: await loadFindings(ctx, period, filter.inspectionId ?? null),
    /** The inspection the figures are narrowed to (rectification actions are counted the same way). */
    inspectionId: filter.inspectionId ?? null,
  };
}

function compareOrder(a: readonly [string, number, number], b: readonly [string, number, number]) {
  return a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2];
}

/** Field inspection records made (deviceTime) within the period. */
async function loadFindings(ctx: Context, period: Period, inspectionId: string | null) {
  const records = await ctx.prisma.inspectionRecord.findMany({
    where: {
      deviceTime: { gte: period.start, lt: period.end },
      ...(inspectionId ? { problem: { inspectionId } } : {}),
    },
    orderBy: [{ deviceTime: "asc" }, { id: "asc" }],
  });
  const byKind = { SITE_VISIT: 0, LEDGER_CHECK: 0, ONSITE_QUESTIONING: 0 };
  const byRating = { ON_TRACK: 0, LAGGING: 0, PROBLEM_FOUND: 0, unrated: 0 };
  for (const r of records) {
    byKind[r.kind]++;
    byRating[r.rating ?? "unrated"]++;
  }
  return {
    total: records.length,
    byKind,
    byRating,
    followUpsRequired: records.filter((r) => r.followUpRequired).length,
    problemsFound: records.filter((r) => r.rating === "PROBLEM_FOUND"),
  };
}

export type PeriodAnalysis = Awaited<ReturnType<typeof loadPeriodAnalysis>>;
