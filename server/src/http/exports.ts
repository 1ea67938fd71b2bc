// Downloads: GET /exports/ledger.xlsx (supervisors and admins), /exports/report.txt and /exports/report.docx (the published report, for anyone), /public/report (the public HTML page, no login). Query: ?date=YYYY-MM-DD (report date, default today in Asia/Shanghai), ?inspection=<id>. Invariants: reports only ever come from published inspections; the ledger needs a supervisor's or admin's session (401 without one, 403 for other roles).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import { AppError, ErrorCodes } from "../errors.ts";
import { shanghaiDay } from "../domain/dates.ts";
import { isValidDay } from "../exports/report-from-db.ts";
import { CONTENT_TYPES, contentDisposition, downloadName, exportLedger, exportReport } from "../exports/render.ts";
import { escapeHtml } from "../exports/report-html.ts";
import { publicReportPage } from "./public-report.ts";
import { requestUser } from "./request-user.ts";

export type ExportRoute = "ledger.xlsx" | "report.txt" | "report.docx" | "public-report";

const ROUTES: Record<string, ExportRoute> = {
  "/exports/ledger.xlsx": "ledger.xlsx",
  "/exports/report.txt": "report.txt",
  "/exports/report.docx": "report.docx",
  "/public/report": "public-report",
};

/** The export a request URL asks for, or null when it is not one of these routes. */
export function matchExportRoute(url: string): ExportRoute | null {
  return ROUTES[url.split("?")[0]!] ?? null;
}

const LEDGER_ROLES = new Set(["ADMIN", "SUPERVISOR"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refusal with its status, answered as plain text (or as a small page on the public route). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function queryOf(req: IncomingMessage) {
  const q = new URL(req.url ?? "/", "http://localhost").searchParams;
  const date = q.get("date") ?? shanghaiDay(new Date());
  if (!isValidDay(date)) throw new HttpError(400, `date must be a day as YYYY-MM-DD, got ${date}`);
  const inspectionId = q.get("inspection") ?? undefined;
  if (inspectionId !== undefined && !UUID.test(inspectionId)) throw new HttpError(400, "inspection must be an id");
  return { date, inspectionId };
}

interface Download {
  body: Buffer;
  type: string;
  /** Download name and its ASCII fallback; absent for a page shown in the browser. */
  name?: [string, string];
  /** The ledger is internal: never stored by a shared cache or kept by the browser. */
  private?: boolean;
  /** 200 unless said (the public page answers a too-long search with 400 and the page). */
  status?: number;
}

async function produce(prisma: PrismaClient, req: IncomingMessage, route: ExportRoute): Promise<Download> {
  if (route === "ledger.xlsx") {
    // Who asks is settled before anything about the request is, so a stranger learns nothing from a 400.
    const user = await requestUser(prisma, req);
    if (!user) throw new HttpError(401, "Log in first", { "WWW-Authenticate": 'Bearer realm="rectify"' });
    if (!LEDGER_ROLES.has(user.role)) throw new HttpError(403, "Only supervisors and admins may export the ledger");
    const { inspectionId } = queryOf(req);
    const today = shanghaiDay(new Date());
    const r = await exportLedger(prisma, { inspectionId });
    return {
      body: r.body,
      type: CONTENT_TYPES.xlsx,
      name: [downloadName("ledger", r.inspection.inspectedBody, today, "xlsx"), `rectify-ledger-${today}.xlsx`],
      private: true,
    };
  }
  const { date, inspectionId } = queryOf(req);
  if (route === "public-report") {
    const q = new URL(req.url ?? "/", "http://localhost").searchParams.get("q");
    const p = await publicReportPage(prisma, { inspectionId, date, q });
    return { body: p.body, type: CONTENT_TYPES.html, status: p.status };
  }
  const format = route === "report.txt" ? "txt" : "docx";
  const r = await exportReport(prisma, format, { inspectionId, date });
  return {
    body: r.body,
    type: CONTENT_TYPES[format],
    name: [downloadName("report", r.inspection.inspectedBody, date, format), `rectify-report-${date}.${format}`],
  };
}

/** The public page's answer when there is nothing published: a page, not a bare status. */
function notFoundPage(message: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂无公开的整改进展情况</title></head>
<body><main><h1>暂无公开的整改进展情况</h1><p>${escapeHtml(message)}</p></main></body></html>
`;
}

// Nothing on these responses loads a script or a remote resource; the page's own <style> is all it needs.
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
};
// The public page's search form submits to itself (GET /public/report?q=): the only thing the CSP lets it do.
const PUBLIC_PAGE_HEADERS = {
  ...SECURITY_HEADERS,
  "Content-Security-Policy": SECURITY_HEADERS["Content-Security-Policy"].replace(
    "form-action 'none'",
    "form-action 'self'",
  ),
};

export function createExportHandler(prisma: PrismaClient) {
  return async (req: IncomingMessage, res: ServerResponse, route: ExportRoute): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", ...SECURITY_HEADERS }).end();
      return;
    }
    let d: Download;
    try {
      d = await produce(prisma, req, route);
    } catch (err) {
      const known =
        err instanceof HttpError
          ? err
          : err instanceof AppError && err.code === ErrorCodes.NOT_FOUND
            ? new HttpError(404, err.message)
            : err instanceof AppError && err.code === ErrorCodes.VALIDATION_FAILED
              ? new HttpError(400, err.message)
              : null;
      if (!known) throw err;
      const page = route === "public-report" && known.status === 404;
      const body = page ? notFoundPage(known.message) : `${known.message}\n`;
      res.writeHead(known.status, {
        "Content-Type": page ? CONTENT_TYPES.html : CONTENT_TYPES.txt,
        "Cache-Control": "no-store",
        ...SECURITY_HEADERS,
        ...known.headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    res.writeHead(d.status ?? 200, {
      "Content-Type": d.type,
      "Content-Length": d.body.length,
      // Progress changes with every status change, so a copy is always revalidated.
      "Cache-Control": d.private ? "private, no-store" : "no-cache",
      ...(d.name ? { "Content-Disposition": contentDisposition(...d.name) } : {}),
      ...(route === "public-report" ? PUBLIC_PAGE_HEADERS : SECURITY_HEADERS),
    });
    res.end(req.method === "HEAD" ? undefined : d.body);
  };
}
