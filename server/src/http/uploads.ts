// Resumable uploads of record photos and progress evidence, in the tus 1.0.0 protocol (core + creation):
// OPTIONS /uploads announces the version, extensions and maximum size; POST /uploads with Upload-Length and
// Upload-Metadata "attachmentId <base64>" opens the upload of a file a synced record or progress report has
// declared and answers its Location /uploads/<attachmentId>; HEAD tells the offset; PATCH
// (application/offset+octet-stream) appends at Upload-Offset. Written by hand rather than with @tus/server: the
// upload is pre-declared (its id, size and sha256 come from the synced record), and who may upload, the sniffing
// of evidence and the sha256 check before the bytes count all need the attachment row inside the request; the
// state lives in the shared blob store, so an upload begun on one server continues on any other.
// Invariants: bytes are accepted only at the current offset (a retried chunk is never appended twice, also
// across servers); a completed upload is verified against its declared sha256 before it counts; evidence is kept
// only when its sniffed type is an accepted one (415 otherwise), and is stored with that type.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { photoBytesArrived } from "../queries/record-review.ts";
import { acceptedEvidenceType } from "../files/evidence-types.ts";
import { MAX_EVIDENCE_BYTES } from "../sync/progress-envelope.ts";
import { requestUser } from "./request-user.ts";

const MAX_CHUNK = 8 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TUS = { "Tus-Resumable": "1.0.0" };
const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after any earlier call for the same key has finished (in this process; the store guards across). */
function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  void tail.then(() => {
    if (locks.get(key) === tail) locks.delete(key);
  });
  return run;
}

function send(res: ServerResponse, status: number, headers: Record<string, string | number> = {}, body = "") {
  res.writeHead(status, { "Cache-Control": "no-store", ...TUS, ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** tus Upload-Metadata: comma-separated "key base64value" pairs. */
export function parseUploadMetadata(header: string | undefined): Map<string, string> {
  const meta = new Map<string, string>();
  for (const pair of (header ?? "").split(",")) {
    const [key, value] = pair.trim().split(" ");
    if (key) meta.set(key, value ? Buffer.from(value, "base64").toString("utf8") : "");
  }
  return meta;
}

export function createUploadHandler(prisma: PrismaClient, photos: PhotoStore) {
  return async (req: IncomingMessage, res: ServerResponse, uploadId: string | undefined) => {
    if (req.method === "OPTIONS") {
      return send(res, 204, {
        "Tus-Version": "1.0.0",
        "Tus-Extension": "creation",
        "Tus-Max-Size": MAX_EVIDENCE_BYTES,
      });
    }
    if (req.headers["tus-resumable"] !== "1.0.0") return send(res, 412, { "Tus-Version": "1.0.0" }, "tus 1.0.0 only");
    const user = await requestUser(prisma, req);
    if (!user) return send(res, 401, {}, "log in first");
    if (req.method === "POST" && uploadId !== undefined) return send(res, 405, { Allow: "HEAD, PATCH" });
    if (req.method !== "POST" && uploadId === undefined) return send(res, 405, { Allow: "OPTIONS, POST" });
    let declaredLength: number | null = null;
    if (req.method === "POST") {
      declaredLength = Number(req.headers["upload-length"]);
      if (!Number.isSafeInteger(declaredLength) || declaredLength < 0)
        return send(res, 400, {}, "Upload-Length needed");
      if (declaredLength > MAX_EVIDENCE_BYTES) return send(res, 413, {}, "larger than Tus-Max-Size");
      uploadId = parseUploadMetadata(req.headers["upload-metadata"] as string | undefined).get("attachmentId");
    }
    const att =
      uploadId && UUID.test(uploadId)
        ? await prisma.attachment.findUnique({
            where: { id: uploadId },
            include: { record: { select: { inspectorId: true } } },
          })
        : null;
    if (!att) return send(res, 404, {}, "unknown file: send its record or progress report first");
    const mayUpload =
      att.uploadedById === user.id ||
      att.record?.inspectorId === user.id ||
      user.role === "ADMIN" ||
      user.role === "SUPERVISOR";
    if (!mayUpload) return send(res, 403, {}, "not your file");
    if (declaredLength !== null && declaredLength !== att.size) {
      return send(res, 400, {}, `Upload-Length ${declaredLength} is not the declared size ${att.size}`);
    }
    await serialised(att.id, async () => {
      const done = att.completedAt !== null || (await photos.has(att.sha256));
      if (done && !att.completedAt) await photoBytesArrived(prisma, att.sha256);
      const offset = done ? att.size : await photos.received(att.id);
      const state = { "Upload-Offset": offset, "Upload-Length": att.size, ...(done ? { "Upload-Complete": 1 } : {}) };
      // Creation of a declared file: the upload's URL is its attachment's, so a repeated POST resumes it.
      if (req.method === "POST") return send(res, 201, { ...state, Location: `/uploads/${att.id}` });
      if (req.method === "HEAD") return send(res, 200, state);
      if (req.method !== "PATCH") return send(res, 405, { Allow: "HEAD, PATCH" });
      if (req.headers["content-type"] !== "application/offset+octet-stream") {
        return send(res, 415, state, "PATCH needs Content-Type: application/offset+octet-stream");
      }
      if (done) return send(res, 204, state);
      const claimed = Number(req.headers["upload-offset"]);
      if (!Number.isInteger(claimed) || claimed !== offset) return send(res, 409, state, "wrong Upload-Offset");
      const body = await readBody(req, Math.min(MAX_CHUNK, att.size - offset));
      if (!body) return send(res, 413, state, "chunk larger than what remains of the file");
      const length = await photos.append(att.id, offset, body);
      if (length === null) return send(res, 409, { ...state, "Upload-Offset": await photos.received(att.id) });
      if (length < att.size) return send(res, 204, { "Upload-Offset": length, "Upload-Length": att.size });
      return finish(res, att);
    });
  };

  async function finish(
    res: ServerResponse,
    att: { id: string; sha256: string; size: number; progressUpdateId: string | null },
  ) {
    // Evidence: what the bytes are decides, not what the device said (record photos come from the app's camera).
    const sniffed = att.progressUpdateId ? acceptedEvidenceType(await photos.sniffPart(att.id)) : null;
    if (att.progressUpdateId && !sniffed) {
      await photos.discard(att.id);
      return send(
        res,
        415,
        { "Upload-Offset": 0, "Upload-Length": att.size },
        "not a PDF, .docx, .xlsx, JPEG, PNG or WebP file",
      );
    }
    if (!(await photos.complete(att.id, att.sha256)) && !(await photos.has(att.sha256))) {
      return send(
        res,
        422,
        { "Upload-Offset": 0, "Upload-Length": att.size },
        "bytes do not match the declared sha256",
      );
    }
    if (sniffed) {
      await prisma.attachment.updateMany({
        where: { sha256: att.sha256, progressUpdateId: { not: null } },
        data: { mimeType: sniffed },
      });
    }
    await photoBytesArrived(prisma, att.sha256);
    return send(res, 204, { "Upload-Offset": att.size, "Upload-Length": att.size, "Upload-Complete": 1 });
  }
}
