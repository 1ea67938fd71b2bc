// Acts on stored records other than the device's own sync: photo bytes arriving, a supervisor's correction
// (a foreign edit, so stale device edits conflict instead of overwriting it) and conflict resolution.
// Invariant: whatever content stands after a correction or a resolution opens its actions (督促整改事项) in the same
// transaction, exactly as a device's sync of that content would (one per record and unit: a rerun opens none).
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { applyForeignEdit, contentHash, resolveConflict, type RecordContent } from "../sync/index.ts";
import { audit } from "./audit.ts";
import { openActionsSql, type OpenedAction } from "./action-open-sql.ts";
import { lockRecord, projection, refreshSyncState, type HeldConflictRow } from "./record-state.ts";

/** After an upload completes: every photo with these bytes is complete, and its record may be too. */
export async function photoBytesArrived(prisma: PrismaClient, sha256: string) {
  await prisma.$transaction(async (tx) => {
    const rows = await tx.attachment.findMany({
      where: { sha256, completedAt: null },
      select: { id: true, size: true, recordId: true },
    });
    for (const a of rows) {
      await tx.attachment.update({ where: { id: a.id }, data: { completedAt: new Date(), receivedBytes: a.size } });
    }
    for (const recordId of new Set(rows.map((r) => r.recordId).filter((id): id is string => !!id))) {
      await refreshSyncState(tx, recordId);
    }
  });
}

/** What a correction or resolution changed: the record's problem and the actions its content opened. */
export interface ReviewOutcome {
  problemId: string;
  actions: OpenedAction[];
}

/** A supervisor settles an open conflict by keeping the server copy or the device copy; null: no open conflict. */
export async function resolveRecordConflict(
  prisma: PrismaClient,
  viewer: Viewer,
  recordId: string,
  keep: "server" | "device",
): Promise<ReviewOutcome | null> {
  return prisma.$transaction(async (tx) => {
    const { row, state } = await lockRecord(tx, recordId);
    if (!row || !state?.conflict) return null;
    const held = row.conflict as unknown as HeldConflictRow;
    const next = resolveConflict(state, { keep });
    const content = keep === "device" ? held.content : (row.content as unknown as RecordContent);
    await tx.inspectionRecordMeasure.deleteMany({ where: { recordId } });
    await tx.inspectionRecord.update({
      where: { id: recordId },
      data: {
        ...projection(content),
        version: next.version,
        clientVersion: next.clientVersion,
        lastForeignVersion: next.lastForeignVersion,
        contentHash: next.contentHash,
        conflict: Prisma.DbNull,
        measures: { create: content.measureIds.map((measureId) => ({ measureId })) },
      },
    });
    await refreshSyncState(tx, recordId);
    const actions = await openActionsSql(tx, recordId, row.inspectorId, content);
    await audit(tx, viewer, "resolveRecordConflict", "InspectionRecord", recordId, { keep, ...opened(actions) });
    return { problemId: content.problemId, actions };
  });
}

export interface RecordRevision {
  findings?: string | null;
  rating?: RecordContent["rating"];
  followUpRequired?: boolean | null;
}

/**
 * A supervisor corrects a record (findings, rating, follow-up). It is a foreign edit: the device's next edit
 * built on the older copy becomes a conflict instead of silently overwriting this correction.
 */
export async function reviseRecord(
  prisma: PrismaClient,
  viewer: Viewer,
  recordId: string,
  change: RecordRevision,
): Promise<ReviewOutcome | null> {
  return prisma.$transaction(async (tx) => {
    const { row, state } = await lockRecord(tx, recordId);
    if (!row || !state) return null;
    const before = row.content as unknown as RecordContent;
    const content: RecordContent = {
      ...before,
      findings: change.findings ?? before.findings,
      rating: change.rating === undefined ? before.rating : change.rating,
      followUpRequired: change.followUpRequired ?? before.followUpRequired,
    };
    const next = applyForeignEdit(state, contentHash(content));
    await tx.inspectionRecord.update({
      where: { id: recordId },
      data: {
        ...projection(content),
        version: next.version,
        lastForeignVersion: next.lastForeignVersion,
        contentHash: next.contentHash,
      },
    });
    // A correction to 进度滞后 / 发现问题 (or a follow-up flag) is a finding the inspected units must answer.
    const actions = await openActionsSql(tx, recordId, row.inspectorId, content);
    await audit(tx, viewer, "reviseRecord", "InspectionRecord", recordId, { ...change, ...opened(actions) });
    return { problemId: content.problemId, actions };
  });
}

const opened = (actions: OpenedAction[]) =>
  actions.length ? { actionsOpened: actions.map((a) => ({ id: a.id, unitId: a.unitId })) } : {};
