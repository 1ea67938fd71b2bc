// Shared HTTP plumbing of the sync transport: same-origin fetch with a timeout, and the mapping of network and
// HTTP failures onto TransportError. Invariant: nothing that is not the record's own fault is ever non-retryable.
import { TransportError } from "../outbox/index.ts";

export const SYNC_TRANSPORT_CODES = {
  /** The device has no network (navigator.onLine false when the request failed). */
  OFFLINE: "SYNC_OFFLINE",
  /** The device is online but the server did not answer (connection failed, or a proxy's 502/503/504). */
  UNREACHABLE: "SYNC_UNREACHABLE",
  /** Older releases' code for any failed fetch; still found in entries saved by them. */
  NETWORK: "SYNC_NETWORK",
  TIMEOUT: "SYNC_TIMEOUT",
  SERVER_ERROR: "SYNC_SERVER_ERROR",
  RATE_LIMITED: "SYNC_RATE_LIMITED",
  /** The server is at capacity (SYNC_BUSY): retry after its Retry-After. */
  BUSY: "SYNC_BUSY",
  AUTH_REQUIRED: "SYNC_AUTH_REQUIRED",
  FORBIDDEN: "SYNC_FORBIDDEN",
  /** Another 4xx without a more specific meaning: the server refused the request. */
  REFUSED: "SYNC_REFUSED",
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

/** fetch (of a path on baseUrl, or an absolute URL) with cookies of this origin and a timeout; network failures and timeouts become retryable errors. */
export async function request(http: HttpOptions, path: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, http.timeoutMs);
  try {
    return await http.fetch(/^https?:\/\//.test(path) ? path : `${http.baseUrl}${path}`, {
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
    throw networkError(cause);
  } finally {
    clearTimeout(timer);
  }
}

function deviceOffline(): boolean {
  return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
}

/** A request that got no answer: no network on the device, or a server that cannot be reached. Retryable. */
export function networkError(cause: unknown): TransportError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return deviceOffline()
    ? new TransportError(SYNC_TRANSPORT_CODES.OFFLINE, `Offline: ${message}`, { retryable: true, cause })
    : new TransportError(SYNC_TRANSPORT_CODES.UNREACHABLE, `Server unreachable: ${message}`, {
        retryable: true,
        cause,
      });
}

export function authRequired(http: HttpOptions): TransportError {
  http.onAuthRequired();
  // Retryable: the record is fine; it goes once the inspector has logged in again.
  return new TransportError(SYNC_TRANSPORT_CODES.AUTH_REQUIRED, "Log in again to sync", { retryable: true });
}

/** Classifies a failed HTTP status that has no protocol-specific meaning. */
export function statusError(http: HttpOptions, res: { status: number }, what: string): TransportError {
  if (res.status === 401) return authRequired(http);
  if (res.status === 403) {
    return new TransportError(SYNC_TRANSPORT_CODES.FORBIDDEN, `${what}: not allowed (HTTP 403)`, { retryable: false });
  }
  if (res.status === 429) {
    return new TransportError(SYNC_TRANSPORT_CODES.RATE_LIMITED, `${what}: rate limited (HTTP 429)`, {
      retryable: true,
    });
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    // A proxy (or the server's own front) answers for a server that is not there: the same as no answer.
    return new TransportError(SYNC_TRANSPORT_CODES.UNREACHABLE, `${what}: HTTP ${res.status}`, { retryable: true });
  }
  if (res.status >= 400 && res.status < 500) {
    // Not this record's proven fault, so retried; the inspector sees that the server refused it.
    return new TransportError(SYNC_TRANSPORT_CODES.REFUSED, `${what}: HTTP ${res.status}`, { retryable: true });
  }
  return new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, `${what}: HTTP ${res.status}`, { retryable: true });
}

/** GET /healthz with a short timeout: true when the server answers 2xx. Never throws. */
export async function probeServer(http: HttpOptions, timeoutMs = 5_000): Promise<boolean> {
  try {
    const res = await request({ ...http, timeoutMs }, "/healthz", { method: "GET", cache: "no-store" });
    return res.ok;
  } catch {
    return false;
  }
}
