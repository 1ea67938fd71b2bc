// Close-out (销号) and look-back (回头看): a unit requests close-out with evidence; a supervisor verifies (with a
// field inspection record when one was required) and closes it, or rejects it back to work; a closed item gets a
// look-back, and a relapse reopens it linked to the closure it undoes.
// Invariants: every step is one transaction with its history row and audit event; only the steps of the
// status machine (domain/status.ts) are possible; a problem's status follows its measures.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Context, Viewer } from "../context.ts";
import { InvalidTransitionError, NotFoundError, ValidationError } from "../errors.ts";
import { shanghaiToday } from "../domain/dates.ts";
import { addProgressUpdateTx, transitionMeasure } from "./ledger.ts";
import { audit } from "./audit.ts";
import { attachEvidence } from "./closeout-evidence.ts";
import type { EvidenceRef } from "../sync/index.ts";

type Tx = Prisma.TransactionClient;

export interface CloseoutRequest {
  measureId: string;
  evidenceId: string;
  evidence: string;
  reason: string;
  /** Files already reported on this measure, picked as evidence (copied onto the evidence update). */
  evidenceFileIds?: string[];
  /** New files declared now; their bytes are uploaded at /uploads/<id> afterwards. */
  newFiles?: EvidenceRef[];
}

export async function requestCloseout(ctx: Context, r: CloseoutRequest) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const { update } = await addProgressUpdateTx(tx, viewer, {
      id: r.evidenceId,
      measureId: r.measureId,
      text: r.evidence,
    });
    await attachEvidence(tx, viewer, update.id, r.measureId, r.evidenceFileIds ?? [], r.newFiles ?? []);
    const attachments = await tx.attachment.count({ where: { progressUpdateId: update.id } });
    const { measure, change } = await transitionMeasure(tx, viewer, r.measureId, "CLOSE_REQUESTED", r.reason, {
      evidenceId: update.id,
    });
    await audit(tx, viewer, "requestCloseout", "Measure", r.measureId, {
      evidenceId: update.id,
      attachments,
      reason: r.reason,
    });
    return { problemId: measure.problemId, changeId: change.id };
  });
}

export async function setInspectionRequired(ctx: Context, measureId: string, required: boolean) {
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure
      .update({ where: { id: measureId }, data: { inspectionRequired: required } })
      .catch(() => null);
    if (!m) throw new NotFoundError("Measure", measureId);
    await audit(tx, ctx.viewer, "setInspectionRequired", "Measure", measureId, { required });
    return m.problemId;
  });
}

async function latestChange(tx: Tx, measureId: string, to: "CLOSE_REQUESTED" | "CLOSED") {
  return tx.statusChange.findFirst({ where: { measureId, toStatus: to }, orderBy: { at: "desc" } });
}

export interface Verification {
  measureId: string;
  approve: boolean;
  reason: string;
  recordId?: string | null;
  lookBackDate?: Date | null;
}

export async function verifyCloseout(ctx: Context, v: Verification) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure.findUnique({ where: { id: v.measureId } });
    if (!m) throw new NotFoundError("Measure", v.measureId);
    if (m.status !== "CLOSE_REQUESTED") {
      throw new InvalidTransitionError(m.status, v.approve ? "CLOSED" : "IN_PROGRESS", "no close-out was requested");
    }
    const request = await latestChange(tx, v.measureId, "CLOSE_REQUESTED");
    if (v.recordId) await checkVerifyingRecord(tx, v.recordId, v.measureId, request?.at ?? null);
    if (!v.approve) {
      const { change } = await transitionMeasure(tx, viewer, v.measureId, "IN_PROGRESS", v.reason, {
        undoesId: request?.id,
      });
      await audit(tx, viewer, "rejectCloseout", "Measure", v.measureId, { reason: v.reason, changeId: change.id });
      return m.problemId;
    }
    if (m.inspectionRequired && !v.recordId) {
      throw new ValidationError("This measure needs a field inspection record before it is closed out", [
        {
          path: "recordId",
          message: "required: an inspection record on this measure made after the close-out request",
        },
      ]);
    }
    if (v.lookBackDate && v.lookBackDate <= shanghaiToday(new Date())) {
      throw new ValidationError("A look-back date must be in the future", [
        { path: "lookBackDate", message: "in the past" },
      ]);
    }
    const { change } = await transitionMeasure(tx, viewer, v.measureId, "CLOSED", v.reason, {
      verifiedByRecordId: v.recordId ?? null,
    });
    if (v.lookBackDate) await createLookBack(tx, viewer, v.measureId, change.id, v.lookBackDate);
    await audit(tx, viewer, "closeOut", "Measure", v.measureId, { reason: v.reason, recordId: v.recordId ?? null });
    return m.problemId;
  });
}

