// Test-only in-memory sync server built on the real protocol (validate, decide, applyDecision), with fault injection for the transport.
import {
  answerFor,
  applyDecision,
  applyForeignEdit,
  contentHash,
  contentOf,
  decide,
  isProgressEnvelope,
  rejectedAnswer,
  resolveConflict,
  sha256Hex,
  SYNC_ERROR_CODES,
  validateEnvelope,
  type RecordContent,
  type RecordEnvelope,
  type ServerAnswer,
  type ServerRecordState,
} from "@rectify/server/sync";
import { TransportError, type PhotoUploadMeta, type SyncTransport } from "./transport.ts";

export interface ServerRecord {
  state: ServerRecordState;
  content: RecordContent;
  held: RecordContent | null;
}

/** Each hook is asked per call; returning true injects that fault. */
export interface Faults {
  /** Network fails before the server sees the envelope. */
  failBeforeSend?: (env: RecordEnvelope) => boolean;
  /** The server is overloaded: SYNC_BUSY, come back after this many milliseconds (its Retry-After); 0 = not busy. */
  busyFor?: (env: RecordEnvelope) => number;
  /** The server applies the envelope, but the answer is lost. */
  dropAnswer?: (env: RecordEnvelope) => boolean;
  /** The call never settles (the app is killed while waiting); before or after the server applied. */
  hangBeforeSend?: (env: RecordEnvelope) => boolean;
  hangAfterApply?: (env: RecordEnvelope) => boolean;
  /** The server refuses the record (e.g. unknown measure). */
  reject?: (env: RecordEnvelope) => boolean;
  /** Network fails during a photo upload (before the server stored it). */
  failUpload?: (meta: PhotoUploadMeta) => boolean;
  /** The server forgets a received photo (so it is reported missing again). */
  loseUpload?: (meta: PhotoUploadMeta) => boolean;
}

const never = <T>() => new Promise<T>(() => {});

export function createFakeServer(now: () => number) {
  const records = new Map<string, ServerRecord>();
  const photos = new Map<string, string>(); // photo id -> sha256 of complete bytes
  const creates = new Map<string, number>();
  const sent: { recordId: string; revision: number }[] = [];
  const uploads: string[] = [];
  const faults: Faults = {};

  function receive(env: RecordEnvelope): ServerAnswer {
    const checked = validateEnvelope(env, new Date(now()));
    if (!checked.ok) return rejectedAnswer(env.recordId, checked.error);
    const incoming = checked.value;
    if (faults.reject?.(incoming)) {
      return rejectedAnswer(incoming.recordId, {
        code: SYNC_ERROR_CODES.UNKNOWN_REFERENCE,
        message: "measureIds[0] is not a measure of this problem",
      });
    }
    const current = records.get(incoming.recordId) ?? null;
    const decision = decide(current?.state ?? null, incoming);
    const state = applyDecision(current?.state ?? null, incoming, decision);
    if (decision.type === "CREATE") creates.set(incoming.recordId, (creates.get(incoming.recordId) ?? 0) + 1);
    const content = contentOf(incoming);
    if (decision.type === "CREATE" || decision.type === "UPDATE") {
      records.set(incoming.recordId, { state, content, held: current?.held ?? null });
    } else if (decision.type === "CONFLICT" && !decision.replay) {
      records.set(incoming.recordId, { ...current!, state, held: content });
    }
    const missing = incoming.photos.filter((p) => photos.get(p.id) !== p.sha256).map((p) => p.id);
    return answerFor(incoming.recordId, decision, state, missing);
  }

  const transport: SyncTransport = {
    async sendRecord(envelope) {
      if (isProgressEnvelope(envelope)) throw new Error("This fake server takes inspection records only");
      const env = structuredClone(envelope); // what went over the wire, not the caller's object
      sent.push({ recordId: env.recordId, revision: env.revision });
      if (faults.hangBeforeSend?.(env)) return never();
      if (faults.failBeforeSend?.(env))
        throw new TransportError("NETWORK", "Network request failed", { retryable: true });
      const busy = faults.busyFor?.(env) ?? 0;
      if (busy > 0) {
        throw new TransportError("SYNC_BUSY", "The server is busy", { retryable: true, retryAfterMs: busy });
      }
      const answer = receive(env);
      if (faults.hangAfterApply?.(env)) return never();
      if (faults.dropAnswer?.(env))
        throw new TransportError("NETWORK", "Connection reset before the answer", { retryable: true });
      return structuredClone(answer);
    },
    async uploadPhoto(meta, bytes) {
      if (faults.failUpload?.(meta)) throw new TransportError("NETWORK", "Upload interrupted", { retryable: true });
      if (!records.has(meta.recordId)) {
        throw new TransportError(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, `record ${meta.recordId} unknown`, {
          retryable: false,
        });
      }
      if (bytes.length !== meta.size || sha256Hex(bytes) !== meta.sha256) {
        throw new TransportError(SYNC_ERROR_CODES.PHOTO_MISMATCH, `photo ${meta.fileName} does not match its sha256`, {
          retryable: false,
        });
      }
      uploads.push(meta.id);
      if (!faults.loseUpload?.(meta)) photos.set(meta.id, meta.sha256);
    },
  };

  return {
    transport,
    records,
    photos,
    creates,
    sent,
    uploads,
    faults,
    /** A supervisor edits the record on the web. */
    foreignEdit(recordId: string, findings: string) {
      const r = records.get(recordId)!;
      const content = { ...r.content, findings } as RecordContent;
      records.set(recordId, { ...r, content, state: applyForeignEdit(r.state, contentHash(content)) });
    },
    resolve(recordId: string, keep: "device" | "server") {
      const r = records.get(recordId)!;
      records.set(recordId, {
        state: resolveConflict(r.state, { keep }),
        content: keep === "device" ? r.held! : r.content,
        held: null,
      });
    },
  };
}

export type FakeServer = ReturnType<typeof createFakeServer>;
