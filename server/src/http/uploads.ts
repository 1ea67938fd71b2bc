// Resumable uploads (tus-like) of record photos and progress evidence alike: HEAD /uploads/<attachmentId> tells
// how many bytes the server holds; PATCH with Upload-Offset appends. The file must first be declared by a
// synced record or progress report. Invariants: bytes are accepted only at the current offset (a retried chunk
// is never appended twice); a completed upload is verified against its declared sha256 before it counts;
// evidence is kept only when its sniffed type is an accepted one (415 otherwise), and is stored with that type;
// one upload per attachment at a time.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { photoBytesArrived } from "../queries/record-review.ts";
import { acceptedEvidenceType, sniffMimeType } from "../files/evidence-types.ts";
import { requestUser } from "./request-user.ts";

const MAX_CHUNK = 8 * 1024 * 1024;
const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after any earlier call for the same key has finished. */
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
  res.writeHead(status, { "Cache-Control": "no-store", "Tus-Resumable": "1.0.0", ...headers });
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

export function createUploadHandler(prisma: PrismaClient, photos: PhotoStore) {
  return async (req: IncomingMessage, res: ServerResponse, photoId: string) => {
    const user = await requestUser(prisma, req);
    if (!user) return send(res, 401, {}, "log in first");
    const att = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(photoId)
      ? await prisma.attachment.findUnique({
          where: { id: photoId },
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
    await serialised(photoId, async () => {
      const done = att.completedAt !== null || (await photos.has(att.sha256));
      if (done && !att.completedAt) await photoBytesArrived(prisma, att.sha256);
      const offset = done ? att.size : await photos.received(photoId);
      const state = { "Upload-Offset": offset, "Upload-Length": att.size, ...(done ? { "Upload-Complete": 1 } : {}) };
      if (req.method === "HEAD") return send(res, 200, state);
      if (req.method !== "PATCH") return send(res, 405, { Allow: "HEAD, PATCH" });
      if (done) return send(res, 204, state);
      const claimed = Number(req.headers["upload-offset"]);
      if (!Number.isInteger(claimed) || claimed !== offset) return send(res, 409, state, "wrong Upload-Offset");
      const body = await readBody(req, Math.min(MAX_CHUNK, att.size - offset));
      if (!body) return send(res, 413, state, "chunk larger than what remains of the file");
      const length = await photos.append(photoId, offset, body);
      if (length === null) return send(res, 409, { ...state, "Upload-Offset": await photos.received(photoId) });
      if (length < att.size) return send(res, 204, { "Upload-Offset": length, "Upload-Length": att.size });
      // Evidence: what the bytes are decides, not what the device said (record photos come from the app's camera).
      const sniffed = att.progressUpdateId ? acceptedEvidenceType(await sniffMimeType(photos.partPath(photoId))) : null;
      if (att.progressUpdateId && !sniffed) {
        await photos.discard(photoId);
        return send(
          res,
          415,
          { "Upload-Offset": 0, "Upload-Length": att.size },
          "not a PDF, .docx, .xlsx, JPEG, PNG or WebP file",
        );
      }
      if (!(await photos.complete(photoId, att.sha256))) {
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
    });
  };
}