async function checkVerifyingRecord(tx: Tx, recordId: string, measureId: string, requestedAt: Date | null) {
  const rec = await tx.inspectionRecord.findFirst({
    where: { id: recordId, measures: { some: { measureId } } },
    select: { deviceTime: true, syncState: true },
  });
  if (!rec) {
    throw new ValidationError("The inspection record does not cover this measure", [
      { path: "recordId", message: "not on this measure" },
    ]);
  }
  if (requestedAt && rec.deviceTime < requestedAt) {
    throw new ValidationError("The inspection record predates the close-out request", [
      { path: "recordId", message: "made before the request" },
    ]);
  }
}

async function createLookBack(tx: Tx, viewer: Viewer, measureId: string, closureId: string, dueDate: Date) {
  const lb = await tx.lookBack.create({ data: { measureId, closureId, dueDate, scheduledById: viewer.id } });
  await audit(tx, viewer, "scheduleLookBack", "Measure", measureId, {
    lookBackId: lb.id,
    dueDate: dueDate.toISOString().slice(0, 10),
  });
  return lb;
}

export async function scheduleLookBack(ctx: Context, measureId: string, dueDate: Date) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure.findUnique({ where: { id: measureId } });
    if (!m) throw new NotFoundError("Measure", measureId);
    if (m.status !== "CLOSED")
      throw new ValidationError("Only a closed-out measure gets a look-back", [
        { path: "measureId", message: `status is ${m.status}` },
      ]);
    if (dueDate <= shanghaiToday(new Date())) {
      throw new ValidationError("A look-back date must be in the future", [
        { path: "dueDate", message: "in the past" },
      ]);
    }
    const closure = await latestChange(tx, measureId, "CLOSED");
    if (!closure) throw new NotFoundError("Closure of measure", measureId);
    return createLookBack(tx, viewer, measureId, closure.id, dueDate);
  });
}

export interface LookBackResult {
  lookBackId: string;
  relapsed: boolean;
  recordId?: string | null;
  note: string;
}

/** Records a look-back's outcome; a relapse reopens the measure (RELAPSED) linked to the closure it undoes. */
export async function completeLookBack(ctx: Context, r: LookBackResult) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const lb = await tx.lookBack.findUnique({ where: { id: r.lookBackId } });
    if (!lb) throw new NotFoundError("LookBack", r.lookBackId);
    if (lb.outcome !== "PENDING") {
      throw new ValidationError("This look-back is already completed", [{ path: "lookBackId", message: lb.outcome }]);
    }
    if (r.recordId) await checkVerifyingRecord(tx, r.recordId, lb.measureId, null);
    await tx.lookBack.update({
      where: { id: lb.id },
      data: {
        outcome: r.relapsed ? "RELAPSED" : "HELD",
        recordId: r.recordId ?? null,
        note: r.note,
        completedAt: new Date(),
      },
    });
    let problemId: string | null = null;
    if (r.relapsed) {
      const { measure } = await transitionMeasure(tx, viewer, lb.measureId, "RELAPSED", r.note, {
        undoesId: lb.closureId,
        verifiedByRecordId: r.recordId ?? null,
      });
      problemId = measure.problemId;
    }
    await audit(tx, viewer, "completeLookBack", "LookBack", lb.id, {
      relapsed: r.relapsed,
      recordId: r.recordId ?? null,
    });
    return { measureId: lb.measureId, problemId };
  });
}
