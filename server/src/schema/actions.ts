// Rectification actions (督促整改事项): what a finding asks of the responsible unit, its answers and checks.
// Scopes: staff read all; a liaison only its own unit's (node() too); the public none. Answering is a progress
// report naming `answersActionId` (sync/progress-envelope.ts); confirm / reopen by the recording inspector or a
// supervisor. Thin resolvers over queries/actions.ts; every step is audited and published live.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "../errors.ts";
import {
  ACTION_ORDER,
  actionFigures,
  actionWhere,
  canSeeAction,
  confirmAction,
  reopenAction,
  type ActionFigures,
} from "../queries/actions.ts";
import { PeriodAnalysisRef } from "./analysis.ts";
import { reasonSchema } from "../queries/campaign-input.ts";
import { parseInput } from "../queries/authoring-input.ts";
import { thresholdsFor } from "../queries/settings.ts";
import { assessAction } from "../domain/actions.ts";
import { decodeId } from "./ids.ts";
import { RatingEnum, RecordKindEnum } from "./records.ts";
import { TrafficLightEnum } from "./dashboard.ts";
import type { RectificationAction } from "../generated/prisma/client.ts";

export const ActionStatusEnum = builder.enumType("ActionStatus", {
  description: "Where a rectification action stands.",
  values: {
    OPEN: { description: "Waiting for the unit's answer" },
    ANSWERED: { description: "The unit answered; waiting for the inspector or a supervisor to check" },
    CONFIRMED: { description: "Checked and confirmed: closed" },
    REOPENED: { description: "The answer was not enough: waiting for the unit again" },
  },
});

async function assessed(a: Pick<RectificationAction, "status" | "dueOn" | "rating">, ctx: Context) {
  return assessAction(a, new Date(), await thresholdsFor(ctx));
}

export const ActionNode = builder.prismaNode("RectificationAction", {
  description: "督促整改事项: a field finding the responsible unit must answer, with a due day.",
  id: { field: "id" },
  authScopes: (a, ctx) => canSeeAction(ctx.viewer, a),
  fields: (t) => ({
    status: t.expose("status", { type: ActionStatusEnum }),
    dueOn: t.expose("dueOn", { type: "Date" }),
    light: t.field({
      type: TrafficLightEnum,
      select: { status: true, dueOn: true, rating: true },
      resolve: async (a, _x, ctx) => (await assessed(a, ctx)).light,
    }),
    overdue: t.boolean({
      select: { status: true, dueOn: true, rating: true },
      resolve: async (a, _x, ctx) => (await assessed(a, ctx)).overdue,
    }),
    rating: t.expose("rating", { type: RatingEnum, nullable: true, description: "The finding's rating" }),
    followUp: t.exposeBoolean("followUp", { description: "The finding was flagged for follow-up (需要跟进督促整改)" }),
    unit: t.relation("unit"),
    problem: t.relation("problem"),
    measure: t.relation("measure", { nullable: true }),
    // What the unit must know of the finding, readable by the liaison (the record itself is staff-only).
    findings: t.string({ select: { record: { select: { findings: true } } }, resolve: (a) => a.record.findings }),
    recordKind: t.field({
      type: RecordKindEnum,
      select: { record: { select: { kind: true } } },
      resolve: (a) => a.record.kind,
    }),
    recordedAt: t.field({
      type: "DateTime",
      select: { record: { select: { deviceTime: true } } },
      resolve: (a) => a.record.deviceTime,
    }),
    inspectorName: t.string({
      select: { inspector: { select: { displayName: true } } },
      resolve: (a) => a.inspector.displayName,
    }),
    record: t.relation("record", { description: "The field record (staff only)", authScopes: { staff: true } }),
    campaignName: t.string({
      nullable: true,
      select: { campaign: { select: { name: true } } },
      resolve: (a) => a.campaign?.name ?? null,
    }),
    campaign: t.relation("campaign", { nullable: true, authScopes: { staff: true } }),
    answers: t.relation("answers", {
      description: "The unit's answers (progress updates with evidence), oldest first",
      query: { orderBy: { createdAt: "asc" } },
    }),
    answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    confirmedByName: t.string({
      nullable: true,
      select: { confirmedBy: { select: { displayName: true } } },
      resolve: (a) => a.confirmedBy?.displayName ?? null,
    }),
    reopenedAt: t.expose("reopenedAt", { type: "DateTime", nullable: true }),
    reopenReason: t.exposeString("reopenReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    canCheck: t.boolean({
      description: "Whether the viewer may confirm or reopen it (the recording inspector or a supervisor)",
      resolve: (a, _x, ctx) =>
        ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPERVISOR" || ctx.viewer?.id === a.inspectorId,
    }),
  }),
});

