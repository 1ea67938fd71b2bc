// GET /exports/campaign/<id>.html (printable) and /exports/campaign/<id>.docx: the campaign report (督查情况通报)
// with the records' stamped photos (HTML: /files/<id>; .docx: embedded from the blob store), for supervisors and
// admins (401 without a login, 403 for other roles, 404 for an unknown campaign).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { readAll } from "../files/blob-store.ts";
import { loadCampaignReport } from "../exports/campaign-report-data.ts";
import { campaignReportDocx, campaignReportHtml } from "../exports/campaign-report.ts";
import { requestUser } from "./request-user.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function matchCampaignReport(url: string): { id: string; format: "html" | "docx" } | null {
  const m = url.match(/^\/exports\/campaign\/([^/?.]+)\.(html|docx)(?:\?.*)?$/);
  return m ? { id: m[1]!, format: m[2] as "html" | "docx" } : null;
}

export function createCampaignReportHandler(prisma: PrismaClient, photos: PhotoStore) {
  const read = async (sha256: string) => {
    const stream = await photos.open(sha256);
    return stream ? readAll(stream) : null;
  };
  return async (req: IncomingMessage, res: ServerResponse, id: string, format: "html" | "docx") => {
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { Allow: "GET, HEAD" }).end();
    const user = await requestUser(prisma, req);
    if (!user) return void res.writeHead(401).end();
    if (user.role !== "ADMIN" && user.role !== "SUPERVISOR") return void res.writeHead(403).end();
    const data = UUID.test(id) ? await loadCampaignReport(prisma, id.toLowerCase()) : null;
    if (!data) return void res.writeHead(404).end();
    const body =
      format === "html" ? Buffer.from(campaignReportHtml(data), "utf8") : await campaignReportDocx(data, read);
    const fileName = encodeURIComponent(`${data.name}督查情况通报.docx`);
    res.writeHead(200, {
      "Content-Type":
        format === "html"
          ? "text/html; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Length": body.length,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...(format === "html"
        ? // Images: the stamped photos, same origin (/files/<id>), which the supervisor's login already reads.
          { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'" }
        : { "Content-Disposition": `attachment; filename="campaign.docx"; filename*=UTF-8''${fileName}` }),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
