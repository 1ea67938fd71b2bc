// Prometheus metrics (prom-client), one registry per server: HTTP and GraphQL rate/latency per operation, sync
// outcomes, upload bytes, database pool usage and Node's process metrics. Served at /metrics only when
// METRICS_TOKEN is set, to requests bearing it (ops/ops-routes.ts). Invariant: labels are bounded (route
// patterns, the first 200 plain operation names), never ids or user input verbatim.
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from "prom-client";
import type pg from "pg";

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route">;
  graphqlOperations: Counter<"operation" | "type" | "outcome">;
  graphqlDuration: Histogram<"operation" | "type">;
  syncOutcomes: Counter<"outcome">;
  uploadBytes: Counter;
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(opts: { pool?: pg.Pool; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "rectify_" });
  const pool = opts.pool;
  if (pool) {
    new Gauge({
      name: "rectify_db_pool_connections",
      help: "Database pool connections by state (total, idle, waiting requests)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
        this.set({ state: "max" }, pool.options.max ?? 10);
      },
    });
  }
  return {
    registry,
    httpRequests: new Counter({
      name: "rectify_http_requests_total",
      help: "HTTP requests by route pattern, method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "rectify_http_request_duration_seconds",
      help: "HTTP request duration by route pattern (SSE streams excluded)",
      labelNames: ["route"],
      buckets: BUCKETS,
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: "rectify_graphql_operations_total",
      help: "GraphQL operations by operation name, type and outcome (ok | error)",
      labelNames: ["operation", "type", "outcome"],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: "rectify_graphql_operation_duration_seconds",
      help: "GraphQL operation duration by operation name and type",
      labelNames: ["operation", "type"],
      buckets: BUCKETS,
      registers: [registry],
    }),
    syncOutcomes: new Counter({
      name: "rectify_sync_records_total",
      help: "Synced records by outcome (CREATED, UPDATED, ALREADY_APPLIED, CONFLICT, REJECTED, BUSY)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: "rectify_upload_bytes_total",
      help: "Bytes of photo and file uploads accepted",
      registers: [registry],
    }),
  };
}
