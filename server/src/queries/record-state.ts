// Shared bookkeeping of stored inspection records: the row lock, the merge state read from a row, the columns
// projected from a record's content, and whether all its photos have arrived. Used by sync and by review.
import { Prisma } from "../generated/prisma/client.ts";
import type { RecordContent, ServerRecordState } from "../sync/index.ts";

export type Tx = Prisma.TransactionClient;
type RecordRow = NonNullable<Awaited<ReturnType<Tx["inspectionRecord"]["findUnique"]>>>;

export interface HeldConflictRow {
  clientRevision: number;
  baseVersion: number;
  contentHash: string;
  content: RecordContent;
}

/** Locks a record's row for this transaction (so deliveries and supervisor acts on it serialise) and reads it. */
export async function lockRecord(tx: Tx, recordId: string) {
  await tx.$queryRaw`SELECT id FROM "InspectionRecord" WHERE id = ${recordId}::uuid FOR UPDATE`;
  const row = await tx.inspectionRecord.findUnique({ where: { id: recordId } });
  return { row, state: stateOf(row) };
}

type MergeColumns = "version" | "clientRevision" | "clientVersion" | "lastForeignVersion" | "contentHash";

export function stateOf(
  row: (Pick<RecordRow, MergeColumns | "clientRevisionHash"> & { conflict: unknown }) | null,
): ServerRecordState | null {
  if (!row) return null;
  const held = row.conflict as HeldConflictRow | null;
  return {
    version: row.version,
    clientRevision: row.clientRevision,
    clientVersion: row.clientVersion,
    lastForeignVersion: row.lastForeignVersion,
    contentHash: row.contentHash,
    clientRevisionHash: row.clientRevisionHash,
    conflict: held
      ? { clientRevision: held.clientRevision, baseVersion: held.baseVersion, contentHash: held.contentHash }
      : null,
  };
}

/** The columns that project a record's content (for filtering and display). */
export function projection(c: RecordContent) {
  return {
    kind: c.kind,
    problemId: c.problemId,
    deviceTime: new Date(c.deviceTime),
    latitude: c.position?.latitude ?? null,
    longitude: c.position?.longitude ?? null,
    accuracyM: c.position?.accuracyM ?? null,
    findings: c.findings,
    rating: c.rating,
    followUpRequired: c.followUpRequired,
    details: c.details as Prisma.InputJsonValue,
    content: c as unknown as Prisma.InputJsonValue,
  };
}

/** Photo ids of `c` whose bytes the server does not hold yet. */
export async function missingPhotos(tx: Tx, c: RecordContent): Promise<string[]> {
  if (!c.photos.length) return [];
  const done = await tx.attachment.findMany({
    where: { id: { in: c.photos.map((p) => p.id) }, completedAt: { not: null } },
    select: { id: true },
  });
  const ok = new Set(done.map((a) => a.id));
  return c.photos.filter((p) => !ok.has(p.id)).map((p) => p.id);
}

export async function refreshSyncState(tx: Tx, recordId: string) {
  const row = await tx.inspectionRecord.findUniqueOrThrow({ where: { id: recordId } });
  const missing = await missingPhotos(tx, row.content as unknown as RecordContent);
  const syncState = row.conflict ? "CONFLICT" : missing.length ? "AWAITING_PHOTOS" : "COMPLETE";
  if (syncState !== row.syncState) await tx.inspectionRecord.update({ where: { id: recordId }, data: { syncState } });
}
