// Resumable photo and evidence upload with tus-js-client (tus 1.0.0): POST /uploads creates the upload of a file
// the server knows from its record (metadata attachmentId), or the URL kept in the outbox entry resumes it (HEAD
// for the offset); PATCH chunks from there. Requests go through the sync transport's fetch (cookies, timeout,
// error mapping); tus-js-client stores nothing itself (no-op URL storage: the outbox entry holds the URL).
// Invariants: bytes are only ever sent from the offset the server reported (a lost answer never duplicates
// bytes); a mismatch (422/400) or oversize (413) or refused type (415) is final for that file; everything else
// is retried later by the outbox.
import { Upload, type DetailedError, type HttpRequest, type HttpResponse, type HttpStack } from "tus-js-client";
import { TransportError, type PhotoUploadMeta, type UploadResume } from "../outbox/index.ts";
import { request, statusError, SYNC_TRANSPORT_CODES, type HttpOptions } from "./http.ts";

export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** tus-js-client's HTTP layer over the transport's fetch: same timeouts, cookies and network error mapping. */
function fetchStack(http: HttpOptions): HttpStack {
  return {
    getName: () => "rectify-fetch",
    createRequest(method: string, url: string): HttpRequest {
      const headers: Record<string, string> = {};
      const controller = new AbortController();
      return {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (k, v) => void (headers[k] = v),
        getHeader: (k) => headers[k],
        setProgressHandler: () => undefined, // fetch reports no upload progress; chunks do
        getUnderlyingObject: () => controller,
        abort: async () => controller.abort(),
        async send(body?: Blob | null): Promise<HttpResponse> {
          const res = await request(http, url, { method, headers, body: body ?? undefined });
          const text = method === "HEAD" ? "" : await res.text().catch(() => "");
          return {
            getStatus: () => res.status,
            getHeader: (k) => res.headers.get(k) ?? undefined,
            getBody: () => text,
            getUnderlyingObject: () => res,
          };
        },
      };
    },
  };
}

/** The bytes as tus-js-client reads them: Blob slices (it measures chunks by `.size`). */
function byteReader() {
  return {
    async openFile(input: Uint8Array) {
      return {
        size: input.length,
        slice: async (start: number, end: number) => ({
          value: new Blob([input.slice(start, Math.min(end, input.length))]),
          done: end >= input.length,
        }),
        close: () => undefined,
      };
    },
  };
}

const noUrlStorage = {
  findAllUploads: async () => [],
  findUploadsByFingerprint: async () => [],
  removeUpload: async () => undefined,
  addUpload: async () => "",
};

function failure(http: HttpOptions, meta: PhotoUploadMeta, err: unknown): TransportError {
  if (err instanceof TransportError) return err;
  const detailed = err as DetailedError;
  if (detailed.causingError instanceof TransportError) return detailed.causingError;
  const status = detailed.originalResponse?.getStatus() ?? 0;
  const name = meta.fileName;
  if (status === 422 || status === 400) {
    return new TransportError(
      SYNC_TRANSPORT_CODES.PHOTO_MISMATCH,
      `The server found that ${name} does not match its sha256 or size`,
      { retryable: false },
    );
  }
  if (status === 415) {
    return new TransportError(
      SYNC_TRANSPORT_CODES.FILE_TYPE_REFUSED,
      `The server found that ${name} is not a PDF, .docx, .xlsx or image file`,
      { retryable: false },
    );
  }
  if (status === 413) {
    return new TransportError(SYNC_TRANSPORT_CODES.PHOTO_TOO_LARGE, `The server refused ${name} as too large`, {
      retryable: false,
    });
  }
  if (status === 404) {
    // The server does not know this file: its record has not arrived (or was refused). Send the record first.
    return new TransportError(SYNC_TRANSPORT_CODES.PHOTO_UNKNOWN, `The server does not know photo ${name} yet`, {
      retryable: true,
    });
  }
  if (status > 0) return statusError(http, { status }, `Photo ${name}`);
  const message = err instanceof Error ? err.message : String(err);
  return new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, `Upload of ${name}: ${message}`, { retryable: true });
}

export async function uploadPhoto(
  http: HttpOptions,
  meta: PhotoUploadMeta,
  bytes: Uint8Array,
  chunkBytes = UPLOAD_CHUNK_BYTES,
  /** Told the bytes the server holds after each answer (evidence files show a progress bar). */
  onProgress?: (sent: number) => void,
  /** The upload URL the outbox entry kept, and where to keep a new one. */
  resume?: UploadResume,
): Promise<void> {
  const origin = http.baseUrl || globalThis.location?.origin || "http://localhost";
  let saving: Promise<void> = Promise.resolve();
  // tus-js-client reports the server's offset before each PATCH and after each answer (the fetch stack has no
  // finer progress): every value is bytes the server holds; repeats are dropped.
  let reported = -1;
  const report = (sent: number) => {
    if (sent !== reported) onProgress?.(sent);
    reported = sent;
  };
  await new Promise<void>((resolve, reject) => {
    const upload: Upload = new Upload(bytes as unknown as Blob, {
      endpoint: `${origin}/uploads`,
      uploadUrl: resume?.url ?? null,
      uploadSize: meta.size,
      metadata: { attachmentId: meta.id, filename: meta.fileName, filetype: meta.mimeType },
      chunkSize: chunkBytes,
      fingerprint: async () => `rectify-${meta.id}`,
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: false,
      urlStorage: noUrlStorage,
      fileReader: byteReader(),
      httpStack: fetchStack(http),
      // Only a wrong offset (an answer got lost) is retried here, from the server's offset (HEAD); anything
      // else goes back to the outbox, which owns offline waiting and backoff.
      retryDelays: [0, 200, 1000],
      onShouldRetry: (err) => [409, 423].includes(err.originalResponse?.getStatus() ?? 0),
      onAfterResponse: (req, res) => {
        const length = Number(res.getHeader("Upload-Length"));
        if (req.getMethod() === "HEAD" && res.getStatus() === 200 && Number.isInteger(length) && length !== meta.size) {
          throw new TransportError(
            SYNC_TRANSPORT_CODES.PHOTO_MISMATCH,
            `The server expects ${length} bytes for ${meta.fileName}, this device has ${meta.size}`,
            { retryable: false },
          );
        }
      },
      onUploadUrlAvailable: () => {
        if (resume && upload.url && upload.url !== resume.url) saving = resume.saveUrl(upload.url);
      },
      onProgress: (sent) => report(sent),
      onSuccess: () => {
        report(meta.size);
        resolve();
      },
      onError: (err) => reject(failure(http, meta, err)),
    });
    upload.start();
  });
  await saving.catch(() => undefined); // the URL is only a shortcut: the server finds the upload by its file id
}
