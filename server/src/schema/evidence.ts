// Progress with evidence: the outbox's syncProgressReport, 我的整改事项 (myMeasures), a measure's timeline,
// 补充材料 requests and publishing. Thin resolvers over queries/progress-reports.ts and queries/unit-progress.ts.
// Invariant: every field is guarded by the measure's scope (a liaison only its unit's), node() included.
import { z } from "zod";
import { builder } from "../builder.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { previewable } from "../files/evidence-types.ts";
import { syncProgressReport } from "../queries/progress-reports.ts";
import {
  currentMonth,
  measureTimeline,
  requestSupplement,
  setProgressPublic,
  unitFor,
  unitMeasureIds,
  type TimelineEntry,
} from "../queries/unit-progress.ts";
import { measureWhereForUnit } from "../queries/visibility.ts";
import { serverAnswerSchema } from "../sync/index.ts";
import { decodeId } from "./ids.ts";
import { SyncAnswer } from "./records.ts";
import { publishAction } from "./actions.ts";
import { DashboardSummary } from "./dashboard.ts";
import { PeriodAnalysisRef } from "./analysis.ts";
import { reportingFigures, type ReportingFigures } from "../queries/reporting.ts";

const loggedIn = { authScopes: { loggedIn: true } } as const;

builder.prismaObjectFields("ProgressUpdate", (t) => ({
  percentComplete: t.exposeInt("percentComplete", {
    nullable: true,
    description: "The unit's estimate of how complete the measure is (0–100)",
  }),
  public: t.exposeBoolean("public", { description: "Shown on the public pages (published by a supervisor)" }),
  reportId: t.exposeString("reportId", {
    nullable: true,
    description: "The report it came from; one report on several measures shares it",
  }),
  supplementRequests: t.relation("supplementsAsked", {
    description: "补充材料 requests made on this update",
    query: { orderBy: { createdAt: "asc" } },
  }),
  answers: t.relation("supplementsAnswered", { description: "补充材料 requests this update answered" }),
}));

builder.prismaObjectFields("Attachment", (t) => ({
  published: t.exposeBoolean("published", { description: "Shown on the public pages with its public update" }),
  previewable: t.boolean({
    description: "Images and PDFs open in the browser; other files download",
    resolve: (a) => previewable(a.mimeType),
  }),
  downloadUrl: t.string({ resolve: (a) => `/files/${a.id}?download=1` }),
}));

