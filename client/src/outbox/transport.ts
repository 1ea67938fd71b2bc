// What the sync loop needs from the network (the app implements it over GraphQL/HTTP), and how failures must be classified.
import type { PhotoRef, RecordEnvelope, ServerAnswer } from "@rectify/server/sync";

/** A photo as uploaded: the envelope's photo reference plus the record it belongs to. */
export interface PhotoUploadMeta extends PhotoRef {
  recordId: string;
}

export interface SyncTransport {
  /** Sends one envelope; resolves with the server's answer for it (the loop validates the answer). */
  sendRecord(envelope: RecordEnvelope): Promise<ServerAnswer>;
  /** Uploads a photo's bytes; resolves once the server stored and verified them (idempotent by photo id). */
  uploadPhoto(meta: PhotoUploadMeta, bytes: Uint8Array): Promise<void>;
}

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

  constructor(code: string, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}
