// The server's per-record answer and the error codes of the sync protocol; both sides parse answers with this schema.
import { z } from "zod";

export const SYNC_OUTCOMES = ["CREATED", "UPDATED", "ALREADY_APPLIED", "CONFLICT", "REJECTED"] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/**
 * Codes a server may put in `error`. REJECTED is final for that revision (the device marks the record
 * "needs attention"); anything that is not the record's fault (database down, session expired) must NOT
 * be answered as REJECTED but as a transport-level failure, so the device retries.
 */
export const SYNC_ERROR_CODES = {
  /** The envelope failed validateEnvelope. */
  INVALID_RECORD: "SYNC_INVALID_RECORD",
  /** An edit based on a stale version; both copies are kept for a supervisor. */
  CONFLICT: "SYNC_CONFLICT",
  /** The record id belongs to another inspector, or the user may not record on this problem. */
  FORBIDDEN: "SYNC_FORBIDDEN",
  /** problemId or a measureId does not exist, or a measure is not of that problem. */
  UNKNOWN_REFERENCE: "SYNC_UNKNOWN_REFERENCE",
  /** An uploaded photo's bytes do not match the sha256/size the envelope declared. */
  PHOTO_MISMATCH: "SYNC_PHOTO_MISMATCH",
  /** An evidence file's bytes are not a PDF, .docx, .xlsx or image (sniffed, whatever it was declared as). */
  FILE_TYPE_REFUSED: "SYNC_FILE_TYPE_REFUSED",
} as const;

export interface SyncError {
  code: string;
  message: string;
}

const syncErrorSchema = z.object({ code: z.string().min(1), message: z.string() });

export const serverAnswerSchema = z
  .object({
    recordId: z.string().min(1),
    outcome: z.enum(SYNC_OUTCOMES),
    /**
     * The server version holding this device's latest APPLIED content: the device stores it and sends it
     * as `baseVersion` of its next revision. It is deliberately not the record's current version, which
     * may include a supervisor's edit the device has never seen. null only for REJECTED of an unknown record.
     */
    serverVersion: z.int().min(1).nullable(),
    /** Photo ids of the sent envelope whose bytes the server does not fully hold yet. */
    missingPhotos: z.array(z.string()),
    error: syncErrorSchema.nullable(),
  })
  .refine((a) => (a.outcome === "REJECTED" || a.outcome === "CONFLICT") === (a.error !== null), {
    error: "error must be set exactly for REJECTED and CONFLICT",
    path: ["error"],
  })
  .refine((a) => a.outcome === "REJECTED" || a.serverVersion !== null, {
    error: "serverVersion is required unless REJECTED",
    path: ["serverVersion"],
  });

export type ServerAnswer = z.output<typeof serverAnswerSchema>;

export function rejectedAnswer(recordId: string, error: SyncError, serverVersion: number | null = null): ServerAnswer {
  // Copy only code and message: a validation error's `issues` stay server-side unless the transport adds them.
  return {
    recordId,
    outcome: "REJECTED",
    serverVersion,
    missingPhotos: [],
    error: { code: error.code, message: error.message },
  };
}
