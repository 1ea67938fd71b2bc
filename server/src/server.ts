// The HTTP server: GraphQL at /graphql (with GraphiQL), resumable photo uploads at /uploads, stored photos at
// /files, the PWA at /. One process, one database.
// Invariant: close() stops accepting, drains in-flight requests (cutting any still open after a grace period, as
// live SSE streams never end by themselves), then the caller closes the database.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.ts";
import { createGraphQL } from "./yoga.ts";
import { createStaticHandler } from "./static-files.ts";
import { withCompression } from "./http/compress.ts";
import { createLedgerPubSub } from "./pubsub.ts";
import { PhotoStore } from "./files/photo-store.ts";
import { createUploadHandler } from "./http/uploads.ts";
import { createFileHandler } from "./http/files.ts";
import { createNoticeHandler } from "./http/notices.ts";
import { createExportHandler, matchExportRoute } from "./http/exports.ts";
import { createPublicHandler } from "./http/public-pages.ts";
import { securityFromEnv, type SecuritySettings } from "./security/settings.ts";
import { createHttpGuard } from "./security/http-guard.ts";
import { SyncGate } from "./security/sync-gate.ts";

export const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface AppServer {
  http: Server;
  url: string;
  /** Resolves once every connection is gone; connections still open after `graceMs` (default 5 s) are cut. */
  close(graceMs?: number): Promise<void>;
}

export interface ServerOptions {
  db: Database;
  dataDir: string;
  port: number;
  host?: string;
  distDir?: string;
  /** PUBLIC_URL, TRUSTED_PROXY, ALLOWED_ORIGINS, SESSION_DAYS, TOKEN_DAYS, GRAPHIQL (default: from the environment). */
  security?: SecuritySettings;
}

export async function startServer(opts: ServerOptions): Promise<AppServer> {
  const pubsub = createLedgerPubSub();
  const photos = new PhotoStore(opts.dataDir);
  const security = opts.security ?? securityFromEnv();
  const guard = createHttpGuard(security);
  // Sync transactions at once: PGlite has one connection; PostgreSQL's pool (10) keeps room for reads.
  const syncGate = new SyncGate({ concurrency: opts.db.kind === "pglite" ? 1 : 5, maxQueue: 200, maxWaitMs: 10_000 });
  const yoga = createGraphQL({ prisma: opts.db.prisma, pubsub, photos, security, syncGate });
  const serveStatic = createStaticHandler(opts.distDir ?? clientDist);
  const uploads = createUploadHandler(opts.db.prisma, photos);
  const files = createFileHandler(opts.db.prisma, photos);
  const notices = createNoticeHandler(opts.db.prisma);
  const downloads = createExportHandler(opts.db.prisma);
  const publicPages = createPublicHandler(opts.db.prisma, security);
  const fail = (res: ServerResponse) => (err: unknown) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  };
  const http = createHttpServer((req, res) => {
    if (!guard(req, res)) return;
    withCompression(req, res, () => route(req, res));
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url === "/graphql" || url.startsWith("/graphql?")) {
      void yoga.handle(req, res);
      return;
    }
    const upload = url.match(/^\/uploads\/([^/?]+)$/);
    if (upload) {
      uploads(req, res, upload[1]!).catch(fail(res));
      return;
    }
    const file = url.match(/^\/files\/([^/?]+)(\?download=1)?$/);
    if (file) {
      files(req, res, file[1]!, !!file[2]).catch(fail(res));
      return;
    }
    // Exports: the ledger workbook, the report as txt/docx, and the public report page.
    const exportRoute = matchExportRoute(url);
    if (exportRoute) {
      downloads(req, res, exportRoute).catch(fail(res));
      return;
    }
    const notice = url.match(/^\/notices\/([^/?.]+)(\/print|\.docx)(?:\?.*)?$/);
    if (notice) {
      notices(req, res, notice[1]!, notice[2] === ".docx" ? "docx" : "html").catch(fail(res));
      return;
    }
    if (url === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    if (url.startsWith("/public/") || url.startsWith("/qr/")) {
      publicPages(req, res)
        .then((handled) => (handled ? undefined : serveStatic(req, res)))
        .catch(fail(res));
      return;
    }
    serveStatic(req, res).catch(fail(res));
  };
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const addr = http.address();
  const port = typeof addr === "object" && addr ? addr.port : opts.port;
  return {
    http,
    url: `http://localhost:${port}`,
    close: (graceMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        // A live subscription (SSE) stays open until its client leaves: without the cut, shutdown waits forever.
        const cut = setTimeout(() => http.closeAllConnections(), graceMs);
        http.close((err) => {
          clearTimeout(cut);
          if (err) reject(err);
          else resolve();
        });
        http.closeIdleConnections();
      }),
  };
}
