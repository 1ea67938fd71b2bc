// 每月提示通报 to a lead unit: content frozen at issue, one per month and unit, audited, a liaison only their unit's.
import type { Prisma, MonthlyNotice, Unit } from "../generated/prisma/client.ts";
import type { ActionStatus, Rating, RecordKind, RectStatus, Role, Section } from "../generated/prisma/enums.ts";
import type { PrismaClient } from "../db.ts";
import type { Context } from "../context.ts";
import { DONE_STATUSES, shanghaiDay } from "../domain/dates.ts";
import { deadlineAt, type Period } from "../domain/periods.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError } from "../errors.ts";
import { audit } from "./audit.ts";

export interface NoticeItem {
  measureId: string;
  problemId: string;
  section: Section;
  problemNumber: number;
  problemTitle: string;
  measureNumber: number;
  text: string;
  /** YYYY-MM-DD */
  deadline: string | null;
  status: RectStatus;
  leadLeader: string | null;
}

export interface NoticeFinding {
  recordId: string;
  kind: RecordKind;
  /** YYYY-MM-DD in Asia/Shanghai, from the device's time */
  date: string;
  rating: Rating | null;
  findings: string;
  followUpRequired: boolean;
  problemTitle: string;
  /** Numbers of the unit's measures it names; empty for a record about the whole problem */
  measureNumbers: number[];
}

/** A rectification action (督促整改事项) of the unit listed in a notice, as it stood when issued. */
export interface NoticeAction {
  actionId: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** Still waiting for the unit (open / reopened) after its due day, as of the month's end (or issue). */
  overdue: boolean;
  status: ActionStatus;
  /** YYYY-MM-DD in Asia/Shanghai */
  openedOn: string;
  findings: string;
  problemTitle: string;
  /** The measure the action is about; null for a finding on the whole problem. */
  measureNumber: number | null;
  measureText: string | null;
}

export interface NoticeContent {
  version: 1;
  month: string;
  unit: { id: string; name: string };
  firstDay: string;
  lastDay: string;
  /** Open measures whose deadline falls in the month. */
  dueThisMonth: NoticeItem[];
  /** Open measures whose deadline fell before the month (carried over, 逾期未完成). */
  overdue: NoticeItem[];
  /** Open measures with neither a progress update nor a status change in the month. */
  withoutProgress: NoticeItem[];
  /** Field inspection records of the month on the unit's measures (or on their problems as a whole). */
  findings: NoticeFinding[];
  /** The unit's actions still open, reopened or answered, or opened in the month. Absent in notices issued before. */
  actions?: NoticeAction[];
}

export function noticeTitle(unitName: string, month: string): string {
  const [y, m] = month.split("-");
  return `关于${unitName}${y}年${Number(m)}月巡视整改事项的提示通报`;
}

const DONE: ReadonlySet<string> = new Set(DONE_STATUSES);

/**
 * The snapshot: measures whose responsible (lead) unit is `unit`; statuses as they are now; deadlines as assigned at
 * the month's end (or now, within the month), so a deadline assigned later does not make a past month's item late.
 */
