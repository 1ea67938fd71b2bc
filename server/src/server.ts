// The HTTP server: GraphQL at /graphql (with GraphiQL), resumable photo uploads at /uploads, stored photos at
// /files, the PWA at /, and /healthz, /readyz, /metrics for operators. Any number of these processes may serve
// one PostgreSQL: live events go through it (pubsub.ts), and so do limits, sessions and uploads.
// Invariant: close() turns /readyz to 503, drops live SSE streams without `complete` (so their clients reconnect,
// through the proxy, to another server), drains
// in-flight requests (cutting any still open after a grace period), stops listening for live events, then the
// caller closes the database.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.ts";
import { createGraphQL } from "./yoga.ts";
import { createStaticHandler } from "./static-files.ts";
import { withCompression } from "./http/compress.ts";
import { openPubSub } from "./pubsub.ts";
import { PhotoStore } from "./files/photo-store.ts";
import type { BlobStore } from "./files/blob-store.ts";
import { blobStoreFromEnv } from "./files/select-blob-store.ts";
import { createUploadHandler } from "./http/uploads.ts";
import { createFileHandler } from "./http/files.ts";
import { createNoticeHandler } from "./http/notices.ts";
import { createCampaignReportHandler, matchCampaignReport } from "./http/campaign-report.ts";
import { createExportHandler, matchExportRoute } from "./http/exports.ts";
import { createPublicHandler } from "./http/public-pages.ts";
import { securityFromEnv, type SecuritySettings } from "./security/settings.ts";
import { createHttpGuard } from "./security/http-guard.ts";
import { SyncGate } from "./security/sync-gate.ts";
import { createLogger, type Logger } from "./ops/logger.ts";
import { createMetrics, type Metrics } from "./ops/metrics.ts";
import { observeRequest } from "./ops/request-log.ts";
import { createOpsHandler, opsFromEnv, type OpsSettings } from "./ops/ops-routes.ts";

export const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface AppServer {
  http: Server;
  url: string;
  metrics: Metrics;
  /** How live events travel: in this process only, or through PostgreSQL to every server. */
  liveEvents: "local" | "postgres";
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
  /** METRICS_TOKEN (default: from the environment). */
  ops?: OpsSettings;
  /** Structured log (default: none; `pnpm start` passes one writing JSON lines to stdout). */
  logger?: Logger;
  /** Where photo and evidence bytes live (default: BLOB_STORE / S3_* / the database's kind, see select-blob-store). */
  blobs?: BlobStore;
}

export async function startServer(opts: ServerOptions): Promise<AppServer> {
  const logger = opts.logger ?? createLogger({ level: "silent" });
  const metrics = createMetrics({ pool: opts.db.pool });
  const shared = await openPubSub({ databaseUrl: opts.db.databaseUrl ?? undefined, logger });
  const pubsub = shared.pubsub;
  // Aborted when shutdown begins: /readyz answers 503.
  const draining = new AbortController();
  const ops = createOpsHandler({
    prisma: opts.db.prisma,
    metrics,
    settings: opts.ops ?? opsFromEnv(),
    draining: draining.signal,
  });
  const photos = new PhotoStore(opts.blobs ?? (await blobStoreFromEnv({ db: opts.db, dataDir: opts.dataDir })));
  const security = opts.security ?? securityFromEnv();
  const guard = createHttpGuard(security);
  // Sync transactions at once: PGlite has one connection; PostgreSQL's pool (10) keeps room for reads.
  const syncGate = new SyncGate({ concurrency: opts.db.kind === "pglite" ? 1 : 5, maxQueue: 200, maxWaitMs: 10_000 });
  const yoga = createGraphQL({
    prisma: opts.db.prisma,
    pubsub,
    photos,
    security,
    syncGate,
    metrics,
  });
  const serveStatic = createStaticHandler(opts.distDir ?? clientDist);
  const uploads = createUploadHandler(opts.db.prisma, photos);
  const files = createFileHandler(opts.db.prisma, photos);
  const notices = createNoticeHandler(opts.db.prisma);
  const campaignReports = createCampaignReportHandler(opts.db.prisma, photos);
  const downloads = createExportHandler(opts.db.prisma);
  const publicPages = createPublicHandler(opts.db.prisma, security);
  const fail = (res: ServerResponse) => (err: unknown) => {
    logger.error({ err }, "request failed");
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  };
  // Open live streams (SSE): dropped at shutdown; a `complete` would end the client's subscription for good.
  const streams = new Set<ServerResponse>();
  const http = createHttpServer((req, res) => {
    observeRequest(req, res, logger, metrics);
    if (/text\/event-stream/.test(req.headers.accept ?? "")) {
      streams.add(res);
      res.once("close", () => streams.delete(res));
    }
    if (!guard(req, res)) return;
    withCompression(req, res, () => route(req, res));
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url === "/graphql" || url.startsWith("/graphql?")) {
      void yoga.handle(req, res);
      return;
    }
    const upload = url.match(/^\/uploads(?:\/([^/?]+))?\/?$/);
    if (upload) {
      uploads(req, res, upload[1]).catch(fail(res));
      return;
    }
    const file = url.match(/^\/files\/([^/?]+)(\?download=1)?$/);
    if (file) {
      files(req, res, file[1]!, !!file[2]).catch(fail(res));
      return;
    }
    const campaignReport = matchCampaignReport(url);
    if (campaignReport) {
      campaignReports(req, res, campaignReport.id, campaignReport.format).catch(fail(res));
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
    if (url === "/healthz" || url === "/readyz" || url === "/metrics" || /^\/(readyz|metrics)\?/.test(url)) {
      ops(req, res).catch(fail(res));
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
  let closing: Promise<void> | null = null;
  const drain = (graceMs: number) =>
    new Promise<void>((resolve, reject) => {
      draining.abort();
      for (const res of streams) res.destroy();
      // Requests still running may take longer than the grace period (a stuck client): then they are cut.
      const cut = setTimeout(() => http.closeAllConnections(), graceMs);
      // Keep-alive connections become idle as their last response (or ended stream) finishes.
      const idle = setInterval(() => http.closeIdleConnections(), 50);
      http.close((err) => {
        clearTimeout(cut);
        clearInterval(idle);
        if (err) reject(err);
        else resolve();
      });
      http.closeIdleConnections();
    });
  return {
    http,
    url: `http://localhost:${port}`,
    metrics,
    liveEvents: shared.transport,
    close: (graceMs = 5000) => (closing ??= drain(graceMs).finally(() => shared.close())),
  };
}
