// Receives inspection records from field devices: validates, decides by the pure merge rules of
// @rectify/server/sync, and writes in one transaction with the row locked. Invariants: the same revision sent
// twice is stored once; nothing is silently overwritten (stale edits are held as conflicts); a bad record is
// answered REJECTED without touching the database; photos are tracked by id and completed by content hash.
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
  type RecordEnvelope,
  type ServerAnswer,
} from "../sync/index.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { audit } from "./audit.ts";
import { refreshSyncState, stateOf, type HeldConflictRow, type Tx } from "./record-state.ts";
import { SyncBusyError } from "../errors.ts";
import { beforeInspection } from "../sync/envelope.ts";
import {
  checkReferencesSql,
  holdConflict,
  insertRecord,
  knownPhotos,
  lockForSync,
  registerPhotosSql,
  updateRecord,
} from "./record-sync-sql.ts";
import { openActionsSql, type OpenedAction } from "./action-open-sql.ts";

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

async function applyEnvelope(
  tx: Tx,
  deps: SyncDeps,
  env: RecordEnvelope,
): Promise<{ answer: ServerAnswer; changed: boolean; actions: OpenedAction[] }> {
  // Two deliveries of the same record serialise here (a create race ends in a unique violation, retried).
  const row = await lockForSync(tx, env.recordId);
  if (row && row.inspectorId !== deps.viewer.id) {
    throw new Rejection(SYNC_ERROR_CODES.FORBIDDEN, "This record belongs to another inspector");
  }
  const refs = await checkReferencesSql(
    tx,
    env.recordId,
    env.problemId,
    env.measureIds,
    env.photos.map((p) => p.id),
    env.targetId ?? null,
  );
  if (!refs.problem) throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `Problem ${env.problemId} does not exist`);
  if (refs.measures !== env.measureIds.length) {
    throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, "A measure listed is not one of this problem's measures");
  }
  if (refs.foreignPhoto) {
    throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `Photo ${refs.foreignPhoto} belongs to another record`);
  }
  if (env.targetId && !refs.targetMeasure) {
    throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `Campaign target ${env.targetId} does not exist`);
  }
  if (refs.targetMeasure && !env.measureIds.includes(refs.targetMeasure)) {
    throw new Rejection(SYNC_ERROR_CODES.INVALID_RECORD, "measureIds must include the campaign target's measure");
  }
  if (beforeInspection(env.deviceTime, refs.inspectionStart)) {
    throw new Rejection(
      SYNC_ERROR_CODES.INVALID_RECORD,
      `deviceTime ${env.deviceTime} is before the inspection began (${refs.inspectionStart!.toISOString().slice(0, 10)}); check the device clock`,
    );
  }
  const state = stateOf(row);
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
  const changed =
    decision.type === "CREATE" || decision.type === "UPDATE" || (decision.type === "CONFLICT" && !decision.replay);
  const now = new Date();
  // Which photos are still missing once this delivery is registered (new rows are complete if the bytes are here).
  const known = await knownPhotos(tx, content);
  const stored = new Map<string, boolean>();
  if (changed) {
    for (const p of content.photos) if (!known.has(p.id)) stored.set(p.id, await deps.photos.has(p.sha256));
  }
  const missing =
    decision.type === "ALREADY_APPLIED" && decision.reason === "superseded"
      ? []
      : content.photos.filter((p) => !(known.get(p.id) ?? stored.get(p.id) ?? false)).map((p) => p.id);
  const write = { recordId: env.recordId, inspectorId: deps.viewer.id, content, bookkeeping, now };
  const held = row?.conflict as HeldConflictRow | null | undefined;
  const syncState = held ? "CONFLICT" : missing.length ? "AWAITING_PHOTOS" : "COMPLETE";
  if (decision.type === "CREATE") {
    await insertRecord(tx, { ...write, syncState });
  } else if (decision.type === "UPDATE") {
    await updateRecord(tx, { ...write, syncState });
    const keep = new Set(content.photos.map((p) => p.id));
    for (const p of held?.content.photos ?? []) keep.add(p.id);
    await tx.attachment.deleteMany({ where: { recordId: env.recordId, id: { notIn: [...keep] } } });
  } else if (changed) {
    const heldNow: HeldConflictRow = {
      clientRevision: env.revision,
      baseVersion: env.baseVersion,
      contentHash: hash,
      content,
    };
    await holdConflict(tx, write, heldNow);
  } else {
    // Nothing written: the stored state stands (refreshed as before, in case photos arrived meanwhile).
    await refreshSyncState(tx, env.recordId);
  }
  // A finding opens its actions in this same transaction (a replay finds them there and opens none).
  const actions =
    decision.type === "CREATE" || decision.type === "UPDATE"
      ? await openActionsSql(tx, env.recordId, deps.viewer.id, content)
      : [];
  if (changed) {
    const fresh = content.photos.filter((p) => !known.has(p.id));
    await registerPhotosSql(
      tx,
      env.recordId,
      deps.viewer.id,
      fresh.map((p) => ({ ...p, stored: stored.get(p.id) ?? false })),
      now,
    );
    // A reused revision may displace a held copy of that same revision: keep it in the audit trail, not lost.
    const displaced =
      decision.type === "CONFLICT" && decision.reason === "revision-reused" ? (row?.conflict ?? null) : null;
    await audit(tx, deps.viewer, "syncRecord", "InspectionRecord", env.recordId, {
      outcome: decision.type,
      revision: env.revision,
      ...(decision.type === "CONFLICT" ? { reason: decision.reason } : {}),
      ...(displaced ? { displacedHeldCopy: displaced } : {}),
      ...(actions.length ? { actionsOpened: actions.map((a) => ({ id: a.id, unitId: a.unitId })) } : {}),
    });
  }
  return { answer: answerFor(env.recordId, decision, next, missing), changed, actions };
}

/** Two first deliveries raced to insert the record (Prisma's P2002, or PostgreSQL's 23505 from raw SQL). */
function isUniqueViolation(err: unknown) {
  const e = err as { code?: string; message?: string; meta?: unknown } | null;
  if (e?.code === "P2002") return true;
  return /\b23505\b|UniqueConstraintViolation/.test(`${e?.message ?? ""} ${JSON.stringify(e?.meta ?? {})}`);
}

export async function syncRecord(deps: SyncDeps, input: unknown, now = new Date()) {
  const checked = validateEnvelope(input, now);
  if (!checked.ok) {
    const raw = (input as { recordId?: unknown } | null)?.recordId;
    return {
      answer: rejectedAnswer(typeof raw === "string" && raw ? raw : "(unknown)", checked.error),
      changed: false,
      problemId: null,
      actions: [] as OpenedAction[],
    };
  }
  const env = checked.value;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await deps.prisma.$transaction((tx) => applyEnvelope(tx, deps, env), {
        timeout: 30_000,
        maxWait: 10_000,
      });
      return { ...result, problemId: env.problemId };
    } catch (err) {
      // The transaction could not start in time (pool exhausted): overload, the device retries later.
      if ((err as { code?: string })?.code === "P2028") throw new SyncBusyError(5);
      if (err instanceof Rejection) {
        return {
          answer: rejectedAnswer(env.recordId, { code: err.code, message: err.message }),
          changed: false,
          problemId: null,
          actions: [] as OpenedAction[],
        };
      }
      if (isUniqueViolation(err) && attempt === 0) continue;
      throw err;
    }
  }
}
