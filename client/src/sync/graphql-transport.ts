// The outbox's SyncTransport over this server: records via the syncRecord GraphQL mutation, progress reports via
// syncProgressReport, photos and evidence via the resumable /uploads endpoint, all authenticated by the HttpOnly
// session cookie (same origin).
// Invariant: only a record's own fault is non-retryable; session loss is retryable and reported to the UI.
import { isProgressEnvelope, type ServerAnswer } from "@rectify/server/sync";
import { stringifyDocument } from "urql";
import { graphql } from "../graphql/tada.ts";
import {
  TransportError,
  type OutboxEnvelope,
  type PhotoUploadMeta,
  type SyncTransport,
  type UploadProgressCallback,
  type UploadResume,
} from "../outbox/index.ts";
import { authRequired, probeServer, request, statusError, SYNC_TRANSPORT_CODES, type HttpOptions } from "./http.ts";
import { uploadPhoto, UPLOAD_CHUNK_BYTES } from "./photo-upload.ts";

export const SYNC_RECORD_MUTATION = graphql(`
  mutation SyncRecord($e: JSON!) {
    syncRecord(envelope: $e) {
      recordId
      outcome
      serverVersion
      missingPhotos
      error {
        code
        message
      }
    }
  }
`);

export const SYNC_PROGRESS_MUTATION = graphql(`
  mutation SyncProgressReport($e: JSON!) {
    syncProgressReport(envelope: $e) {
      recordId
      outcome
      serverVersion
      missingPhotos
      error {
        code
        message
      }
    }
  }
`);

// Sent as plain JSON over fetch (not urql: the outbox owns retries and classification), as the text urql would send.
const SYNC_RECORD_TEXT = stringifyDocument(SYNC_RECORD_MUTATION);
const SYNC_PROGRESS_TEXT = stringifyDocument(SYNC_PROGRESS_MUTATION);

export interface GraphqlTransportOptions {
  /** Bytes the server holds of a file being uploaded (after each chunk), for a progress bar. */
  onUploadProgress?: (meta: PhotoUploadMeta, sent: number, total: number) => void;
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Per request; a phone on a weak signal needs patience, a hung request must still end. */
  timeoutMs?: number;
  chunkBytes?: number;
  onAuthRequired?: () => void;
}

interface GraphqlBody {
  data?: { syncRecord?: ServerAnswer | null; syncProgressReport?: ServerAnswer | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createGraphqlTransport(options: GraphqlTransportOptions = {}): SyncTransport {
  const http: HttpOptions = {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    baseUrl: options.baseUrl ?? "",
    timeoutMs: options.timeoutMs ?? 60_000,
    onAuthRequired: options.onAuthRequired ?? (() => undefined),
  };
  const chunkBytes = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;

  async function sendRecord(envelope: OutboxEnvelope): Promise<ServerAnswer> {
    const progress = isProgressEnvelope(envelope);
    const field = progress ? "syncProgressReport" : "syncRecord";
    const res = await request(http, "/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({
        query: progress ? SYNC_PROGRESS_TEXT : SYNC_RECORD_TEXT,
        variables: { e: envelope },
      }),
    });
    let body: GraphqlBody | null = null;
    try {
      body = (await res.json()) as GraphqlBody;
    } catch {
      // not JSON (a proxy's error page): classified by status below
    }
    const codes = (body?.errors ?? []).map((e) => e.extensions?.code);
    if (res.status === 401 || codes.includes("UNAUTHENTICATED")) throw authRequired(http);
    if (codes.includes("FORBIDDEN")) {
      // This user may not record at all (e.g. a unit liaison): no retry can help, the inspector must see it.
      throw new TransportError(SYNC_TRANSPORT_CODES.FORBIDDEN, body!.errors!.map((e) => e.message).join("; "), {
        retryable: false,
      });
    }
    if (codes.includes("SYNC_BUSY")) {
      // Overload: not the record's fault; come back after the server's Retry-After (seconds).
      const seconds = Number(res.headers.get("retry-after")) || 5;
      throw new TransportError(SYNC_TRANSPORT_CODES.BUSY, "The server is busy; trying again shortly", {
        retryable: true,
        retryAfterMs: seconds * 1000,
      });
    }
    const answer = body?.data?.[field];
    // A masked internal error (INTERNAL_SERVER_ERROR) is the server's fault, handled below as SYNC_SERVER_ERROR.
    const typed = body?.errors?.find((e) => !!e.extensions?.code && e.extensions.code !== "INTERNAL_SERVER_ERROR");
    if (!answer && typed && !(res.status >= 500)) {
      // A refusal with a code from the server's error catalogue (e.g. RATE_LIMITED, CSRF_REJECTED): the UI
      // translates the code. Retried: none of these proves the record itself wrong.
      throw new TransportError(typed.extensions!.code!, `${field}: ${typed.message}`, { retryable: true });
    }
    if (!res.ok && !body?.data) throw statusError(http, res, field);
    if (!answer) {
      // An old server without syncRecord, or a masked internal error: the server's fault, try again later.
      const why = body?.errors?.map((e) => e.message).join("; ") || "no answer";
      throw new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, `${field} failed: ${why}`, { retryable: true });
    }
    return answer;
  }

  return {
    sendRecord,
    uploadPhoto: (
      meta: PhotoUploadMeta,
      bytes: Uint8Array,
      onProgress?: UploadProgressCallback,
      resume?: UploadResume,
    ) =>
      uploadPhoto(
        http,
        meta,
        bytes,
        chunkBytes,
        (sent) => {
          options.onUploadProgress?.(meta, sent, meta.size);
          onProgress?.(sent, meta.size);
        },
        resume,
      ),
    probe: () => probeServer(http),
  };
}
