// What the sync loop needs from the network (the app implements it over GraphQL/HTTP), and how failures must be classified.
import type { ServerAnswer } from "@rectify/server/sync";
import type { OutboxEnvelope } from "./outbox-store.ts";

/** A photo or evidence file as uploaded: the envelope's file reference plus the record (or report) it belongs to. */
export interface PhotoUploadMeta {
  id: string;
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
  /** Record photos carry their variant ("original" | "stamped"); evidence files have none. */
  variant?: string;
  recordId: string;
}

/** Where a resumable upload stands on the device: the upload URL kept in the outbox entry, and how to keep a new one. */
export interface UploadResume {
  url?: string;
  saveUrl(url: string): Promise<void>;
}

export interface SyncTransport {
  /** Sends one envelope (a record or a progress report); resolves with the server's answer for it (the loop validates the answer). */
  sendRecord(envelope: OutboxEnvelope): Promise<ServerAnswer>;
  /**
   * Uploads a photo's bytes; resolves once the server stored and verified them (idempotent by photo id).
   * onProgress: call with the bytes the server holds of this photo (bytesSent <= bytesTotal) as they grow; the
   * engine turns it into per-record and overall progress. Optional to call, never required for correctness.
   */
  uploadPhoto(
    meta: PhotoUploadMeta,
    bytes: Uint8Array,
    onProgress?: UploadProgressCallback,
    /** The upload URL kept in the outbox entry, and where to keep a new one (resumes after a reload). */
    resume?: UploadResume,
  ): Promise<void>;
  /**
   * A cheap "is the server there?" (GET /healthz): true once it answers. While work waits after the server was
   * unreachable, the engine probes with backoff and sends as soon as this says true. Must not throw.
   */
  probe?(): Promise<boolean>;
}

/** Bytes of one photo the server holds so far, out of its size. */
export type UploadProgressCallback = (bytesSent: number, bytesTotal: number) => void;

/**
 * The only error a transport should throw.
 * retryable: true: nothing is wrong with this record (offline, timeout, 5xx, session expired, rate
 *   limited). The pass stops and the queue waits with backoff, keeping its order.
 * retryable: false: this record or photo itself is refused outside the answer protocol (HTTP 413, a
 *   photo whose bytes do not match its sha256). The entry needs attention; the pass goes on.
 * Any other thrown value is treated as retryable, so a transport bug delays records but never loses them.
 */
export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly code: string;
  readonly retryable: boolean;
  /** The server said when to come back (SYNC_BUSY, Retry-After): the next attempt waits at least this long. */
  readonly retryAfterMs: number;

  constructor(code: string, message: string, options: { retryable: boolean; cause?: unknown; retryAfterMs?: number }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? 0;
  }
}
