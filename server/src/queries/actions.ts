// Rectification actions (督促整改事项): who sees which, the unit's answer (through a progress report) and the
// inspector's or a supervisor's confirm / reopen. Invariants: a liaison sees and answers only its own unit's
// actions; only the inspector who recorded the finding, a supervisor or an admin confirms or reopens; each step is
// one transaction with its audit event; a step the lifecycle (domain/actions.ts) refuses changes nothing.
import type { Prisma, ActionStatus } from "../generated/prisma/client.ts";
import type { Context, Viewer } from "../context.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError } from "../errors.ts";
import { nextStatus, refuseStep } from "../domain/actions.ts";
import { shanghaiToday } from "../domain/dates.ts";
import { audit } from "./audit.ts";

type Tx = Prisma.TransactionClient;

/** The actions a viewer may see: staff all, a liaison its unit's, anyone else none. */
export function actionScope(viewer: Viewer | null): Prisma.RectificationActionWhereInput {
  if (!viewer) return { id: { in: [] } };
  if (viewer.role === "UNIT_LIAISON") return viewer.unitId ? { unitId: viewer.unitId } : { id: { in: [] } };
  return {};
}

export function canSeeAction(viewer: Viewer | null, a: { unitId: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === "UNIT_LIAISON") return !!viewer.unitId && viewer.unitId === a.unitId;
  return true;
}

export interface ActionFilter {
  statuses?: ActionStatus[] | null;
  unitId?: string | null;
  campaignId?: string | null;
  inspectionId?: string | null;
  overdue?: boolean | null;
  /** Only actions opened by this inspector's records. */
  inspectorId?: string | null;
}

const OPEN_STATUSES: ActionStatus[] = ["OPEN", "REOPENED"];

export function actionWhere(viewer: Viewer | null, f: ActionFilter | null | undefined, now = new Date()) {
  const and: Prisma.RectificationActionWhereInput[] = [actionScope(viewer)];
  if (f?.statuses?.length) and.push({ status: { in: f.statuses } });
  if (f?.unitId) and.push({ unitId: f.unitId });
  if (f?.campaignId) and.push({ campaignId: f.campaignId });
  if (f?.inspectionId) and.push({ problem: { inspectionId: f.inspectionId } });
  if (f?.inspectorId) and.push({ inspectorId: f.inspectorId });
  // Overdue: past its due day (Asia/Shanghai) and still waiting for the unit (as domain/actions.ts assesses it).
  const today = shanghaiToday(now);
  if (f?.overdue === true) and.push({ status: { in: OPEN_STATUSES }, dueOn: { lt: today } });
  if (f?.overdue === false) and.push({ OR: [{ status: { notIn: OPEN_STATUSES } }, { dueOn: { gte: today } }] });
  return { AND: and } satisfies Prisma.RectificationActionWhereInput;
}

/** Most urgent first: waiting for the unit before answered, earliest due day, then newest. */
export const ACTION_ORDER: Prisma.RectificationActionOrderByWithRelationInput[] = [
  { dueOn: "asc" },
  { createdAt: "desc" },
  { id: "asc" },
];

async function stepTarget(tx: Tx, viewer: Viewer, id: string) {
  const a = await tx.rectificationAction.findUnique({ where: { id } });
  if (!a) throw new NotFoundError("RectificationAction", id);
  const mayCheck = viewer.role === "ADMIN" || viewer.role === "SUPERVISOR" || viewer.id === a.inspectorId;
  if (!mayCheck) throw new ForbiddenError("Only the inspector who recorded the finding or a supervisor may do this");
  return a;
}

export async function confirmAction(ctx: Context, id: string, note: string | null) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const a = await stepTarget(tx, viewer, id);
    const why = refuseStep(a.status, "CONFIRM");
    if (why) throw new InvalidTransitionError(a.status, "CONFIRMED", why);
    const after = await tx.rectificationAction.update({
      where: { id },
      data: { status: nextStatus("CONFIRM"), confirmedAt: new Date(), confirmedById: viewer.id },
    });
    await audit(tx, viewer, "confirmAction", "RectificationAction", id, { from: a.status, note });
    return after;
  });
}