builder.prismaNode("SupplementRequest", {
  description: "补充材料: a supervisor asks a unit for more on a progress update; closed by the unit's answer.",
  id: { field: "id" },
  authScopes: (r) => ({ $all: { loggedIn: true, seeMeasure: { id: r.measureId, problemId: "" } } }),
  fields: (t) => ({
    reason: t.exposeString("reason"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    requestedByName: t.string({
      select: { requestedBy: { select: { displayName: true } } },
      resolve: (r) => r.requestedBy.displayName,
    }),
    progressUpdate: t.relation("progressUpdate"),
    measure: t.prismaField({
      type: "Measure",
      select: { measureId: true },
      resolve: (query, r, _a, ctx) => ctx.prisma.measure.findUniqueOrThrow({ ...query, where: { id: r.measureId } }),
    }),
    open: t.boolean({ resolve: (r) => r.answeredAt === null }),
    answer: t.relation("answer", { nullable: true }),
    answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
  }),
});

const TimelineKindEnum = builder.enumType("TimelineKind", {
  description: "What a timeline entry is.",
  values: {
    PROGRESS: { description: "A progress update (整改进展) with its files" },
    STATUS: { description: "A status change" },
    RECORD: { description: "A field inspection record (staff only)" },
    NOTICE: { description: "A monthly notice (每月提示通报) naming the measure" },
    SUPPLEMENT_REQUEST: { description: "A 补充材料 request" },
  },
});

const TimelineEntryRef = builder.objectRef<TimelineEntry>("TimelineEntry").implement({
  description: "One event of a measure's timeline; exactly the field of its kind is set.",
  fields: (t) => ({
    kind: t.expose("kind", { type: TimelineKindEnum }),
    at: t.expose("at", { type: "DateTime" }),
    progressUpdate: t.prismaField({
      type: "ProgressUpdate",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "PROGRESS" ? ctx.prisma.progressUpdate.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    statusChange: t.prismaField({
      type: "StatusChange",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "STATUS" ? ctx.prisma.statusChange.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    record: t.prismaField({
      type: "InspectionRecord",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "RECORD" ? ctx.prisma.inspectionRecord.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    notice: t.prismaField({
      type: "MonthlyNotice",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "NOTICE" ? ctx.prisma.monthlyNotice.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    supplementRequest: t.prismaField({
      type: "SupplementRequest",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "SUPPLEMENT_REQUEST"
          ? ctx.prisma.supplementRequest.findUnique({ ...query, where: { id: e.id } })
          : null,
    }),
  }),
});

builder.prismaObjectFields("Measure", (t) => ({
  lastProgress: t.prismaField({
    type: "ProgressUpdate",
    nullable: true,
    ...loggedIn,
    description: "The latest progress update",
    resolve: (query, m, _a, ctx) =>
      ctx.prisma.progressUpdate.findFirst({
        ...query,
        where: { measureId: m.id },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
  }),
  reportedThisMonth: t.boolean({
    ...loggedIn,
    description: "A progress update was reported in the current month (Asia/Shanghai)",
    select: () => {
      const month = currentMonth(new Date());
      return { progressUpdates: { where: { createdAt: { gte: month.start, lt: month.end } }, take: 1 } };
    },
    resolve: (m) => m.progressUpdates.length > 0,
  }),
  openSupplementRequests: t.prismaField({
    type: ["SupplementRequest"],
    ...loggedIn,
    description: "补充材料 requests not answered yet",
    resolve: (query, m, _a, ctx) =>
      ctx.prisma.supplementRequest.findMany({
        ...query,
        where: { measureId: m.id, answeredAt: null },
        orderBy: { createdAt: "asc" },
      }),
  }),
  timeline: t.field({
    type: [TimelineEntryRef],
    ...loggedIn,
    description: "Progress with files, status changes, field records (staff), notices and 补充材料, oldest first",
    resolve: (m, _a, ctx) => measureTimeline(ctx, m.id),
  }),
}));

builder.queryFields((t) => ({
  myMeasures: t.prismaField({
    type: ["Measure"],
    description:
      "我的整改事项: a unit's measures, most urgent first (open 补充材料, light, no progress this month, deadline). A liaison gets its own unit; staff name one.",
    authScopes: { liaison: true, staff: true },
    args: { unitId: t.arg.id({ required: false }) },
    resolve: async (query, _r, a, ctx) => {
      const unitId = unitFor(ctx, a.unitId ? decodeId(a.unitId, "Unit") : null);
      const ids = await unitMeasureIds(ctx, unitId);
      const rows = await ctx.prisma.measure.findMany({ ...query, where: { id: { in: ids } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
  supplementRequests: t.prismaField({
    type: ["SupplementRequest"],
    description: "补充材料 requests, newest first; a liaison sees only its unit's.",
    authScopes: { liaison: true, staff: true },
    args: { open: t.arg.boolean({ required: false, description: "true: only unanswered; false: only answered" }) },
    resolve: async (query, _r, a, ctx) => {
      const v = ctx.viewer!;
      if (v.role === "UNIT_LIAISON" && !v.unitId) return [];
      const mine =
        v.role === "UNIT_LIAISON" && v.unitId
          ? await ctx.prisma.measure.findMany({ where: measureWhereForUnit(v.unitId), select: { id: true } })
          : null;
      return ctx.prisma.supplementRequest.findMany({
        ...query,
        where: {
          ...(mine ? { measureId: { in: mine.map((m) => m.id) } } : {}),
          ...(a.open === true ? { answeredAt: null } : a.open === false ? { answeredAt: { not: null } } : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  syncProgressReport: t.field({
    type: SyncAnswer,
    description:
      "A unit's progress report from the outbox (see @rectify/server/sync progress-envelope.ts): one update per measure, evidence uploaded at /uploads afterwards. Idempotent by recordId; a bad report is answered REJECTED and changes nothing.",
    authScopes: { supervisor: true, liaison: true },
    args: { envelope: t.arg({ type: "JSON" }) },
    resolve: async (_root, args, ctx) => {
      // Same admission control as record sync: overload is SYNC_BUSY with Retry-After (security/sync-gate.ts).
      const result = await ctx.syncGate.run(() =>
        syncProgressReport({ prisma: ctx.prisma, viewer: ctx.viewer!, photos: ctx.photos }, args.envelope),
      );
      for (const problemId of result.problemIds) {
        ctx.pubsub.publish("ledger", { kind: "progress", problemId, measureId: null, at: new Date().toISOString() });
      }
      if (result.answeredAction) {
        const action = await ctx.prisma.rectificationAction.findUnique({ where: { id: result.answeredAction } });
        if (action) publishAction(ctx, action);
      }
      return serverAnswerSchema.parse(result.answer);
    },
  }),
  requestSupplement: t.prismaField({
    type: "SupplementRequest",
    description: "补充材料: ask the unit for more on a progress update, with a reason; shown on the unit's home.",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      progressUpdateId: t.arg.id(),
      reason: t.arg.string({ validate: z.string().trim().min(2, "give a reason").max(2000) }),
    },
    resolve: async (query, _r, a, ctx) => {
      const id = decodeId(a.progressUpdateId, "ProgressUpdate");
      const { request, problemId } = await requestSupplement(ctx, id, a.reason.trim());
      ctx.pubsub.publish("ledger", { kind: "progress", problemId, measureId: null, at: new Date().toISOString() });
      return ctx.prisma.supplementRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
    },
  }),
  setProgressPublic: t.prismaField({
    type: "ProgressUpdate",
    description:
      "Publish a progress update on the public pages (or withdraw it); only the files named are shown with it.",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      progressUpdateId: t.arg.id(),
      public: t.arg.boolean(),
      fileIds: t.arg.stringList({ required: false, description: "Attachment ids to show with it" }),
    },
    resolve: async (query, _r, a, ctx) => {
      const id = decodeId(a.progressUpdateId, "ProgressUpdate");
      await setProgressPublic(ctx, id, a.public, a.fileIds ?? []);
      return ctx.prisma.progressUpdate.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

const ReportingFiguresRef = builder.objectRef<ReportingFigures>("ReportingFigures").implement({
  description: "本月已报送进展: how many open measures got a progress update in the period (Asia/Shanghai).",
  fields: (t) => ({
    period: t.exposeString("period", { description: "YYYY-MM or YYYY-Qn" }),
    open: t.exposeInt("open", { description: "Measures the viewer may see that are not done now" }),
    reported: t.exposeInt("reported", { description: "Of those, with a progress update in the period" }),
    notReported: t.exposeInt("notReported", { description: "Of those, without one (the notice's list)" }),
    updates: t.exposeInt("updates", { description: "Progress updates received in the period" }),
  }),
});

builder.objectField(DashboardSummary, "reporting", (t) =>
  t.field({
    type: ReportingFiguresRef,
    description: "Progress reported this month",
    resolve: (_d, _a, ctx) => reportingFigures(ctx, currentMonth(new Date())),
  }),
);

builder.objectField(PeriodAnalysisRef, "reporting", (t) =>
  t.field({
    type: ReportingFiguresRef,
    description: "Progress reported within the period",
    resolve: (a, _args, ctx) => reportingFigures(ctx, a.period),
  }),
);
