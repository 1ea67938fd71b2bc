// Shared HTTP plumbing of the sync transport: same-origin fetch with a timeout, and the mapping of network and
// HTTP failures onto TransportError. Invariant: nothing that is not the record's own fault is ever non-retryable.
import { TransportError } from "../outbox/index.ts";

export const SYNC_TRANSPORT_CODES = {
  NETWORK: "SYNC_NETWORK",
  TIMEOUT: "SYNC_TIMEOUT",
  SERVER_ERROR: "SYNC_SERVER_ERROR",
  RATE_LIMITED: "SYNC_RATE_LIMITED",
  /** The server is at capacity (SYNC_BUSY): retry after its Retry-After. */
  BUSY: "SYNC_BUSY",
  AUTH_REQUIRED: "SYNC_AUTH_REQUIRED",
  FORBIDDEN: "SYNC_FORBIDDEN",
  PHOTO_MISMATCH: "SYNC_PHOTO_MISMATCH",
  PHOTO_TOO_LARGE: "SYNC_PHOTO_TOO_LARGE",
  PHOTO_UNKNOWN: "SYNC_PHOTO_UNKNOWN",
  /** The server sniffed an evidence file and it is not a PDF, .docx, .xlsx or image (HTTP 415). */
  FILE_TYPE_REFUSED: "SYNC_FILE_TYPE_REFUSED",
} as const;

export interface HttpOptions {
  fetch: typeof fetch;
  /** "" for the page's own origin. */
  baseUrl: string;
  timeoutMs: number;
  /** Called when the server says the session is gone (the UI asks to log in again; the outbox is kept). */
  onAuthRequired: () => void;
}

/** fetch with cookies of this origin and a timeout; network failures and timeouts become retryable errors. */
export async function request(http: HttpOptions, path: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, http.timeoutMs);
  try {
    return await http.fetch(`${http.baseUrl}${path}`, {
      ...init,
      credentials: "same-origin",
      signal: controller.signal,
    });
  } catch (cause) {
    if (timedOut) {
      throw new TransportError(SYNC_TRANSPORT_CODES.TIMEOUT, `No answer within ${http.timeoutMs} ms`, {
        retryable: true,
        cause,
      });
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new TransportError(SYNC_TRANSPORT_CODES.NETWORK, `Network error: ${message}`, { retryable: true, cause });
  } finally {
    clearTimeout(timer);
  }
}

export function authRequired(http: HttpOptions): TransportError {
  http.onAuthRequired();
  // Retryable: the record is fine; it goes once the inspector has logged in again.
  return new TransportError(SYNC_TRANSPORT_CODES.AUTH_REQUIRED, "Log in again to sync", { retryable: true });
}

/** Classifies a failed HTTP status that has no protocol-specific meaning. */
export function statusError(http: HttpOptions, res: Response, what: string): TransportError {
  if (res.status === 401) return authRequired(http);
  if (res.status === 403) {
    return new TransportError(SYNC_TRANSPORT_CODES.FORBIDDEN, `${what}: not allowed (HTTP 403)`, { retryable: false });
  }
  if (res.status === 429) {
    return new TransportError(SYNC_TRANSPORT_CODES.RATE_LIMITED, `${what}: rate limited (HTTP 429)`, {
      retryable: true,
    });
  }
  return new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, `${what}: HTTP ${res.status}`, { retryable: true });
}
