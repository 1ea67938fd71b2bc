// Receives inspection records from field devices: validates, decides by the pure merge rules of
// @rectify/server/sync, and writes in one transaction with the row locked. Invariants: the same revision sent
// twice is stored once; nothing is silently overwritten (stale edits are held as conflicts); a bad record is
// answered REJECTED without touching the database; photos are tracked by id and completed by content hash.
import type { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import {
  answerFor,
  applyDecision,
  contentHash,
  contentOf,
  decide,
  rejectedAnswer,
  SYNC_ERROR_CODES,
  validateEnvelope,
  type RecordContent,
  type RecordEnvelope,
  type ServerAnswer,
} from "../sync/index.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { audit } from "./audit.ts";
import {
  lockRecord,
  missingPhotos,
  projection,
  refreshSyncState,
  type HeldConflictRow,
  type Tx,
} from "./record-state.ts";

export interface SyncDeps {
  prisma: PrismaClient;
  viewer: Viewer;
  photos: PhotoStore;
}

class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function checkReferences(tx: Tx, env: RecordEnvelope) {
  const problem = await tx.problem.findUnique({ where: { id: env.problemId }, select: { id: true } });
  if (!problem) throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `Problem ${env.problemId} does not exist`);
  if (env.measureIds.length) {
    const n = await tx.measure.count({ where: { id: { in: env.measureIds }, problemId: env.problemId } });
    if (n !== env.measureIds.length) {
      throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, "A measure listed is not one of this problem's measures");
    }
  }
  const foreign = await tx.attachment.findFirst({
    where: { id: { in: env.photos.map((p) => p.id) }, NOT: { recordId: env.recordId } },
    select: { id: true },
  });
  if (foreign) throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `Photo ${foreign.id} belongs to another record`);
}

/** Creates attachment rows for photos not yet known; marks as complete those whose bytes are already stored. */
async function registerPhotos(tx: Tx, deps: SyncDeps, recordId: string, c: RecordContent) {
  for (const p of c.photos) {
    const stored = await deps.photos.has(p.sha256);
    await tx.attachment.upsert({
      where: { id: p.id },
      create: {
        id: p.id,
        recordId,
        sha256: p.sha256,
        size: p.size,
        mimeType: p.mimeType,
        fileName: p.fileName,
        variant: p.variant,
        uploadedById: deps.viewer.id,
        receivedBytes: stored ? p.size : 0,
        completedAt: stored ? new Date() : null,
      },
      update: {},
    });
  }
}

async function applyEnvelope(
  tx: Tx,
  deps: SyncDeps,
  env: RecordEnvelope,
): Promise<{ answer: ServerAnswer; changed: boolean }> {
  // Two deliveries of the same record serialise here (a create race ends in a unique violation, retried).
  const { row, state } = await lockRecord(tx, env.recordId);
  if (row && row.inspectorId !== deps.viewer.id) {
    throw new Rejection(SYNC_ERROR_CODES.FORBIDDEN, "This record belongs to another inspector");
  }
  await checkReferences(tx, env);
  const content = contentOf(env);
  const hash = contentHash(content);
  const decision = decide(state, env, hash);
  const next = applyDecision(state, env, decision, hash);
  const bookkeeping = {
    version: next.version,
    clientRevision: next.clientRevision,
    clientVersion: next.clientVersion,
    lastForeignVersion: next.lastForeignVersion,
    contentHash: next.contentHash,
    clientRevisionHash: next.clientRevisionHash,
  };
  const measures = env.measureIds.map((measureId) => ({ measureId }));
  let changed = true;
  if (decision.type === "CREATE") {
    await tx.inspectionRecord.create({
      data: {
        id: env.recordId,
        inspectorId: deps.viewer.id,
        ...projection(content),
        ...bookkeeping,
        measures: { create: measures },
      },
    });
  } else if (decision.type === "UPDATE") {
    await tx.inspectionRecordMeasure.deleteMany({ where: { recordId: env.recordId } });
    await tx.inspectionRecord.update({
      where: { id: env.recordId },
      data: { ...projection(content), ...bookkeeping, measures: { create: measures } },
    });
    const keep = new Set(content.photos.map((p) => p.id));
    const held = row?.conflict as HeldConflictRow | null;
    for (const p of held?.content.photos ?? []) keep.add(p.id);
    await tx.attachment.deleteMany({ where: { recordId: env.recordId, id: { notIn: [...keep] } } });
  } else if (decision.type === "CONFLICT" && !decision.replay) {
    const held: HeldConflictRow = {
      clientRevision: env.revision,
      baseVersion: env.baseVersion,
      contentHash: hash,
      content,
    };
    await tx.inspectionRecord.update({
      where: { id: env.recordId },
      data: { ...bookkeeping, conflict: held as unknown as Prisma.InputJsonValue },
    });
  } else {
    changed = false;
  }
  if (changed) await registerPhotos(tx, deps, env.recordId, content);
  const missing =
    decision.type === "ALREADY_APPLIED" && decision.reason === "superseded" ? [] : await missingPhotos(tx, content);
  await refreshSyncState(tx, env.recordId);
  if (changed) {
    // A reused revision may displace a held copy of that same revision: keep it in the audit trail, not lost.
    const displaced =
      decision.type === "CONFLICT" && decision.reason === "revision-reused" ? (row?.conflict ?? null) : null;
    await audit(tx, deps.viewer, "syncRecord", "InspectionRecord", env.recordId, {
      outcome: decision.type,
      revision: env.revision,
      ...(decision.type === "CONFLICT" ? { reason: decision.reason } : {}),
      ...(displaced ? { displacedHeldCopy: displaced } : {}),
    });
  }
  return { answer: answerFor(env.recordId, decision, next, missing), changed };
}

function isUniqueViolation(err: unknown) {
  return (err as { code?: string })?.code === "P2002";
}

export async function syncRecord(deps: SyncDeps, input: unknown, now = new Date()) {
  const checked = validateEnvelope(input, now);
  if (!checked.ok) {
    const raw = (input as { recordId?: unknown } | null)?.recordId;
    return {
      answer: rejectedAnswer(typeof raw === "string" && raw ? raw : "(unknown)", checked.error),
      changed: false,
      problemId: null,
    };
  }
  const env = checked.value;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await deps.prisma.$transaction((tx) => applyEnvelope(tx, deps, env), { timeout: 30_000 });
      return { ...result, problemId: env.problemId };
    } catch (err) {
      if (err instanceof Rejection) {
        return {
          answer: rejectedAnswer(env.recordId, { code: err.code, message: err.message }),
          changed: false,
          problemId: null,
        };
      }
      if (isUniqueViolation(err) && attempt === 0) continue;
      throw err;
    }
  }
}
