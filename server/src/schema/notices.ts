// 每月提示通报 API: supervisors issue, the unit's liaison reads and acknowledges; staff see all, a liaison their unit's.
import { z } from "zod";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { noticeIdsOfInspection } from "../queries/notice-inspection.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "../errors.ts";
import { parsePeriod } from "../domain/periods.ts";
import {
  acknowledgeMonthlyNotice,
  issueMonthlyNotice,
  KIND_LABEL,
  noticeTitle,
  noticeWhere,
  type NoticeAction,
  type NoticeContent,
  type NoticeFinding,
  type NoticeItem,
} from "../queries/notices.ts";
import { RectStatusEnum, SectionEnum } from "./enums.ts";
import { ActionStatusEnum } from "./actions.ts";
import { decodeId } from "./ids.ts";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

const NoticeItemRef = builder.objectRef<NoticeItem>("NoticeItemSummary").implement({
  description: "A measure listed in a notice, as it stood when the notice was issued.",
  fields: (t) => ({
    measureId: t.id({ resolve: (i) => encodeGlobalID("Measure", i.measureId) }),
    problemId: t.id({ resolve: (i) => encodeGlobalID("Problem", i.problemId) }),
    section: t.field({ type: SectionEnum, resolve: (i) => i.section }),
    problemNumber: t.exposeInt("problemNumber"),
    problemTitle: t.exposeString("problemTitle"),
    measureNumber: t.exposeInt("measureNumber"),
    text: t.exposeString("text"),
    deadline: t.field({ type: "Date", nullable: true, resolve: (i) => (i.deadline ? day(i.deadline) : null) }),
    status: t.field({ type: RectStatusEnum, resolve: (i) => i.status }),
    leadLeaderName: t.string({ nullable: true, resolve: (i) => i.leadLeader }),
  }),
});

const NoticeFindingRef = builder.objectRef<NoticeFinding>("NoticeFindingSummary").implement({
  description: "A field inspection record of the month on the unit's measures, as issued.",
  fields: (t) => ({
    recordId: t.id({ resolve: (f) => encodeGlobalID("InspectionRecord", f.recordId) }),
    kind: t.exposeString("kind", { description: "A RecordKind value: SITE_VISIT, LEDGER_CHECK or ONSITE_QUESTIONING" }),
    kindLabel: t.string({ description: "实地走访 / 查阅台账 / 现场问询", resolve: (f) => KIND_LABEL[f.kind] }),
    date: t.field({ type: "Date", resolve: (f) => day(f.date) }),
    rating: t.exposeString("rating", { nullable: true, description: "A Rating value, or null when unrated" }),
    findings: t.exposeString("findings"),
    followUpRequired: t.exposeBoolean("followUpRequired"),
    problemTitle: t.exposeString("problemTitle"),
    measureNumbers: t.exposeIntList("measureNumbers", { description: "Empty: about the whole problem" }),
  }),
});

const NoticeActionRef = builder.objectRef<NoticeAction>("NoticeActionSummary").implement({
  description: "A rectification action (督促整改事项) of the unit, as it stood when the notice was issued.",
  fields: (t) => ({
    actionId: t.id({ resolve: (a) => encodeGlobalID("RectificationAction", a.actionId) }),
    dueOn: t.field({ type: "Date", resolve: (a) => day(a.dueOn) }),
    overdue: t.exposeBoolean("overdue", { description: "Still waiting for the unit after its due day" }),
    status: t.field({ type: ActionStatusEnum, resolve: (a) => a.status }),
    openedOn: t.field({ type: "Date", resolve: (a) => day(a.openedOn) }),
    findings: t.exposeString("findings", { description: "The finding that opened it" }),
    problemTitle: t.exposeString("problemTitle"),
    measureNumber: t.exposeInt("measureNumber", { nullable: true, description: "Null: about the whole problem" }),
    measureText: t.exposeString("measureText", { nullable: true }),
  }),
});

const NoticeContentRef = builder.objectRef<NoticeContent>("NoticeContentSummary").implement({
  description: "What a notice lists, frozen when it was issued; items are measures the unit leads.",
  fields: (t) => ({
    firstDay: t.field({ type: "Date", resolve: (c) => day(c.firstDay) }),
    lastDay: t.field({ type: "Date", resolve: (c) => day(c.lastDay) }),
    dueThisMonth: t.field({
      type: [NoticeItemRef],
      description: "Not completed, deadline in the month",
      resolve: (c) => c.dueThisMonth,
    }),
    overdue: t.field({
      type: [NoticeItemRef],
      description: "Not completed, deadline before the month",
      resolve: (c) => c.overdue,
    }),
    withoutProgress: t.field({
      type: [NoticeItemRef],
      description: "Not completed, and no progress update nor status change in the month",
      resolve: (c) => c.withoutProgress,
    }),
    findings: t.field({ type: [NoticeFindingRef], resolve: (c) => c.findings }),
    actions: t.field({
      type: [NoticeActionRef],
      description: "The unit's rectification actions open, reopened or answered, or opened in the month",
      resolve: (c) => c.actions ?? [],
    }),
  }),
});

