// GET /files/<attachmentId>[?download=1]: a stored photo's or evidence file's bytes. Staff read all; a unit
// liaison only the evidence of its own unit's measures (and what it uploaded itself), never record photos; the
// public only files a supervisor published on a public progress update of a published inspection.
// Invariants: anything else is 403 (logged in) or 401 (anonymous), never a hint that the file exists elsewhere;
// images and PDFs open inline (preview), other types download; types are the sniffed ones.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { previewable } from "../files/evidence-types.ts";
import { measureWhereForUnit, publishedInspectionIds } from "../queries/visibility.ts";
import { requestUser } from "./request-user.ts";

const STAFF = new Set(["ADMIN", "SUPERVISOR", "INSPECTOR"]);

type User = NonNullable<Awaited<ReturnType<typeof requestUser>>>;

async function mayRead(prisma: PrismaClient, user: User | null, attachmentId: string): Promise<boolean> {
  if (user && STAFF.has(user.role)) return true;
  const att = await prisma.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      uploadedById: true,
      published: true,
      progressUpdate: { select: { measureId: true, public: true, problem: { select: { inspectionId: true } } } },
    },
  });
  const update = att?.progressUpdate;
  if (!att || !update) return false; // record photos: staff only
  if (user?.role === "UNIT_LIAISON") {
    if (att.uploadedById === user.id) return true;
    if (!user.unitId || !update.measureId) return false;
    const n = await prisma.measure.count({ where: { id: update.measureId, ...measureWhereForUnit(user.unitId) } });
    return n > 0;
  }
  if (user) return false;
  return att.published && update.public && (await publishedInspectionIds(prisma)).has(update.problem.inspectionId);
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
function disposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createFileHandler(prisma: PrismaClient, photos: PhotoStore) {
  return async (req: IncomingMessage, res: ServerResponse, photoId: string, download = false) => {
    const user = await requestUser(prisma, req);
    const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(photoId);
    if (!valid || !(await mayRead(prisma, user, photoId))) return void res.writeHead(user ? 403 : 401).end();
    const att = await prisma.attachment.findUnique({ where: { id: photoId } });
    const stream = att?.completedAt ? await photos.open(att.sha256) : null;
    if (!att || !stream) return void res.writeHead(404).end();
    const inline = !download && previewable(att.mimeType);
    res.writeHead(200, {
      "Content-Type": att.mimeType,
      "Content-Length": att.size,
      "Content-Disposition": disposition(inline ? "inline" : "attachment", att.fileName),
      // Content-addressed and immutable; private because it needs a login (or was published on purpose).
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") {
      stream.destroy();
      return void res.end();
    }
    stream.on("error", () => res.destroy()).pipe(res);
  };
}
