// Ledger changes: assignments, status changes with history, progress updates. Each runs in one transaction
// with its audit event. Invariants: status only moves along domain/status.ts; a problem's status follows its
// measures; a liaison may only touch measures of their own unit; a replayed progress update is stored once.
import type { Prisma } from "../generated/prisma/client.ts";
import type { RectStatus } from "../generated/prisma/enums.ts";
import type { Context, Viewer } from "../context.ts";
import { checkTransition, rollUpStatus, workflowMutationFor } from "../domain/status.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";

type Tx = Prisma.TransactionClient;

export interface Assignment {
  leadLeaderId?: string | null;
  responsibleUnitId?: string | null;
  participantUnitIds?: string[] | null;
  deadline?: Date | null;
}

async function checkRefs(tx: Tx, a: Assignment) {
  if (a.leadLeaderId && !(await tx.person.findUnique({ where: { id: a.leadLeaderId } }))) {
    throw new NotFoundError("Person", a.leadLeaderId);
  }
  const unitIds = [...(a.responsibleUnitId ? [a.responsibleUnitId] : []), ...(a.participantUnitIds ?? [])];
  const found = await tx.unit.count({ where: { id: { in: unitIds } } });
  if (found !== new Set(unitIds).size) throw new NotFoundError("Unit");
  if (a.responsibleUnitId && a.participantUnitIds?.includes(a.responsibleUnitId)) {
    throw new ValidationError("The responsible unit cannot also be a participating unit", [
      { path: "participantUnitIds", message: "contains the responsible unit" },
    ]);
  }
}

function assignmentData(a: Assignment) {
  return {
    leadLeaderId: a.leadLeaderId,
    responsibleUnitId: a.responsibleUnitId,
    deadline: a.deadline,
  };
}

export async function assignMeasure(ctx: Context, measureId: string, a: Assignment) {
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure.findUnique({ where: { id: measureId } });
    if (!m) throw new NotFoundError("Measure", measureId);
    await checkRefs(tx, a);
    await tx.measure.update({ where: { id: measureId }, data: assignmentData(a) });
    if (a.participantUnitIds) {
      await tx.measureParticipant.deleteMany({ where: { measureId } });
      await tx.measureParticipant.createMany({ data: a.participantUnitIds.map((unitId) => ({ measureId, unitId })) });
    }
    await audit(tx, ctx.viewer, "assignMeasure", "Measure", measureId, { ...a });
    return m.problemId;
  });
}

export async function assignProblem(ctx: Context, problemId: string, a: Assignment) {
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await tx.problem.findUnique({ where: { id: problemId } }))) throw new NotFoundError("Problem", problemId);
    await checkRefs(tx, a);
    await tx.problem.update({ where: { id: problemId }, data: assignmentData(a) });
    if (a.participantUnitIds) {
      await tx.problemParticipant.deleteMany({ where: { problemId } });
      await tx.problemParticipant.createMany({ data: a.participantUnitIds.map((unitId) => ({ problemId, unitId })) });
    }
    await audit(tx, ctx.viewer, "assignProblem", "Problem", problemId, { ...a });
  });
}

/** May this viewer act for this measure's unit? Supervisors always; liaisons for their unit's measures. */
export async function canActOnMeasure(tx: Tx, viewer: Viewer, measureId: string): Promise<boolean> {
  if (viewer.role === "ADMIN" || viewer.role === "SUPERVISOR") return true;
  if (viewer.role !== "UNIT_LIAISON" || !viewer.unitId) return false;
  const n = await tx.measure.count({
    where: {
      id: measureId,
      OR: [{ responsibleUnitId: viewer.unitId }, { participants: { some: { unitId: viewer.unitId } } }],
    },
  });
  return n > 0;
}

/** Re-derives a problem's status from its measures and records the change when there is one. */
export async function syncProblemStatus(tx: Tx, problemId: string, actorId: string | null, reason: string) {
  const problem = await tx.problem.findUniqueOrThrow({
    where: { id: problemId },
    include: { measures: { where: { archivedAt: null }, select: { status: true } } },
  });
  const derived = rollUpStatus(problem.measures.map((m) => m.status));
  if (!derived || derived === problem.status) return;
  await tx.problem.update({ where: { id: problemId }, data: { status: derived } });
  await tx.statusChange.create({
    data: { problemId, fromStatus: problem.status, toStatus: derived, reason, actorId },
  });
}

export interface TransitionLinks {
  evidenceId?: string | null;
  verifiedByRecordId?: string | null;
  undoesId?: string | null;
}

