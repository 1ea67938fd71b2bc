// Operator endpoints: GET /healthz (the process is alive), GET /readyz (database reachable, every migration
// applied, not shutting down) and GET /metrics (Prometheus text; off unless METRICS_TOKEN is set, and then only
// with `Authorization: Bearer <METRICS_TOKEN>`). Invariant: none of them reveals data beyond counts and states.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../db.ts";
import { loadMigrations } from "../db/migrate.ts";
import type { Metrics } from "./metrics.ts";

export interface OpsSettings {
  /** Bearer token for /metrics; unset: /metrics answers 404. */
  metricsToken: string | null;
}

export function opsFromEnv(env: NodeJS.ProcessEnv = process.env): OpsSettings {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token && token.length < 16) throw new Error("METRICS_TOKEN must be at least 16 characters");
  return { metricsToken: token };
}

const digest = (s: string) => createHash("sha256").update(s).digest();

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return !!given && timingSafeEqual(digest(given), digest(token));
}

const READY_TIMEOUT_MS = 2000;

export function createOpsHandler(opts: {
  prisma: PrismaClient;
  metrics: Metrics;
  settings: OpsSettings;
  draining: AbortSignal;
}) {
  const expected = loadMigrations().then((ms) => ms.map((m) => m.name));
  const readiness = async (): Promise<{ ready: boolean; database: string; migrations: string }> => {
    if (opts.draining.aborted) return { ready: false, database: "unknown", migrations: "unknown" };
    const names = await expected;
    const check = opts.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), READY_TIMEOUT_MS).unref());
    const rows = await Promise.race([check, timeout]).catch(() => "error" as const);
    if (rows === "timeout" || rows === "error") return { ready: false, database: "unreachable", migrations: "unknown" };
    const done = new Set(rows.map((r) => r.migration_name));
    const pending = names.filter((n) => !done.has(n)).length;
    return { ready: pending === 0, database: "ok", migrations: pending === 0 ? "applied" : `${pending} pending` };
  };
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" })
      .end(JSON.stringify(body));

  /** Answers the request and returns true if it is one of ours. */
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-store" }).end("ok");
      return true;
    }
    if (path === "/readyz") {
      const r = await readiness();
      json(res, r.ready ? 200 : 503, { ...r, shuttingDown: opts.draining.aborted });
      return true;
    }
    if (path === "/metrics") {
      const token = opts.settings.metricsToken;
      if (!token) res.writeHead(404, { "Content-Type": "text/plain" }).end("Not Found");
      else if (!bearerMatches(req, token))
        res.writeHead(401, { "Content-Type": "text/plain", "WWW-Authenticate": "Bearer" }).end("Unauthorized");
      else {
        const text = await opts.metrics.registry.metrics();
        res
          .writeHead(200, { "Content-Type": opts.metrics.registry.contentType, "Cache-Control": "no-store" })
          .end(text);
      }
      return true;
    }
    return false;
  };
}
