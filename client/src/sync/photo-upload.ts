// Resumable photo upload (tus-like): HEAD /uploads/{id} for the server's offset, then PATCH chunks from there.
// Invariants: bytes are only ever sent from the offset the server reported (a lost answer never duplicates
// bytes); a mismatch (422) or oversize (413) is final for that photo; everything else is retried later.
import { TransportError, type PhotoUploadMeta } from "../outbox/index.ts";
import { request, statusError, SYNC_TRANSPORT_CODES, type HttpOptions } from "./http.ts";

export const UPLOAD_CHUNK_BYTES = 512 * 1024;

function offsetOf(res: Response): number | null {
  const raw = res.headers.get("Upload-Offset");
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

async function headOffset(http: HttpOptions, meta: PhotoUploadMeta): Promise<{ offset: number; complete: boolean }> {
  const res = await request(http, `/uploads/${meta.id}`, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } });
  if (res.status === 404) {
    // The server does not know this photo: its record has not arrived (or was refused). Send the record first.
    throw new TransportError(
      SYNC_TRANSPORT_CODES.PHOTO_UNKNOWN,
      `The server does not know photo ${meta.fileName} yet`,
      {
        retryable: true,
      },
    );
  }
  if (!res.ok) throw statusError(http, res, `Photo ${meta.fileName}`);
  const offset = offsetOf(res);
  const length = Number(res.headers.get("Upload-Length"));
  if (offset === null) {
    throw new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, "Upload-Offset missing in HEAD answer", {
      retryable: true,
    });
  }
  if (Number.isInteger(length) && length !== meta.size) {
    throw new TransportError(
      SYNC_TRANSPORT_CODES.PHOTO_MISMATCH,
      `The server expects ${length} bytes for ${meta.fileName}, this device has ${meta.size}`,
      { retryable: false },
    );
  }
  return { offset, complete: res.headers.get("Upload-Complete") === "1" || offset >= meta.size };
}

export async function uploadPhoto(
  http: HttpOptions,
  meta: PhotoUploadMeta,
  bytes: Uint8Array,
  chunkBytes = UPLOAD_CHUNK_BYTES,
  /** Told the bytes the server holds after each answer (evidence files show a progress bar). */
  onProgress?: (sent: number) => void,
): Promise<void> {
  let { offset, complete } = await headOffset(http, meta);
  onProgress?.(complete ? meta.size : offset);
  // Each round either advances or re-reads the offset; the bound only stops a misbehaving server from looping.
  let rounds = Math.ceil(bytes.length / chunkBytes) * 2 + 8;
  while (!complete) {
    if (rounds-- <= 0) {
      throw new TransportError(SYNC_TRANSPORT_CODES.SERVER_ERROR, `Upload of ${meta.fileName} makes no progress`, {
        retryable: true,
      });
    }
    const end = Math.min(offset + chunkBytes, bytes.length);
    const res = await request(http, `/uploads/${meta.id}`, {
      method: "PATCH",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body: bytes.slice(offset, end),
    });
    if (res.status === 204 || res.status === 200) {
      const next = offsetOf(res);
      if (next !== null) onProgress?.(next);
      if (res.headers.get("Upload-Complete") === "1" || (next !== null && next >= bytes.length)) return;
      if (next === null || next <= offset) ({ offset, complete } = await headOffset(http, meta));
      else offset = next;
    } else if (res.status === 409) {
      // Our offset was wrong (an earlier answer got lost): continue from where the server stands.
      const next = offsetOf(res);
      if (next === null) ({ offset, complete } = await headOffset(http, meta));
      else ({ offset, complete } = { offset: next, complete: next >= bytes.length });
    } else if (res.status === 422) {
      throw new TransportError(
        SYNC_TRANSPORT_CODES.PHOTO_MISMATCH,
        `The server found that ${meta.fileName} does not match its sha256 or size`,
        { retryable: false },
      );
    } else if (res.status === 415) {
      throw new TransportError(
        SYNC_TRANSPORT_CODES.FILE_TYPE_REFUSED,
        `The server found that ${meta.fileName} is not a PDF, .docx, .xlsx or image file`,
        { retryable: false },
      );
    } else if (res.status === 413) {
      throw new TransportError(
        SYNC_TRANSPORT_CODES.PHOTO_TOO_LARGE,
        `The server refused ${meta.fileName} as too large`,
        {
          retryable: false,
        },
      );
    } else if (res.status === 404) {
      throw new TransportError(
        SYNC_TRANSPORT_CODES.PHOTO_UNKNOWN,
        `The server does not know photo ${meta.fileName} yet`,
        {
          retryable: true,
        },
      );
    } else {
      throw statusError(http, res, `Photo ${meta.fileName}`);
    }
  }
}
