// Sends ONE outbox entry: claim it, upload photos the server lacks, send, confirm, record the outcome. Never loses a revision saved meanwhile.
import { serverAnswerSchema, type ServerAnswer, type SyncError } from "@rectify/server/sync";
import { backoffDelay } from "./backoff.ts";
import { isSendable } from "./entry-rules.ts";
import type { OutboxEntry, OutboxEnvelope, OutboxStore } from "./outbox-store.ts";
import { TransportError, type SyncTransport } from "./transport.ts";

export const OUTBOX_ERROR_CODES = {
  /** The server asked for a photo this device does not have (deleted, or not part of the record). */
  PHOTO_UNAVAILABLE: "SYNC_PHOTO_UNAVAILABLE",
  /** The server still lacked photos after they were uploaded; retried later. */
  PHOTOS_INCOMPLETE: "SYNC_PHOTOS_INCOMPLETE",
  /** The answer did not parse or was for another record; retried later. */
  BAD_ANSWER: "SYNC_BAD_ANSWER",
  /** The transport threw something that is not a TransportError; treated as retryable. */
  UNEXPECTED: "SYNC_UNEXPECTED",
  /** REJECTED without an error from the server. */
  REJECTED: "SYNC_REJECTED",
} as const;

export interface PassTally {
  attempted: number;
  synced: number;
  conflicts: number;
  rejected: number;
  photosUploaded: number;
  /** The retryable error that stopped the pass, if any. */
  error: SyncError | null;
}

export interface EntryDeps {
  store: OutboxStore;
  transport: SyncTransport;
  now: () => number;
  random: () => number;
  maxPhotoRounds: number;
  /** Serialises read-modify-write of entries with saveRecord and friends. */
  locked: <T>(fn: () => Promise<T>) => Promise<T>;
  changed: () => Promise<void>;
  /** Bytes the server holds of a photo being uploaded (for progress bars); optional. */
  onPhotoProgress?: (recordId: string, photoId: string, bytesSent: number) => void;
}

class PhotoUnavailable extends Error {}

/** Returns "stop" when the pass must end (retryable failure: later records wait, keeping the order). */
export async function syncEntry(deps: EntryDeps, id: string, tally: PassTally): Promise<"continue" | "stop"> {
  const claimed = await deps.locked(async () => {
    const e = await deps.store.get(id);
    if (!e || !isSendable(e)) return null;
    // Persist "sending" and sentRevision BEFORE the transport sees it: from now on this revision may be
    // on the server, so a later edit must get a new revision (see planSave).
    const sending: OutboxEntry = {
      ...e,
      state: "sending",
      attempts: e.attempts + 1,
      sentRevision: Math.max(e.sentRevision, e.envelope.revision),
    };
    await deps.store.put(sending);
    return sending;
  });
  if (!claimed) return "continue";
  await deps.changed();
  tally.attempted++;
  const env = claimed.envelope;

  let answer: ServerAnswer;
  try {
    // Photos an earlier answer asked for: the server has the record, so they can go first.
    const earlier = claimed.missingPhotos.filter((p) => env.photos.some((ref) => ref.id === p));
    if (earlier.length > 0) tally.photosUploaded += await uploadPhotos(deps, claimed, earlier);
    answer = await send(deps, env);
    for (let round = 1; answer.outcome !== "REJECTED" && answer.missingPhotos.length > 0; round++) {
      await recordProgress(deps, claimed, answer); // a crash now resumes with the uploads
      if (round > deps.maxPhotoRounds) {
        throw new TransportError(OUTBOX_ERROR_CODES.PHOTOS_INCOMPLETE, "The server still lacks photos after upload", {
          retryable: true,
        });
      }
      tally.photosUploaded += await uploadPhotos(deps, claimed, answer.missingPhotos);
      answer = await send(deps, env); // same revision: confirms the record is complete
    }
  } catch (err) {
    return fail(deps, claimed, err, tally);
  }
  await finish(deps, claimed, answer, tally);
  return "continue";
}

async function send(deps: EntryDeps, env: OutboxEnvelope): Promise<ServerAnswer> {
  const raw = await deps.transport.sendRecord(env);
  const parsed = serverAnswerSchema.safeParse(raw);
  if (!parsed.success || parsed.data.recordId !== env.recordId) {
    const why = parsed.success
      ? `is for record ${parsed.data.recordId}`
      : parsed.error.issues.map((i) => i.message).join("; ");
    throw new TransportError(OUTBOX_ERROR_CODES.BAD_ANSWER, `The server's answer ${why}`, { retryable: true });
  }
  return parsed.data;
}

