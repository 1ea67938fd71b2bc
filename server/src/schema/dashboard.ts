// Traffic lights: Measure/Problem `light`, `dashboard`, thresholds; counts follow the viewer's visibility; login only.
import { builder } from "../builder.ts";
import type { Person, Problem, Unit } from "../generated/prisma/client.ts";
import { ValidationError } from "../errors.ts";
import { lightOf, type Light, type LightTally, type Thresholds } from "../domain/traffic-light.ts";
import {
  measureLightItem,
  measureLightSelect,
  problemLight,
  problemLightSelect,
  sharedDashboard,
  type Dashboard,
} from "../queries/analysis.ts";
import { dueSoonDaysSchema, setTrafficLightThresholds, thresholdsFor } from "../queries/settings.ts";
import { PersonNode, UnitNode } from "./users.ts";
import { PROBLEM_ALWAYS_READ, PROBLEM_OWN_COLUMNS, ProblemNode } from "./ledger.ts";
import { decodeId } from "./ids.ts";
import { columnsAskedFor } from "./own-columns.ts";

export const TrafficLightEnum = builder.enumType("TrafficLight", {
  description: "An item's traffic light, computed in Asia/Shanghai days (rules: server/src/domain/traffic-light.ts).",
  values: {
    GREEN: { description: "On track" },
    YELLOW: { description: "Due within dueSoonDays, or the latest field record rated it LAGGING" },
    RED: { description: "Overdue, relapsed (反弹回潮), or the latest field record found a problem" },
    GREY: { description: "Closed out (已销号)" },
  },
});

const internal = { authScopes: { loggedIn: true } } as const;

builder.prismaObjectFields("Measure", (t) => ({
  light: t.field({
    type: TrafficLightEnum,
    ...internal,
    description: "Traffic light from deadline, status and the latest rated field record",
    select: measureLightSelect,
    resolve: async (m, _a, ctx): Promise<Light> => lightOf(measureLightItem(m), new Date(), await thresholdsFor(ctx)),
  }),
}));

builder.prismaObjectFields("Problem", (t) => ({
  light: t.field({
    type: TrafficLightEnum,
    ...internal,
    description: "The worst light of the measures the viewer may see (GREY only when all are closed out)",
    select: (_args, ctx) => problemLightSelect(ctx),
    resolve: async (p, _a, ctx): Promise<Light> => problemLight(p, new Date(), await thresholdsFor(ctx)),
  }),
}));

export const LightCountsRef = builder.objectRef<LightTally>("LightCounts").implement({
  description: "How many items have each light; overdue, dueSoon and relapsed count items with that flag.",
  fields: (t) => ({
    green: t.exposeInt("green"),
    yellow: t.exposeInt("yellow"),
    red: t.exposeInt("red"),
    grey: t.exposeInt("grey"),
    total: t.exposeInt("total"),
    overdue: t.exposeInt("overdue", { description: "Deadline passed and not completed" }),
    dueSoon: t.exposeInt("dueSoon", { description: "Deadline within dueSoonDays and not completed" }),
    relapsed: t.exposeInt("relapsed", { description: "Status RELAPSED" }),
  }),
});

const UnitLightCounts = builder.objectRef<{ unit: Unit | null; tally: LightTally }>("UnitLightCounts").implement({
  description: "Measure lights of one responsible unit.",
  fields: (t) => ({
    unit: t.field({
      type: UnitNode,
      nullable: true,
      description: "null: measures with no responsible unit",
      resolve: (r) => r.unit,
    }),
    counts: t.field({ type: LightCountsRef, resolve: (r) => r.tally }),
  }),
});

const LeaderLightCounts = builder
  .objectRef<{ leader: Person | null; tally: LightTally }>("LeaderLightCounts")
  .implement({
    description: "Measure lights of one lead leader (牵头领导).",
    fields: (t) => ({
      leader: t.field({
        type: PersonNode,
        nullable: true,
        description: "null: measures with no lead leader",
        resolve: (r) => r.leader,
      }),
      counts: t.field({ type: LightCountsRef, resolve: (r) => r.tally }),
    }),
  });

const ProblemLightCounts = builder
  .objectRef<{ problem: Problem; light: Light; tally: LightTally }>("ProblemLightCounts")
  .implement({
    description: "One problem's light (its worst measure's) and its measures' lights.",
    fields: (t) => ({
      problem: t.field({ type: ProblemNode, resolve: (r) => r.problem }),
      light: t.field({ type: TrafficLightEnum, resolve: (r) => r.light }),
      counts: t.field({ type: LightCountsRef, resolve: (r) => r.tally }),
    }),
  });

export const DashboardSummary = builder.objectRef<Dashboard>("DashboardSummary").implement({
  description: "Traffic-light figures of the measures the viewer may see (a liaison: their unit's).",
  fields: (t) => ({
    asOf: t.field({ type: "DateTime", resolve: (d) => d.asOf }),
    dueSoonDays: t.int({ description: "The threshold in force", resolve: (d) => d.thresholds.dueSoonDays }),
    measures: t.field({ type: LightCountsRef, description: "All measures", resolve: (d) => d.measures }),
    problems: t.field({
      type: LightCountsRef,
      description: "Problems by their light; a flag counts a problem when any of its measures has it",
      resolve: (d) => d.problems,
    }),
    byUnit: t.field({
      type: [UnitLightCounts],
      description: "Per responsible unit, by name",
      resolve: (d) => d.byUnit,
    }),
    byLeader: t.field({
      type: [LeaderLightCounts],
      description: "Per lead leader, by name",
      resolve: (d) => d.byLeader,
    }),
    byProblem: t.field({
      type: [ProblemLightCounts],
      description: "Per problem, in report order",
      resolve: (d) => d.byProblem,
    }),
  }),
});

const TrafficLightThresholds = builder.objectRef<Thresholds>("TrafficLightThresholdsSummary").implement({
  description: "The traffic-light thresholds in force (Setting trafficLight; defaults when unset).",
  fields: (t) => ({
    dueSoonDays: t.exposeInt("dueSoonDays", { description: "A deadline this many days ahead or fewer is YELLOW" }),
  }),
});

builder.queryFields((t) => ({
  dashboard: t.field({
    type: DashboardSummary,
    description: "Traffic-light counts overall, per responsible unit, per lead leader and per problem.",
    authScopes: { staff: true, liaison: true },
    args: { inspection: t.arg.id({ required: false, description: "One inspection only (default: all)" }) },
    resolve: (_root, args, ctx, info) =>
      sharedDashboard(
        ctx,
        args.inspection ? decodeId(args.inspection, "Inspection") : null,
        // A dashboard of 5,000 problems asking for their numbers and titles leaves bodies and timestamps unread.
        columnsAskedFor(info, ["byProblem", "problem"], PROBLEM_OWN_COLUMNS, PROBLEM_ALWAYS_READ),
      ),
  }),
  trafficLightThresholds: t.field({
    type: TrafficLightThresholds,
    description: "The traffic-light thresholds in force.",
    ...internal,
    resolve: (_root, _args, ctx) => thresholdsFor(ctx),
  }),
}));

builder.mutationFields((t) => ({
  setTrafficLightThresholds: t.field({
    type: TrafficLightThresholds,
    description: "Set how many days ahead a deadline turns an item YELLOW (1..90). Supervisors.",
    authScopes: { supervisor: true },
    errors: { types: [ValidationError] },
    args: { dueSoonDays: t.arg.int({ validate: dueSoonDaysSchema }) },
    resolve: (_root, args, ctx) => setTrafficLightThresholds(ctx, args.dueSoonDays),
  }),
}));
