// 一月一整理、一季一分析: `periodAnalysis(period)` for staff; statuses as of the period end, rebuilt from history.
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Unit } from "../generated/prisma/client.ts";
import { ValidationError } from "../errors.ts";
import { parsePeriod, PERIOD_FORMAT, type Figures, type StatusCounts } from "../domain/periods.ts";
import { loadPeriodAnalysis, type PeriodAnalysis } from "../queries/analysis.ts";
import { RectStatusEnum } from "./enums.ts";
import { MeasureNode } from "./ledger.ts";
import { decodeId } from "./ids.ts";
import { UnitNode } from "./users.ts";

const PeriodKindEnum = builder.enumType("PeriodKind", {
  description: "A reporting period: a month or a quarter (Asia/Shanghai).",
  values: { MONTH: { description: "YYYY-MM" }, QUARTER: { description: "YYYY-Qn" } },
});

const StatusCountsRef = builder.objectRef<StatusCounts>("StatusCounts").implement({
  description: "Measures per status (in a change: the difference from the previous period).",
  fields: (t) => ({
    total: t.exposeInt("total"),
    notStarted: t.exposeInt("NOT_STARTED"),
    inProgress: t.exposeInt("IN_PROGRESS"),
    completed: t.exposeInt("COMPLETED"),
    closeRequested: t.exposeInt("CLOSE_REQUESTED"),
    closed: t.exposeInt("CLOSED"),
    relapsed: t.exposeInt("RELAPSED"),
    done: t.exposeInt("done", { description: "completed + closeRequested + closed" }),
  }),
});

const PeriodFiguresRef = builder.objectRef<Figures>("PeriodFiguresSummary").implement({
  description: "Status counts, completion rate and overdue measures at one instant (or their changes).",
  fields: (t) => ({
    statuses: t.field({ type: StatusCountsRef, resolve: (f) => f.counts }),
    completionRate: t.exposeFloat("completionRate", { description: "done / total, 0..1 (4 decimals)" }),
    overdue: t.exposeInt("overdue", { description: "Deadline passed by then and not completed" }),
  }),
});

const UnitCompletionRef = builder.objectRef<Figures & { unit: Unit | null }>("UnitCompletionCounts").implement({
  description: "One responsible unit's measures at the period end.",
  fields: (t) => ({
    unit: t.field({ type: UnitNode, nullable: true, description: "null: no responsible unit", resolve: (u) => u.unit }),
    total: t.int({ resolve: (u) => u.counts.total }),
    done: t.int({ description: "Completed, close-requested or closed", resolve: (u) => u.counts.done }),
    overdue: t.exposeInt("overdue"),
    completionRate: t.exposeFloat("completionRate", { description: "done / total, 0..1" }),
  }),
});

type OverdueItem = PeriodAnalysis["overdueItems"][number];
const OverdueMeasureRef = builder.objectRef<OverdueItem>("OverdueMeasureSummary").implement({
  description: "A measure overdue at the period end.",
  fields: (t) => ({
    measure: t.field({ type: MeasureNode, resolve: (o) => o.measure }),
    unit: t.field({ type: UnitNode, nullable: true, resolve: (o) => o.unit }),
    deadline: t.field({ type: "Date", resolve: (o) => o.deadline }),
    statusAtEnd: t.field({ type: RectStatusEnum, description: "Its status then", resolve: (o) => o.statusAtEnd }),
    daysOverdue: t.exposeInt("daysOverdue", { description: "Days past the deadline at the period end" }),
  }),
});

type Findings = PeriodAnalysis["findings"];
const RecordKindCountsRef = builder.objectRef<Findings["byKind"]>("RecordKindCounts").implement({
  description: "Field inspection records per kind.",
  fields: (t) => ({
    siteVisit: t.exposeInt("SITE_VISIT", { description: "实地走访" }),
    ledgerCheck: t.exposeInt("LEDGER_CHECK", { description: "查阅台账" }),
    onsiteQuestioning: t.exposeInt("ONSITE_QUESTIONING", { description: "现场问询" }),
  }),
});

