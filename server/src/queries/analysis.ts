// Traffic-light and period figures; a fixed number of queries (none per item), rows limited by the viewer's visibility.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Person, Problem, Unit } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import {
  addToTally,
  assess,
  combine,
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
import { measureVisibility, measureWhere } from "./ledger-filters.ts";
import { thresholdsFor } from "./settings.ts";

/** The latest rated record naming the measure. */
const latestMeasureRecord = {
  where: { record: { rating: { not: null } } },
  orderBy: { record: { deviceTime: "desc" } },
  take: 1,
  select: { record: { select: { rating: true, deviceTime: true } } },
} satisfies Prisma.Measure$recordsArgs;

/** The latest rated record naming no measure: it is about the whole problem, so about each of its measures. */
const latestProblemRecord = {
  where: { rating: { not: null }, measures: { none: {} } },
  orderBy: { deviceTime: "desc" },
  take: 1,
  select: { rating: true, deviceTime: true },
} satisfies Prisma.Problem$recordsArgs;

export const measureLightSelect = {
  deadline: true,
  status: true,
  records: latestMeasureRecord,
  problem: { select: { records: latestProblemRecord } },
} satisfies Prisma.MeasureSelect;

type MeasureLightRow = Prisma.MeasureGetPayload<{ select: typeof measureLightSelect }>;

export function measureLightItem(m: MeasureLightRow): LightItem {
  return {
    deadline: m.deadline,
    status: m.status,
    latestRating: latestRating([...m.records.map((r) => r.record), ...m.problem.records]),
  };
}

/** What a problem's light needs; only the measures the viewer may see count (a liaison's problem shows theirs). */
export function problemLightSelect(ctx: Context) {
  return {
    deadline: true,
    status: true,
    records: latestProblemRecord,
    measures: { where: measureVisibility(ctx), select: { deadline: true, status: true, records: latestMeasureRecord } },
  } satisfies Prisma.ProblemSelect;
}

type ProblemLightRow = Prisma.ProblemGetPayload<{ select: ReturnType<typeof problemLightSelect> }>;

/** The worst light of the problem's measures; a problem without measures is judged on its own fields. */
export function problemLight(p: ProblemLightRow, now: Date, th: Thresholds): Light {
  const own = latestRating(p.records);
  if (p.measures.length === 0) return lightOf({ deadline: p.deadline, status: p.status, latestRating: own }, now, th);
  const lights = p.measures.map((m) =>
    lightOf(
      {
        deadline: m.deadline,
        status: m.status,
        latestRating: latestRating([...m.records.map((r) => r.record), ...p.records]),
      },
      now,
      th,
    ),
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

function groupTally<T extends { id: string }>(
  rows: readonly { key: T | null; a: ReturnType<typeof assess> }[],
  name: (t: T) => string,
) {
  const groups = new Map<string | null, { key: T | null; tally: LightTally }>();
  for (const { key, a } of rows) {
    const id = key?.id ?? null;
    const g = groups.get(id) ?? { key, tally: emptyTally() };
    addToTally(g.tally, a);
    groups.set(id, g);
  }
  // By name; the "not assigned" group last.
  return [...groups.values()].sort((x, y) =>
    x.key && y.key ? name(x.key).localeCompare(name(y.key), "zh-CN") : x.key ? -1 : y.key ? 1 : 0,
  );
}

export async function loadDashboard(ctx: Context, now = new Date()): Promise<Dashboard> {
  const thresholds = await thresholdsFor(ctx);
  const rows = await ctx.prisma.measure.findMany({
    where: measureWhere(ctx, {}, now),
    select: { ...measureLightSelect, problemId: true, responsibleUnit: true, leadLeader: true },
  });
  const problems = await ctx.prisma.problem.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.problemId))] } },
    orderBy: [{ section: "asc" }, { number: "asc" }, { id: "asc" }],
  });
  const assessed = rows.map((r) => ({ row: r, a: assess(measureLightItem(r), now, thresholds) }));
  const measures = assessed.reduce((t, x) => addToTally(t, x.a), emptyTally());
  const byUnit = groupTally(
    assessed.map((x) => ({ key: x.row.responsibleUnit, a: x.a })),
    (u) => u.name,
  ).map((g) => ({ unit: g.key, tally: g.tally }));
  const byLeader = groupTally(
    assessed.map((x) => ({ key: x.row.leadLeader, a: x.a })),
    (p) => p.name,
  ).map((g) => ({ leader: g.key, tally: g.tally }));
  const problemTallies = new Map<string, { tally: LightTally; all: ReturnType<typeof assess>[] }>();
  for (const x of assessed) {
    const p = problemTallies.get(x.row.problemId) ?? { tally: emptyTally(), all: [] };
    addToTally(p.tally, x.a);
    p.all.push(x.a);
    problemTallies.set(x.row.problemId, p);
  }
  const problemsTally = emptyTally();
  const byProblem = problems.map((problem) => {
    const p = problemTallies.get(problem.id)!;
    const combined = combine(p.all)!;
    addToTally(problemsTally, combined);
    return { problem, light: combined.light, tally: p.tally };
  });
  return { asOf: now, thresholds, measures, problems: problemsTally, byUnit, byLeader, byProblem };
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);

/** Statuses as of the end of the period (or now, for a period not over yet) and of the period before. */
export async function loadPeriodAnalysis(ctx: Context, period: Period, now = new Date()) {
  const previous = previousPeriod(period);
  const asOf = minDate(period.end, now);
  const previousAsOf = minDate(previous.end, now);
  const rows = await ctx.prisma.measure.findMany({
    where: measureWhere(ctx, {}, now),
    include: {
      responsibleUnit: true,
      statusChanges: { select: { fromStatus: true, toStatus: true, at: true } },
      problem: { select: { number: true, section: true, inspection: { select: { feedbackDate: true } } } },
    },
  });
  const items = rows.map(({ statusChanges, problem, responsibleUnit, ...measure }) => ({
    measure,
    unit: responsibleUnit,
    order: [problem.section, problem.number, measure.number] as const,
    status: measure.status,
    deadline: measure.deadline,
    unitId: measure.responsibleUnitId,
    history: statusChanges,
    since: problem.inspection.feedbackDate,
  }));
  const atEnd = itemsAt(items, asOf);
  const figures = figuresOf(atEnd);
  const previousFigures = figuresOf(itemsAt(items, previousAsOf));
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
      deadline: r.item.deadline!,
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
    findings: await loadFindings(ctx, period),
  };
}

function compareOrder(a: readonly [string, number, number], b: readonly [string, number, number]) {
  return a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2];
}

/** Field inspection records made (deviceTime) within the period. */
async function loadFindings(ctx: Context, period: Period) {
  const records = await ctx.prisma.inspectionRecord.findMany({
    where: { deviceTime: { gte: period.start, lt: period.end } },
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