export async function reopenAction(ctx: Context, id: string, reason: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const a = await stepTarget(tx, viewer, id);
    const why = refuseStep(a.status, "REOPEN");
    if (why) throw new InvalidTransitionError(a.status, "REOPENED", why);
    const after = await tx.rectificationAction.update({
      where: { id },
      data: {
        status: nextStatus("REOPEN"),
        reopenedAt: new Date(),
        reopenReason: reason,
        confirmedAt: null,
        confirmedById: null,
      },
    });
    await audit(tx, viewer, "reopenAction", "RectificationAction", id, { from: a.status, reason });
    return after;
  });
}

export class ActionAnswerRefused extends Error {
  constructor(
    readonly code: "SYNC_UNKNOWN_REFERENCE" | "SYNC_FORBIDDEN" | "SYNC_INVALID_RECORD",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks that a progress report may answer action `actionId` and names which of its measures carries the answer:
 * the action's measure, or (a finding on a whole problem) the report's first measure of that problem.
 */
export async function checkAnswer(tx: Tx, viewer: Viewer, actionId: string, measureIds: string[]) {
  const a = await tx.rectificationAction.findUnique({ where: { id: actionId } });
  if (!a) throw new ActionAnswerRefused("SYNC_UNKNOWN_REFERENCE", `Action ${actionId} does not exist`);
  if (viewer.role === "UNIT_LIAISON" && viewer.unitId !== a.unitId) {
    throw new ActionAnswerRefused("SYNC_FORBIDDEN", "This action is another unit's");
  }
  const why = refuseStep(a.status, "ANSWER");
  if (why) throw new ActionAnswerRefused("SYNC_INVALID_RECORD", `Cannot answer this action: ${why}`);
  let measureId = a.measureId && measureIds.includes(a.measureId) ? a.measureId : null;
  if (!a.measureId) {
    const m = await tx.measure.findFirst({
      where: { id: { in: measureIds }, problemId: a.problemId },
      select: { id: true },
    });
    measureId = m?.id ?? null;
  }
  if (!measureId) {
    throw new ActionAnswerRefused("SYNC_INVALID_RECORD", "The report must be on the action's measure");
  }
  return { action: a, measureId };
}

/** Marks the action answered by progress update `updateId` (same transaction as the update). */
export async function markAnswered(tx: Tx, viewer: Viewer, actionId: string, from: ActionStatus, updateId: string) {
  await tx.progressUpdate.update({ where: { id: updateId }, data: { answersActionId: actionId } });
  await tx.rectificationAction.update({
    where: { id: actionId },
    data: { status: nextStatus("ANSWER"), answeredAt: new Date() },
  });
  await audit(tx, viewer, "answerAction", "RectificationAction", actionId, { from, progressUpdateId: updateId });
}

export interface ActionFigures {
  opened: number;
  answered: number;
  confirmed: number;
  /** Waiting for the unit past their due day, as of `asOf` (by the actions' current status). */
  overdue: number;
}

/** Actions opened, answered and confirmed within [start, end), and overdue as of `asOf`, in the viewer's scope. */
export async function actionFigures(
  ctx: Context,
  start: Date,
  end: Date,
  asOf: Date,
  inspectionId: string | null,
): Promise<ActionFigures> {
  const base = actionWhere(ctx.viewer, { inspectionId }, asOf);
  const within = { gte: start, lt: end };
  const count = (where: Prisma.RectificationActionWhereInput) =>
    ctx.prisma.rectificationAction.count({ where: { AND: [base, where] } });
  const [opened, answered, confirmed, overdue] = await Promise.all([
    count({ createdAt: within }),
    count({ answeredAt: within }),
    count({ confirmedAt: within }),
    count({ status: { in: OPEN_STATUSES }, dueOn: { lt: shanghaiToday(asOf) }, createdAt: { lt: end } }),
  ]);
  return { opened, answered, confirmed, overdue };
}