const ActionFilter = builder.inputType("RectificationActionFilter", {
  description: "Filters for rectification actions; all given filters must hold (a liaison: within its unit).",
  fields: (t) => ({
    statuses: t.field({ type: [ActionStatusEnum], required: false }),
    unitId: t.id({ required: false }),
    campaignId: t.id({ required: false }),
    inspectionId: t.id({ required: false }),
    overdue: t.boolean({ required: false }),
    mine: t.boolean({ required: false, description: "Only actions opened by the viewer's own records" }),
  }),
});

builder.queryFields((t) => ({
  rectificationActions: t.prismaConnection({
    type: "RectificationAction",
    cursor: "id",
    description: "Rectification actions, earliest due first (a liaison sees only its unit's).",
    authScopes: { staff: true, liaison: true },
    args: { filter: t.arg({ type: ActionFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.rectificationAction.count({ where: whereOf(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.rectificationAction.findMany({ ...query, where: whereOf(ctx, args.filter), orderBy: ACTION_ORDER }),
  }),
  myActions: t.prismaField({
    type: ["RectificationAction"],
    description:
      "A liaison: its unit's actions not yet confirmed, earliest due first. An inspector: actions of their own findings waiting for their check (ANSWERED) or the unit.",
    authScopes: { staff: true, liaison: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.rectificationAction.findMany({
        ...query,
        where: actionWhere(ctx.viewer, {
          statuses: ["OPEN", "ANSWERED", "REOPENED"],
          inspectorId: ctx.viewer!.role === "UNIT_LIAISON" ? null : ctx.viewer!.id,
        }),
        orderBy: ACTION_ORDER,
        take: 500,
      }),
  }),
}));

function whereOf(ctx: Context, f: typeof ActionFilter.$inferInput | null | undefined) {
  return actionWhere(ctx.viewer, {
    statuses: f?.statuses,
    unitId: f?.unitId ? decodeId(f.unitId, "Unit") : null,
    campaignId: f?.campaignId ? decodeId(f.campaignId, "Campaign") : null,
    inspectionId: f?.inspectionId ? decodeId(f.inspectionId, "Inspection") : null,
    overdue: f?.overdue,
    inspectorId: f?.mine ? ctx.viewer!.id : null,
  });
}

export function publishAction(
  ctx: Context,
  a: Pick<RectificationAction, "id" | "unitId" | "problemId" | "measureId" | "campaignId">,
) {
  ctx.pubsub.publish("ledger", {
    kind: "action",
    problemId: a.problemId,
    measureId: a.measureId,
    campaignId: a.campaignId,
    actionId: a.id,
    unitId: a.unitId,
    at: new Date().toISOString(),
  });
}

const stepErrors = { types: [NotFoundError, ValidationError, InvalidTransitionError, ForbiddenError] };

builder.mutationFields((t) => ({
  confirmAction: t.prismaField({
    type: "RectificationAction",
    description: "Confirm an answered action (the inspector who recorded the finding, or a supervisor).",
    authScopes: { staff: true },
    errors: stepErrors,
    args: { id: t.arg.id(), note: t.arg.string({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "RectificationAction");
      const note = args.note ? parseInput(reasonSchema, args.note, "note") : null;
      const a = await confirmAction(ctx, id, note);
      publishAction(ctx, a);
      return ctx.prisma.rectificationAction.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reopenAction: t.prismaField({
    type: "RectificationAction",
    description: "Reopen an answered or confirmed action, with the reason (a re-check may be a new field record).",
    authScopes: { staff: true },
    errors: stepErrors,
    args: { id: t.arg.id(), reason: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "RectificationAction");
      const a = await reopenAction(ctx, id, parseInput(reasonSchema, args.reason, "reason"));
      publishAction(ctx, a);
      return ctx.prisma.rectificationAction.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

builder.prismaObjectFields("ProgressUpdate", (t) => ({
  answersAction: t.relation("answersAction", { nullable: true, description: "The action this update answers" }),
}));

const ActionFiguresRef = builder.objectRef<ActionFigures>("ActionFigures").implement({
  description: "Rectification actions in a period: opened, answered and confirmed in it; overdue at its end.",
  fields: (t) => ({
    opened: t.exposeInt("opened"),
    answered: t.exposeInt("answered"),
    confirmed: t.exposeInt("confirmed"),
    overdue: t.exposeInt("overdue", { description: "Waiting for the unit past their due day at the period's end" }),
  }),
});

builder.objectFields(PeriodAnalysisRef, (t) => ({
  actions: t.field({
    type: ActionFiguresRef,
    description: "督促整改事项 of the period (a liaison: its unit's)",
    resolve: (a, _args, ctx) => actionFigures(ctx, a.period.start, a.period.end, a.asOf, a.inspectionId),
  }),
}));
