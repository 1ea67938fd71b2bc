// One JSON log line and the HTTP metrics per request: request id (X-Request-Id, echoed), method, route pattern,
// path without its query string, status, duration, and for GraphQL the operation name/type and the user id
// (filled in by useObserver, graphql-observer.ts). Invariant: only these chosen fields are logged — never
// headers, query strings, bodies, cookies or tokens.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Metrics } from "./metrics.ts";

export interface RequestInfo {
  id: string;
  userId: string | null;
  operation: string | null;
  operationType: string | null;
  /** A live stream (SSE): its duration is how long it stayed open, kept out of the latency histogram. */
  stream: boolean;
}

const infos = new WeakMap<IncomingMessage, RequestInfo>();

export function requestInfo(req: IncomingMessage): RequestInfo | undefined {
  return infos.get(req);
}

/** A request id from a proxy is kept only if it is short and plain; otherwise a fresh one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** A bounded route label (no ids) for metrics and logs. */
export function routeOf(url: string): string {
  const p = url.split("?")[0]!;
  if (p === "/graphql") return "/graphql";
  if (/^\/(healthz|readyz|metrics)$/.test(p)) return p;
  const m = p.match(/^\/(uploads|files|notices|exports|public|qr)(\/|$)/);
  if (m) return `/${m[1]}/*`;
  if (p.startsWith("/assets/")) return "/assets/*";
  return "static";
}

const QUIET = new Set(["/healthz", "/readyz", "/metrics"]);

export function observeRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics: Metrics) {
  const started = process.hrtime.bigint();
  const info: RequestInfo = { id: requestIdOf(req), userId: null, operation: null, operationType: null, stream: false };
  infos.set(req, info);
  res.setHeader("X-Request-Id", info.id);
  const url = req.url ?? "/";
  const route = routeOf(url);
  res.once("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
    const method = req.method ?? "GET";
    metrics.httpRequests.inc({ route, method, status: String(status) });
    if (!info.stream) metrics.httpDuration.observe({ route }, ms / 1000);
    // Uploads: what was accepted is what the client declared and the server answered 2xx to.
    if (route === "/uploads/*" && (method === "PATCH" || method === "POST") && status < 300) {
      const n = Number(req.headers["content-length"] ?? 0);
      if (Number.isFinite(n) && n > 0) metrics.uploadBytes.inc(n);
    }
    const line = {
      reqId: info.id,
      method,
      route,
      path: url.split("?")[0]!.slice(0, 200),
      status,
      durationMs: Math.round(ms * 10) / 10,
      userId: info.userId,
      operation: info.operation,
      operationType: info.operationType,
      ...(info.stream ? { stream: true } : {}),
    };
    if (QUIET.has(route)) logger.debug(line, "request");
    else if (status >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  });
  return info;
}