async function uploadPhotos(deps: EntryDeps, claimed: OutboxEntry, ids: readonly string[]): Promise<number> {
  const env = claimed.envelope;
  let uploaded = 0;
  for (const photoId of ids) {
    const ref = env.photos.find((p) => p.id === photoId);
    if (!ref) throw new PhotoUnavailable(`The server asked for photo ${photoId}, which this record does not contain`);
    const blob = await deps.store.getBlob(photoId);
    if (!blob) throw new PhotoUnavailable(`Photo ${ref.fileName} is no longer on this device`);
    if (blob.bytes.length !== ref.size) {
      throw new PhotoUnavailable(
        `Photo ${ref.fileName} on this device has ${blob.bytes.length} bytes, the record says ${ref.size}`,
      );
    }
    const onProgress = deps.onPhotoProgress;
    const url = (await deps.store.get(claimed.id))?.uploadUrls?.[photoId];
    await deps.transport.uploadPhoto(
      { ...ref, recordId: env.recordId },
      blob.bytes,
      onProgress && ((sent) => onProgress(env.recordId, photoId, sent)),
      { url, saveUrl: (next) => saveUploadUrl(deps, claimed.id, photoId, next) },
    );
    uploaded++;
  }
  return uploaded;
}

/** Keeps a photo's upload URL in its entry (the outbox is the device's only durable upload state). */
async function saveUploadUrl(deps: EntryDeps, id: string, photoId: string, url: string): Promise<void> {
  await deps.locked(async () => {
    const current = await deps.store.get(id);
    if (!current) return;
    await deps.store.put({ ...current, uploadUrls: { ...current.uploadUrls, [photoId]: url } });
  });
}

/** Saves what an intermediate answer taught (server version, missing photos) without changing the state. */
async function recordProgress(deps: EntryDeps, claimed: OutboxEntry, answer: ServerAnswer): Promise<void> {
  await deps.locked(async () => {
    const current = await deps.store.get(claimed.id);
    if (!current) return;
    const sameRevision = current.envelope.revision === claimed.envelope.revision;
    await deps.store.put({
      ...current,
      serverVersion: answer.serverVersion ?? current.serverVersion,
      missingPhotos: sameRevision ? answer.missingPhotos : current.missingPhotos,
    });
  });
}

async function finish(deps: EntryDeps, claimed: OutboxEntry, answer: ServerAnswer, tally: PassTally): Promise<void> {
  await deps.locked(async () => {
    const current = await deps.store.get(claimed.id);
    if (!current) return; // discarded meanwhile
    const serverVersion = answer.serverVersion ?? current.serverVersion;
    if (current.envelope.revision !== claimed.envelope.revision) {
      // Edited while in flight: the newer revision is already queued; only learn the version.
      await deps.store.put({ ...current, serverVersion });
      return;
    }
    const base = { ...current, serverVersion, attempts: 0, missingPhotos: [] };
    if (answer.outcome === "CONFLICT" || answer.outcome === "REJECTED") {
      const error = answer.error ?? { code: OUTBOX_ERROR_CODES.REJECTED, message: "The server refused this record" };
      await deps.store.put({ ...base, state: "needs_attention", lastError: error });
      if (answer.outcome === "CONFLICT") tally.conflicts++;
      else tally.rejected++;
    } else {
      await deps.store.put({ ...base, state: "synced", lastError: null, syncedAt: deps.now() });
      tally.synced++;
    }
  });
  await deps.changed();
}

async function fail(
  deps: EntryDeps,
  claimed: OutboxEntry,
  err: unknown,
  tally: PassTally,
): Promise<"continue" | "stop"> {
  const retryable = !(err instanceof PhotoUnavailable) && !(err instanceof TransportError && !err.retryable);
  const error: SyncError =
    err instanceof TransportError
      ? { code: err.code, message: err.message }
      : err instanceof PhotoUnavailable
        ? { code: OUTBOX_ERROR_CODES.PHOTO_UNAVAILABLE, message: err.message }
        : { code: OUTBOX_ERROR_CODES.UNEXPECTED, message: err instanceof Error ? err.message : String(err) };
  await deps.locked(async () => {
    const current = await deps.store.get(claimed.id);
    // Discarded, or edited meanwhile: the new revision stays as saved (due now); the pass still stops below.
    if (!current || current.envelope.revision !== claimed.envelope.revision) return;
    if (retryable) {
      await deps.store.put({
        ...current,
        state: "waiting",
        lastError: error,
        nextAttemptAt:
          deps.now() +
          Math.max(backoffDelay(current.attempts, deps.random), err instanceof TransportError ? err.retryAfterMs : 0),
      });
    } else {
      await deps.store.put({ ...current, state: "needs_attention", lastError: error, attempts: 0 });
    }
  });
  await deps.changed();
  if (retryable) {
    tally.error = error;
    return "stop";
  }
  tally.rejected++;
  return "continue";
}