/**
 * Moves a measure to `to` inside `tx`: checks the status machine and the viewer's unit, updates conditionally
 * (a concurrent change makes this one fail instead of both landing), records the history and rolls the problem up.
 */
export async function transitionMeasure(
  tx: Tx,
  viewer: Viewer,
  measureId: string,
  to: RectStatus,
  reason: string,
  links: TransitionLinks = {},
) {
  const m = await tx.measure.findUnique({ where: { id: measureId } });
  if (!m) throw new NotFoundError("Measure", measureId);
  if (!(await canActOnMeasure(tx, viewer, measureId))) throw new ForbiddenError("This measure is not your unit's");
  const check = checkTransition(m.status, to, viewer.role);
  if (!check.ok) throw new InvalidTransitionError(m.status, to, check.why);
  const { count } = await tx.measure.updateMany({ where: { id: measureId, status: m.status }, data: { status: to } });
  if (count !== 1) throw new InvalidTransitionError(m.status, to, "the status was changed meanwhile; reload");
  const change = await tx.statusChange.create({
    data: { measureId, fromStatus: m.status, toStatus: to, reason, actorId: viewer.id, ...links },
  });
  await syncProblemStatus(tx, m.problemId, viewer.id, `措施${m.number}: ${reason}`);
  return { measure: m, change };
}

export async function changeMeasureStatus(ctx: Context, measureId: string, to: RectStatus, reason: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const current = await tx.measure.findUnique({ where: { id: measureId }, select: { status: true } });
    // Authorise before saying anything about the measure's status (another unit must not learn it).
    if (current && !(await canActOnMeasure(tx, viewer, measureId))) {
      throw new ForbiddenError("This measure is not your unit's");
    }
    const workflow = current && workflowMutationFor(current.status, to);
    if (current && workflow) {
      throw new InvalidTransitionError(current.status, to, `use ${workflow}, which records the evidence it needs`);
    }
    const { measure } = await transitionMeasure(tx, viewer, measureId, to, reason);
    await audit(tx, viewer, "changeMeasureStatus", "Measure", measureId, { from: measure.status, to, reason });
    return measure.problemId;
  });
}

export async function changeProblemStatus(ctx: Context, problemId: string, to: RectStatus, reason: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const p = await tx.problem.findUnique({ where: { id: problemId } });
    if (!p) throw new NotFoundError("Problem", problemId);
    if (workflowMutationFor(p.status, to)) {
      throw new InvalidTransitionError(p.status, to, "a problem is closed out through its measures");
    }
    const check = checkTransition(p.status, to, viewer.role);
    if (!check.ok) throw new InvalidTransitionError(p.status, to, check.why);
    const { count } = await tx.problem.updateMany({ where: { id: problemId, status: p.status }, data: { status: to } });
    if (count !== 1) throw new InvalidTransitionError(p.status, to, "the status was changed meanwhile; reload");
    await tx.statusChange.create({
      data: { problemId, fromStatus: p.status, toStatus: to, reason, actorId: viewer.id },
    });
    await audit(tx, viewer, "changeProblemStatus", "Problem", problemId, { from: p.status, to, reason });
  });
}

export interface NewProgress {
  id: string;
  measureId: string;
  text: string;
}

/** Idempotent by the client-generated id: a replay of the same update returns the stored one. */
export async function addProgressUpdateTx(tx: Tx, viewer: Viewer, input: NewProgress) {
  const existing = await tx.progressUpdate.findUnique({ where: { id: input.id } });
  if (existing) {
    if (existing.measureId !== input.measureId || existing.text !== input.text || existing.authorId !== viewer.id) {
      throw new ValidationError("This id belongs to a different progress update", [
        { path: "id", message: "already used" },
      ]);
    }
    return { update: existing, created: false };
  }
  const m = await tx.measure.findUnique({ where: { id: input.measureId } });
  if (!m) throw new NotFoundError("Measure", input.measureId);
  if (!(await canActOnMeasure(tx, viewer, m.id))) throw new ForbiddenError("This measure is not your unit's");
  const update = await tx.progressUpdate.create({
    data: {
      id: input.id,
      problemId: m.problemId,
      measureId: m.id,
      unitId: viewer.unitId ?? m.responsibleUnitId,
      authorId: viewer.id,
      text: input.text,
    },
  });
  await audit(tx, viewer, "addProgressUpdate", "ProgressUpdate", update.id, { measureId: m.id });
  return { update, created: true };
}

export async function addProgressUpdate(ctx: Context, input: NewProgress) {
  return ctx.prisma.$transaction((tx) => addProgressUpdateTx(tx, ctx.viewer!, input));
}
