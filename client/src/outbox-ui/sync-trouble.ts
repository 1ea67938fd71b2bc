// Why sync is stuck, in the inspector's words: every sync error code maps to a kind (no network, server unreachable,
// server refused, session expired…) and a message key. Invariant: the UI never shows an error's raw (English)
// message as the explanation; unknown codes get the generic localized message, the raw text only as a detail.
import type { SyncError } from "@rectify/server/sync";
import { hasKey, type MessageKey } from "../i18n/i18n.ts";
import { NO_ANSWER_CODES } from "../outbox/server-probe.ts";

export type TroubleKind = "offline" | "unreachable" | "serverError" | "busy" | "expired" | "refused" | "other";

export interface Trouble {
  kind: TroubleKind;
  key: MessageKey;
  /** Code and raw message, for a collapsible technical line only. */
  detail: string;
}

const SERVER_ERROR = new Set([
  "SYNC_SERVER_ERROR",
  "SYNC_BAD_ANSWER",
  "SYNC_PHOTOS_INCOMPLETE",
  "INTERNAL_SERVER_ERROR",
]);
const BUSY = new Set(["SYNC_BUSY", "SYNC_RATE_LIMITED", "RATE_LIMITED"]);
const EXPIRED = new Set(["SYNC_AUTH_REQUIRED", "UNAUTHENTICATED"]);
/** Not a refusal by the server: the device lacks something, or the transport misbehaved. */
const DEVICE = new Set(["SYNC_PHOTO_UNAVAILABLE", "SYNC_UNEXPECTED"]);

function kindOf(code: string, online: boolean): TroubleKind {
  // The device being offline now is the first thing to fix, whatever the last failure was called.
  if (NO_ANSWER_CODES.has(code)) return !online || code === "SYNC_OFFLINE" ? "offline" : "unreachable";
  if (SERVER_ERROR.has(code)) return "serverError";
  if (BUSY.has(code)) return "busy";
  if (EXPIRED.has(code)) return "expired";
  if (DEVICE.has(code)) return "other";
  return hasKey(`syncError.${code}`) ? "refused" : "other";
}

/** The kind and message key of a sync error; `online` is navigator.onLine now. */
export function describeSyncError(error: SyncError, online: boolean): Trouble {
  const kind = kindOf(error.code, online);
  const detail = `${error.code}: ${error.message}`;
  if (kind === "offline") return { kind, key: "syncError.SYNC_OFFLINE", detail };
  // Older releases stored SYNC_NETWORK for any failed fetch; while online that means the server did not answer.
  if (error.code === "SYNC_NETWORK") {
    return { kind, key: "syncError.SYNC_UNREACHABLE", detail };
  }
  const key = `syncError.${error.code}`;
  return { kind, key: hasKey(key) ? key : "syncError.other", detail };
}
