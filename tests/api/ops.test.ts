// Operator endpoints on one server (TEST_DB=pglite|postgres): /healthz, /readyz (database reachable, migrations
// applied, refused while shutting down), /metrics off by default and bearer-only with METRICS_TOKEN, and the
// request log: one JSON line per request with id, user id and operation — never a password or token.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type AppServer } from "@rectify/server/server";
import { createUser } from "@rectify/server/queries/users";
import { securityFromEnv } from "@rectify/server/security/settings";
import { createLogger } from "@rectify/server/ops/logger";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

const PASSWORD = "correct horse battery";
const TOKEN = "ops-test-metrics-token-42";
let db: TestDatabase;
let dataDir: string;
let off: AppServer;
let on: AppServer;
let logged = "";

beforeAll(async () => {
  db = await createTestDatabase();
  await createUser(db.prisma, { username: "insp", password: PASSWORD, role: "INSPECTOR" });
  dataDir = await mkdtemp(path.join(tmpdir(), "rectify-ops-"));
  const security = securityFromEnv({});
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logged += chunk;
      cb();
    },
  });
  const logger = createLogger({ level: "debug", destination: sink });
  off = await startServer({ db, dataDir, port: 0, host: "127.0.0.1", security, ops: { metricsToken: null } });
  on = await startServer({ db, dataDir, port: 0, host: "127.0.0.1", security, ops: { metricsToken: TOKEN }, logger });
});
afterAll(async () => {
  await on?.close();
  await off?.close();
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function gql(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}

describe("operator endpoints", () => {
  it("/healthz and /readyz answer, /readyz from the database", async () => {
    expect(await (await fetch(`${off.url}/healthz`)).text()).toBe("ok");
    const ready = await fetch(`${off.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: "ok", migrations: "applied", shuttingDown: false });
  });

  it("/readyz says 503 when a migration is missing", async () => {
    const [last] = await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${last!.id}`;
    try {
      const res = await fetch(`${off.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, database: "ok", migrations: "1 pending" });
    } finally {
      await db.prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${last!.id}`;
    }
  });

  it("/metrics is off (404) without METRICS_TOKEN, and needs the bearer token with it", async () => {
    expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${on.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${on.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${on.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("rectify_http_requests_total");
    expect(text).toContain("rectify_db_pool_connections");
    expect(text).toContain("rectify_process_cpu_seconds_total");
  });

  it("logs each request as one JSON line with its id, user id and operation, and no password or token", async () => {
    const login = await gql(
      on.url,
      `mutation SignIn($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER) { ... on LoginPayload { token } } }`,
      { u: "insp", p: PASSWORD },
    );
    const token: string = login.data.login.token;
    expect(token).toBeTruthy();
    await gql(on.url, "query Me { me { id } }", {}, token);
    await fetch(`${on.url}/graphql?query=${encodeURIComponent("{ me { id } }")}&token=${token}`, {
      headers: { Cookie: `rectify_session=${token}` },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(token);
    const lines = logged
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
    const signIn = lines.find((l) => l.operation === "SignIn");
    expect(signIn).toMatchObject({ msg: "request", route: "/graphql", status: 200, operationType: "mutation" });
    expect(signIn.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const me = lines.find((l) => l.operation === "Me");
    expect(me).toMatchObject({ userId: user.id, status: 200 });
    expect(typeof me.durationMs).toBe("number");
    expect(lines.some((l) => l.path === "/graphql" && l.method === "GET")).toBe(true);
  });

  it("redacts secrets even when someone logs a whole object with headers or variables", () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += chunk;
        cb();
      },
    });
    const log = createLogger({ level: "info", destination: sink });
    log.info({
      headers: { authorization: "Bearer s3cr3t-token", cookie: "rectify_session=s3cr3t-cookie" },
      password: "s3cr3t-password",
      input: { password: "s3cr3t-nested", token: "s3cr3t-nested-token" },
      variables: { p: "s3cr3t-variable" },
      body: "s3cr3t-photo-bytes",
    });
    expect(out).not.toMatch(/s3cr3t/);
    expect(out).toContain("[redacted]");
  });

  it("on close, an open live stream is dropped at once without complete (the client reconnects elsewhere)", async () => {
    const extra = await startServer({ db, dataDir, port: 0, host: "127.0.0.1", security: securityFromEnv({}) });
    const login = await gql(
      extra.url,
      `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER) { ... on LoginPayload { token } } }`,
      { u: "insp", p: PASSWORD },
    );
    const res = await fetch(`${extra.url}/graphql`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        Authorization: `Bearer ${login.data.login.token}`,
      },
      body: JSON.stringify({ query: "subscription { ledgerChanged { kind } }" }),
    });
    const reader = res.body!.getReader();
    const started = Date.now();
    const closed = extra.close(30_000);
    let text = "";
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    } catch {
      // dropped mid-stream: what the PWA takes as "reconnect"
    }
    await closed;
    // Dropped by the drain, not by the 30 s cut, and without `complete` (which would end the subscription for good).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(text).not.toContain("event: complete");
  });
});