const RatingCountsRef = builder.objectRef<Findings["byRating"]>("RatingCounts").implement({
  description: "Field inspection records per rating.",
  fields: (t) => ({
    onTrack: t.exposeInt("ON_TRACK"),
    lagging: t.exposeInt("LAGGING"),
    problemFound: t.exposeInt("PROBLEM_FOUND"),
    unrated: t.exposeInt("unrated"),
  }),
});

const FindingsRef = builder.objectRef<Findings>("PeriodFindingsSummary").implement({
  description: "What field inspections recorded within the period (by the device's time).",
  fields: (t) => ({
    total: t.exposeInt("total"),
    byKind: t.field({ type: RecordKindCountsRef, resolve: (f) => f.byKind }),
    byRating: t.field({ type: RatingCountsRef, resolve: (f) => f.byRating }),
    followUpsRequired: t.exposeInt("followUpsRequired"),
    problemsFound: t.prismaField({
      type: ["InspectionRecord"],
      description: "The records rated PROBLEM_FOUND, oldest first",
      resolve: (query, f, _a, ctx) =>
        ctx.prisma.inspectionRecord.findMany({
          ...query,
          where: { id: { in: f.problemsFound.map((r) => r.id) } },
          orderBy: [{ deviceTime: "asc" }, { id: "asc" }],
        }),
    }),
  }),
});

export const PeriodAnalysisRef = builder.objectRef<PeriodAnalysis>("PeriodAnalysisSummary").implement({
  description: "A month's or a quarter's figures as of its end, against the period before.",
  fields: (t) => ({
    period: t.string({ description: "Normalised, e.g. 2024-03 or 2024-Q1", resolve: (a) => a.period.label }),
    kind: t.field({ type: PeriodKindEnum, resolve: (a) => a.period.kind }),
    firstDay: t.field({ type: "Date", resolve: (a) => new Date(`${a.period.firstDay}T00:00:00Z`) }),
    lastDay: t.field({ type: "Date", resolve: (a) => new Date(`${a.period.lastDay}T00:00:00Z`) }),
    asOf: t.field({
      type: "DateTime",
      description: "The instant the figures hold at: the period end, or now while the period runs",
      resolve: (a) => a.asOf,
    }),
    figures: t.field({ type: PeriodFiguresRef, resolve: (a) => a.figures }),
    previousPeriod: t.string({ resolve: (a) => a.previous.label }),
    previousAsOf: t.field({ type: "DateTime", resolve: (a) => a.previousAsOf }),
    previous: t.field({ type: PeriodFiguresRef, resolve: (a) => a.previousFigures }),
    change: t.field({
      type: PeriodFiguresRef,
      description: "figures minus previous, field by field",
      resolve: (a) => ({ counts: a.change, completionRate: a.change.completionRate, overdue: a.change.overdue }),
    }),
    units: t.field({
      type: [UnitCompletionRef],
      description: "Per responsible unit, by name",
      resolve: (a) => a.units,
    }),
    overdueItems: t.field({
      type: [OverdueMeasureRef],
      description: "Most days overdue first",
      resolve: (a) => a.overdueItems,
    }),
    findings: t.field({ type: FindingsRef, resolve: (a) => a.findings }),
  }),
});

const periodArg = z.string().refine((s) => parsePeriod(s) !== null, {
  error: (issue) => `period must be ${PERIOD_FORMAT}; got ${JSON.stringify(issue.input)}`,
});

builder.queryFields((t) => ({
  periodAnalysis: t.field({
    type: PeriodAnalysisRef,
    description: "Monthly (YYYY-MM) or quarterly (YYYY-Qn) analysis: statuses as of the period end. Staff.",
    authScopes: { staff: true },
    errors: { types: [ValidationError] },
    args: {
      period: t.arg.string({ validate: periodArg }),
      inspection: t.arg.id({ required: false, description: "One inspection only (default: all)" }),
    },
    resolve: (_root, args, ctx) =>
      loadPeriodAnalysis(ctx, parsePeriod(args.period)!, new Date(), {
        inspectionId: args.inspection ? decodeId(args.inspection, "Inspection") : null,
      }),
  }),
}));