export async function composeNotice(
  prisma: PrismaClient,
  period: Period,
  unit: Unit,
  now = new Date(),
): Promise<NoticeContent> {
  const asOf = period.end < now ? period.end : now;
  const inMonth = { gte: period.start, lt: period.end };
  const measures = await prisma.measure.findMany({
    where: { responsibleUnitId: unit.id, archivedAt: null, problem: { archivedAt: null } },
    include: {
      problem: { select: { id: true, section: true, number: true, title: true } },
      leadLeader: { select: { name: true } },
      progressUpdates: { where: { createdAt: inMonth }, select: { id: true }, take: 1 },
      statusChanges: { where: { at: inMonth }, select: { id: true }, take: 1 },
      deadlineChanges: {
        select: { fromDeadline: true, fromLongTerm: true, deadline: true, longTerm: true, at: true },
      },
    },
    orderBy: [{ problem: { section: "asc" } }, { problem: { number: "asc" } }, { number: "asc" }],
  });
  const deadline = (m: (typeof measures)[number]) =>
    deadlineAt(m.deadlineChanges, asOf, m.longTerm ? null : m.deadline)
      ?.toISOString()
      .slice(0, 10) ?? null;
  const item = (m: (typeof measures)[number]): NoticeItem => ({
    measureId: m.id,
    problemId: m.problemId,
    section: m.problem.section,
    problemNumber: m.problem.number,
    problemTitle: m.problem.title,
    measureNumber: m.number,
    text: m.text,
    deadline: deadline(m),
    status: m.status,
    leadLeader: m.leadLeader?.name ?? null,
  });
  const openItems = measures.filter((m) => !DONE.has(m.status));
  const numberOf = new Map(measures.map((m) => [m.id, m.number]));
  const records = await prisma.inspectionRecord.findMany({
    where: {
      deviceTime: inMonth,
      OR: [
        { measures: { some: { measureId: { in: [...numberOf.keys()] } } } },
        { measures: { none: {} }, problemId: { in: [...new Set(measures.map((m) => m.problemId))] } },
      ],
    },
    include: { problem: { select: { title: true } }, measures: { select: { measureId: true } } },
    orderBy: [{ deviceTime: "asc" }, { id: "asc" }],
  });
  const actions = await prisma.rectificationAction.findMany({
    where: {
      unitId: unit.id,
      createdAt: { lt: period.end },
      OR: [{ status: { in: ["OPEN", "REOPENED", "ANSWERED"] } }, { createdAt: inMonth }],
    },
    include: {
      record: { select: { findings: true } },
      problem: { select: { title: true } },
      measure: { select: { number: true, text: true } },
    },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const asOfDay = shanghaiDay(asOf);
  return {
    version: 1,
    month: period.label,
    unit: { id: unit.id, name: unit.name },
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    dueThisMonth: openItems
      .filter((m) => (deadline(m) ?? "") >= period.firstDay && (deadline(m) ?? "") <= period.lastDay)
      .map(item),
    overdue: openItems.filter((m) => deadline(m) !== null && deadline(m)! < period.firstDay).map(item),
    withoutProgress: openItems.filter((m) => !m.progressUpdates.length && !m.statusChanges.length).map(item),
    findings: records.map((r) => ({
      recordId: r.id,
      kind: r.kind,
      date: shanghaiDay(r.deviceTime),
      rating: r.rating,
      findings: r.findings,
      followUpRequired: r.followUpRequired,
      problemTitle: r.problem.title,
      measureNumbers: r.measures.flatMap((x) => numberOf.get(x.measureId) ?? []).sort((a, b) => a - b),
    })),
    actions: actions.map((a) => {
      const dueOn = a.dueOn.toISOString().slice(0, 10);
      return {
        actionId: a.id,
        dueOn,
        overdue: (a.status === "OPEN" || a.status === "REOPENED") && dueOn < asOfDay,
        status: a.status,
        openedOn: shanghaiDay(a.createdAt),
        findings: a.record.findings,
        problemTitle: a.problem.title,
        measureNumber: a.measure?.number ?? null,
        measureText: a.measure?.text ?? null,
      };
    }),
  };
}

/** Issuing again for the same month and unit returns the notice already issued, unchanged (`created: false`). */
export async function issueMonthlyNotice(
  ctx: Context,
  period: Period,
  unitId: string,
): Promise<{ notice: MonthlyNotice; created: boolean }> {
  const viewer = ctx.viewer!;
  const key = { month_unitId: { month: period.label, unitId } };
  const existing = await ctx.prisma.monthlyNotice.findUnique({ where: key });
  if (existing) return { notice: existing, created: false };
  const unit = await ctx.prisma.unit.findUnique({ where: { id: unitId } });
  if (!unit) throw new NotFoundError("Unit", unitId);
  const content = await composeNotice(ctx.prisma, period, unit);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const notice = await tx.monthlyNotice.create({
        data: {
          month: period.label,
          unitId,
          content: content as unknown as Prisma.InputJsonValue,
          issuedById: viewer.id,
        },
      });
      await audit(tx, viewer, "issueMonthlyNotice", "MonthlyNotice", notice.id, {
        month: period.label,
        unitId,
        dueThisMonth: content.dueThisMonth.length,
        overdue: content.overdue.length,
        withoutProgress: content.withoutProgress.length,
        findings: content.findings.length,
        actions: content.actions?.length ?? 0,
      });
      return { notice, created: true };
    });
  } catch (err) {
    // A concurrent issue for the same month and unit won the unique key: answer with that one.
    const winner = await ctx.prisma.monthlyNotice.findUnique({ where: key });
    if (winner) return { notice: winner, created: false };
    throw err;
  }
}

