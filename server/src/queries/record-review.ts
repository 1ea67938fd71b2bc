// Acts on stored records other than the device's own sync: photo bytes arriving, a supervisor's correction
// (a foreign edit, so stale device edits conflict instead of overwriting it) and conflict resolution.
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { applyForeignEdit, contentHash, resolveConflict, type RecordContent } from "../sync/index.ts";
import { audit } from "./audit.ts";
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

/** A supervisor settles an open conflict by keeping the server copy or the device copy. */
export async function resolveRecordConflict(
  prisma: PrismaClient,
  viewer: Viewer,
  recordId: string,
  keep: "server" | "device",
) {
  return prisma.$transaction(async (tx) => {
    const { row, state } = await lockRecord(tx, recordId);
    if (!row || !state?.conflict) return false;
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
    await audit(tx, viewer, "resolveRecordConflict", "InspectionRecord", recordId, { keep });
    return true;
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
export async function reviseRecord(prisma: PrismaClient, viewer: Viewer, recordId: string, change: RecordRevision) {
  return prisma.$transaction(async (tx) => {
    const { row, state } = await lockRecord(tx, recordId);
    if (!row || !state) return false;
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
    await audit(tx, viewer, "reviseRecord", "InspectionRecord", recordId, { ...change });
    return true;
  });
}
