// Per-inspection figures for the side-by-side overview: problems, measures, done, completion rate, overdue,
// due soon and traffic lights. Invariants: two queries per request whatever the number of inspections (memoised
// on the request context); only live rows the viewer may see count; lights follow domain/traffic-light.ts.
import type { Context } from "../context.ts";
import { DONE_STATUSES } from "../domain/dates.ts";
import { addToTally, assess, emptyTally, type LightTally } from "../domain/traffic-light.ts";
import { measureLightItem, measureLightSelect } from "./analysis.ts";
import { measureWhere, problemWhere } from "./ledger-filters.ts";
import { thresholdsFor } from "./settings.ts";

export interface InspectionFigures {
  problems: number;
  measures: number;
  done: number;
  /** done / measures, 0..1 (4 decimals); 0 without measures. */
  completionRate: number;
  lights: LightTally;
}

const DONE: ReadonlySet<string> = new Set(DONE_STATUSES);
const cache = new WeakMap<Context, Promise<Map<string, InspectionFigures>>>();

export function emptyFigures(): InspectionFigures {
  return { problems: 0, measures: 0, done: 0, completionRate: 0, lights: emptyTally() };
}

async function load(ctx: Context, now: Date) {
  const thresholds = await thresholdsFor(ctx);
  const [problems, measures] = await Promise.all([
    ctx.prisma.problem.groupBy({ by: ["inspectionId"], where: problemWhere(ctx, {}, now), _count: { _all: true } }),
    ctx.prisma.measure.findMany({
      where: measureWhere(ctx, {}, now),
      select: {
        ...measureLightSelect,
        problemId: true,
        problem: { select: { ...measureLightSelect.problem.select, inspectionId: true } },
      },
    }),
  ]);
  const out = new Map<string, InspectionFigures>();
  const get = (id: string) => out.get(id) ?? out.set(id, emptyFigures()).get(id)!;
  for (const p of problems) get(p.inspectionId).problems = p._count._all;
  for (const m of measures) {
    const f = get(m.problem.inspectionId);
    f.measures++;
    if (DONE.has(m.status)) f.done++;
    addToTally(f.lights, assess(measureLightItem(m), now, thresholds));
  }
  for (const f of out.values()) f.completionRate = f.measures ? Math.round((f.done / f.measures) * 10_000) / 10_000 : 0;
  return out;
}

export async function inspectionFigures(ctx: Context, inspectionId: string, now = new Date()) {
  let p = cache.get(ctx);
  if (!p) {
    p = load(ctx, now);
    cache.set(ctx, p);
  }
  return (await p).get(inspectionId) ?? emptyFigures();
}