/** Only a liaison of the notice's unit, and only once. */
export async function acknowledgeMonthlyNotice(ctx: Context, id: string): Promise<MonthlyNotice> {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const n = await tx.monthlyNotice.findUnique({ where: { id }, include: { acknowledgedBy: true } });
    if (!n) throw new NotFoundError("MonthlyNotice", id);
    if (viewer.role !== "UNIT_LIAISON" || viewer.unitId !== n.unitId) {
      throw new ForbiddenError("Only a liaison of the unit this notice is addressed to may acknowledge it");
    }
    const already = (by: string, at: Date) =>
      new InvalidTransitionError("ACKNOWLEDGED", "ACKNOWLEDGED", `already acknowledged by ${by} on ${shanghaiDay(at)}`);
    if (n.acknowledgedAt) throw already(n.acknowledgedBy?.displayName ?? "?", n.acknowledgedAt);
    const at = new Date();
    // Conditional: of two concurrent acknowledgements exactly one lands.
    const { count } = await tx.monthlyNotice.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedById: viewer.id, acknowledgedAt: at },
    });
    if (count !== 1) throw already("another user", at);
    await audit(tx, viewer, "acknowledgeMonthlyNotice", "MonthlyNotice", id, { month: n.month, unitId: n.unitId });
    return tx.monthlyNotice.findUniqueOrThrow({ where: { id } });
  });
}

/** Staff see every notice; a liaison only their unit's; anyone else none. */
export function canSeeNotice(viewer: { role: Role; unitId: string | null } | null, n: { unitId: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === "UNIT_LIAISON") return !!viewer.unitId && viewer.unitId === n.unitId;
  return true;
}

export function noticeWhere(
  ctx: Context,
  f: { month?: string | null; unitId?: string | null },
): Prisma.MonthlyNoticeWhereInput {
  const and: Prisma.MonthlyNoticeWhereInput[] = [];
  const v = ctx.viewer;
  if (!v) and.push({ id: { in: [] } });
  else if (v.role === "UNIT_LIAISON") and.push(v.unitId ? { unitId: v.unitId } : { id: { in: [] } });
  if (f.month) and.push({ month: f.month });
  if (f.unitId) and.push({ unitId: f.unitId });
  return { AND: and };
}

/** A notice with what its printed forms show. */
export function loadPrintableNotice(prisma: PrismaClient, id: string) {
  return prisma.monthlyNotice.findUnique({
    where: { id },
    include: {
      unit: true,
      issuedBy: { select: { displayName: true } },
      acknowledgedBy: { select: { displayName: true } },
    },
  });
}

export type PrintableNotice = NonNullable<Awaited<ReturnType<typeof loadPrintableNotice>>>;

export { ACTION_STATUS_LABEL, KIND_LABEL, RATING_LABEL, STATUS_LABEL } from "../domain/labels.ts";
