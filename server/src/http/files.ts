// GET /files/<photoId>: a stored photo's bytes, for the staff who may read inspection records.
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { requestUser } from "./request-user.ts";

const STAFF = new Set(["ADMIN", "SUPERVISOR", "INSPECTOR"]);

export function createFileHandler(prisma: PrismaClient, photos: PhotoStore) {
  return async (req: IncomingMessage, res: ServerResponse, photoId: string) => {
    const user = await requestUser(prisma, req);
    if (!user) return void res.writeHead(401).end();
    if (!STAFF.has(user.role)) return void res.writeHead(403).end();
    const att = /^[0-9a-f-]{36}$/.test(photoId) ? await prisma.attachment.findUnique({ where: { id: photoId } }) : null;
    if (!att?.completedAt || !(await photos.has(att.sha256))) return void res.writeHead(404).end();
    res.writeHead(200, {
      "Content-Type": att.mimeType,
      "Content-Length": att.size,
      // Content-addressed and immutable; private because it needs a login.
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(photos.filePath(att.sha256)).pipe(res);
  };
}