builder.prismaNode("MonthlyNotice", {
  description: "每月提示通报: a month's reminder notice to a lead unit, with its acknowledgement.",
  id: { field: "id" },
  authScopes: (n, ctx) => (ctx.viewer?.role === "UNIT_LIAISON" ? ctx.viewer.unitId === n.unitId : { staff: true }),
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM" }),
    unit: t.relation("unit"),
    title: t.string({
      description: "关于XX单位YYYY年M月巡视整改事项的提示通报",
      select: { month: true, unit: { select: { name: true } } },
      resolve: (n) => noticeTitle(n.unit.name, n.month),
    }),
    content: t.field({ type: NoticeContentRef, resolve: (n) => n.content as unknown as NoticeContent }),
    issuedAt: t.expose("issuedAt", { type: "DateTime" }),
    issuedByName: t.string({
      select: { issuedBy: { select: { displayName: true } } },
      resolve: (n) => n.issuedBy.displayName,
    }),
    acknowledged: t.boolean({ resolve: (n) => n.acknowledgedAt !== null }),
    acknowledgedAt: t.expose("acknowledgedAt", { type: "DateTime", nullable: true }),
    acknowledgedByName: t.string({
      nullable: true,
      select: { acknowledgedBy: { select: { displayName: true } } },
      resolve: (n) => n.acknowledgedBy?.displayName ?? null,
    }),
    printUrl: t.string({ description: "Printable HTML page (A4)", resolve: (n) => `/notices/${n.id}/print` }),
    docxUrl: t.string({ description: "Word document", resolve: (n) => `/notices/${n.id}.docx` }),
  }),
});

const IssuePayload = builder.objectRef<{ created: boolean; id: string }>("IssueMonthlyNoticePayload").implement({
  description: "The result of issueMonthlyNotice.",
  fields: (t) => ({
    created: t.exposeBoolean("created", {
      description: "false: a notice for this month and unit already existed and is returned unchanged",
    }),
    notice: t.prismaField({
      type: "MonthlyNotice",
      resolve: (query, r, _a, ctx) => ctx.prisma.monthlyNotice.findUniqueOrThrow({ ...query, where: { id: r.id } }),
    }),
  }),
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthArg = z.string().regex(MONTH, 'month must look like "2024-03" (YYYY-MM)');

builder.queryFields((t) => ({
  monthlyNotices: t.prismaConnection({
    type: "MonthlyNotice",
    cursor: "id",
    description: "Monthly notices, newest month first; a liaison sees only their unit's.",
    authScopes: { staff: true, liaison: true },
    args: {
      month: t.arg.string({ required: false, validate: monthArg.nullish() }),
      unitId: t.arg.id({ required: false }),
      inspection: t.arg.id({ required: false, description: "Notices naming items of this inspection" }),
    },
    totalCount: async (_c, args, ctx) => ctx.prisma.monthlyNotice.count({ where: await listWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.monthlyNotice.findMany({
        ...query,
        where: await listWhere(ctx, args),
        orderBy: [{ month: "desc" }, { issuedAt: "desc" }, { id: "asc" }],
      }),
  }),
}));

async function listWhere(
  ctx: Parameters<typeof noticeWhere>[0],
  args: { month?: string | null; unitId?: string | number | null; inspection?: string | number | null },
) {
  const where = noticeWhere(ctx, { month: args.month, unitId: args.unitId ? decodeId(args.unitId, "Unit") : null });
  if (!args.inspection) return where;
  const ids = await noticeIdsOfInspection(ctx.prisma, decodeId(args.inspection, "Inspection"));
  return { AND: [where, { id: { in: ids } }] };
}

builder.mutationFields((t) => ({
  issueMonthlyNotice: t.field({
    type: IssuePayload,
    description:
      "Issue the month's reminder notice to a lead unit (a snapshot). Again for the same month and unit: the existing one, created false.",
    authScopes: { supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { month: t.arg.string({ validate: monthArg }), unitId: t.arg.id() },
    resolve: async (_root, args, ctx) => {
      const { notice, created } = await issueMonthlyNotice(
        ctx,
        parsePeriod(args.month)!,
        decodeId(args.unitId, "Unit"),
      );
      return { created, id: notice.id };
    },
  }),
  acknowledgeMonthlyNotice: t.prismaField({
    type: "MonthlyNotice",
    description: "A liaison of the notice's unit acknowledges it (签收), once.",
    authScopes: { liaison: true },
    errors: { types: [NotFoundError, ForbiddenError, InvalidTransitionError, ValidationError] },
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "MonthlyNotice");
      await acknowledgeMonthlyNotice(ctx, id);
      return ctx.prisma.monthlyNotice.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
