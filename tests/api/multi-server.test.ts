// Three real server processes on one fresh PostgreSQL (issue 15): they start together safely (migrations and
// seeding once), a supervisor subscribed on A hears a record synced through B (also after the LISTEN
// connections are cut), login throttling counts guesses sent to all three, a server SIGKILLed mid-sync loses and
// duplicates nothing (the device retries via another), SIGTERM drops a live stream and drains requests, logs carry no secrets and
// /metrics is behind METRICS_TOKEN. PostgreSQL only: vitest.config.ts selects it for TEST_DB=postgres.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase, type Database } from "@rectify/server/db";
import { createUser } from "@rectify/server/queries/users";
import { startCluster, type Cluster } from "../helpers/server-cluster.ts";
import { siteVisit, SYNC } from "../helpers/records.ts";
import { bearer, gqlAt } from "../browser/helpers/app-process.ts";

const PASSWORD = "correct horse battery";
const METRICS_TOKEN = "metrics-token-0123456789";
let cluster: Cluster;
let db: Database;
let sql: pg.Client;
let supToken: string;
let inspToken: string;
let problemId: string;
let measureIds: string[];
const secrets: string[] = [];

beforeAll(async () => {
  cluster = await startCluster(3, { METRICS_TOKEN, LOG_LEVEL: "info" });
  db = await openDatabase({ databaseUrl: cluster.databaseUrl });
  sql = new pg.Client({ connectionString: cluster.databaseUrl });
  await sql.connect();
  await createUser(db.prisma, { username: "sup", password: PASSWORD, role: "SUPERVISOR" });
  await createUser(db.prisma, { username: "insp", password: PASSWORD, role: "INSPECTOR" });
  supToken = await bearer(cluster.next(), "sup", PASSWORD);
  inspToken = await bearer(cluster.next(), "insp", PASSWORD);
  secrets.push(PASSWORD, cluster.adminPassword, supToken, inspToken, METRICS_TOKEN);
  const p = await db.prisma.problem.findFirstOrThrow({
    where: { number: 2, section: "CONTINUING" },
    include: { measures: true },
  });
  problemId = p.id;
  measureIds = p.measures.slice(0, 2).map((m) => m.id);
}, 300_000); // three processes compile and start at once on 2 cores
afterAll(async () => {
  await sql?.end();
  await db?.close();
  await cluster?.close();
});

const server = (i: number) => cluster.servers[i]!;

/** Subscribes to ledgerChanged over SSE on one server and collects events until `until` says stop. */
function subscribe(url: string, until: (events: any[]) => boolean, timeoutMs = 20_000) {
  const controller = new AbortController();
  const events: any[] = [];
  const ready = fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream", Authorization: `Bearer ${supToken}` },
    body: JSON.stringify({ query: "subscription Live { ledgerChanged { kind problemId } }" }),
    signal: controller.signal,
  });
  const done = (async () => {
    const res = await ready;
    const reader = res.body!.getReader();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let buffer = "";
    let ended = false;
    let completed = false;
    try {
      while (!until(events)) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        buffer += new TextDecoder().decode(value);
        let i;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const lines = buffer.slice(0, i).split("\n");
          buffer = buffer.slice(i + 2);
          if (lines.includes("event: complete")) completed = true;
          const data = lines.find((l) => l.startsWith("data:"));
          if (data && data.length > 6) events.push(JSON.parse(data.slice(5)).data.ledgerChanged);
        }
      }
    } catch (err) {
      // Aborted by us, or dropped by the server (a cut stream is an error to the reader).
      if ((err as Error).name !== "AbortError") ended = true;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    return { events, ended, completed };
  })();
  return { ready, done };
}

const problemGid = () => Buffer.from(`Problem:${problemId}`).toString("base64");

async function syncVia(url: string, envelope: unknown) {
  const r = await gqlAt(url, SYNC, { e: envelope }, inspToken);
  if (r.errors) throw Object.assign(new Error(JSON.stringify(r.errors)), { busy: true });
  return r.data.syncRecord as { outcome: string };
}

/** Backend pids of the servers' LISTEN connections. */
async function listeners(): Promise<number[]> {
  const r = await sql.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rectify-listen'`,
  );
  return r.rows.map((row) => row.pid as number);
}

describe("three servers on one PostgreSQL", () => {
  it("started together: each migration applied once, one first admin, the sample imported once, all ready", async () => {
    const migrations = await sql.query(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`,
    );
    expect(migrations.rows.length).toBeGreaterThan(10);
    expect(migrations.rows.every((r) => r.n === 1)).toBe(true);
    expect(await db.prisma.user.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await db.prisma.report.count()).toBe(1);
    expect(cluster.servers.filter((s) => s.output().includes("imported the sample report")).length).toBe(1);
    for (const s of cluster.servers) {
      const ready = await fetch(`${s.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, database: "ok", migrations: "applied" });
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    }
  });

  it("a supervisor subscribed on A hears a record synced through B, also after every LISTEN connection was cut", async () => {
    const live = subscribe(server(0).url, (ev) => ev.filter((e) => e.kind === "RECORD").length >= 2);
    await live.ready;
    await new Promise((r) => setTimeout(r, 300));
    expect((await syncVia(server(1).url, siteVisit(problemId, measureIds))).outcome).toBe("CREATED");
    // The connections that LISTEN are cut by the database; each server reconnects by itself.
    await new Promise((r) => setTimeout(r, 500));
    const before = await listeners();
    expect(before).toHaveLength(3);
    await sql.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [before]);
    const fresh = async () => (await listeners()).filter((pid) => !before.includes(pid));
    const deadline = Date.now() + 15_000;
    while ((await fresh()).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await fresh()).toHaveLength(3);
    expect((await syncVia(server(2).url, siteVisit(problemId, measureIds))).outcome).toBe("CREATED");
    const { events } = await live.done;
    const records = events.filter((e) => e.kind === "RECORD");
    expect(records).toHaveLength(2);
    expect(records.every((e) => e.problemId === problemGid())).toBe(true);
    // After reconnecting, A told its dashboards to re-read everything (events may have been missed meanwhile).
    expect(events.some((e) => e.kind === "IMPORT" && e.problemId === null)).toBe(true);
  });

  it("counts wrong guesses sent to all three servers in one throttle", async () => {
    await sql.query(`DELETE FROM "RateLimit" WHERE key LIKE 'login:%'`);
    const LOGIN = `mutation Login($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER) { __typename } }`;
    // 12 at once, 4 per server: each server alone would let all 4 through (5 free attempts per name and address).
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gqlAt(server(i % 3).url, LOGIN, { u: "insp", p: `wrong-guess-${i}` })),
    );
    const kinds = answers.map((a) => a.data.login.__typename);
    expect(kinds.filter((k) => k === "BadCredentialsError")).toHaveLength(5);
    expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(7);
    // Every attempt was counted exactly once, atomically, in the one shared counter of the address.
    const hits = await sql.query(`SELECT sum(hits)::int AS n FROM "RateLimit" WHERE key LIKE 'login:a:%'`);
    expect(hits.rows[0].n).toBe(12);
  });

  it("a server SIGKILLed mid-sync loses and duplicates nothing: the device retries through another", async () => {
    const envelopes = Array.from({ length: 45 }, () => siteVisit(problemId, measureIds));
    const outcomes = new Map<string, string>();
    let networkFailures = 0;
    let killed: Promise<void> | null = null;
    let sent = 0;
    const sendOne = async (env: (typeof envelopes)[number]) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const url = cluster.next();
        const request = syncVia(url, env);
        // B dies the moment the 6th request to it is sent: that request is in flight when it does.
        if (url === server(1).url && ++sent >= 6 && !killed) killed = server(1).kill("SIGKILL");
        try {
          outcomes.set(env.recordId, (await request).outcome);
          return;
        } catch (err) {
          if (!(err as { busy?: boolean }).busy) networkFailures++;
          await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
        }
      }
      throw new Error(`record ${env.recordId} never synced`);
    };
    // Six devices at a time, like a busy morning.
    const queue = [...envelopes];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let env = queue.shift(); env; env = queue.shift()) await sendOne(env);
      }),
    );
    await killed;
    expect(server(1).alive).toBe(false);
    expect(networkFailures).toBeGreaterThanOrEqual(1);
    expect([...outcomes.values()].every((o) => o === "CREATED" || o === "ALREADY_APPLIED")).toBe(true);
    const ids = envelopes.map((e) => e.recordId);
    const rows = await db.prisma.inspectionRecord.findMany({
      where: { id: { in: ids } },
      select: { id: true, version: true },
    });
    expect(rows).toHaveLength(45);
    expect(rows.every((r) => r.version === 1)).toBe(true);
    expect(await db.prisma.inspectionRecordMeasure.count({ where: { recordId: { in: ids } } })).toBe(45 * 2);
  });

  it("serves /metrics only with METRICS_TOKEN, with sync outcomes, operations and the pool", async () => {
    const url = `${server(0).url}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/rectify_sync_records_total\{outcome="CREATED"\} \d+/);
    expect(text).toMatch(/rectify_graphql_operations_total\{operation="Login",type="mutation",outcome="ok"\} \d+/);
    expect(text).toMatch(/rectify_graphql_operation_duration_seconds_count\{operation="anonymous",type="mutation"\}/);
    expect(text).toMatch(/rectify_db_pool_connections\{state="max"\} 10/);
    expect(text).toMatch(/rectify_http_requests_total\{route="\/graphql",method="POST",status="200"\}/);
  });

  it("logs one JSON line per request with id, user id and operation, and never a password, token or photo byte", async () => {
    const marker = `PHOTO-BYTES-${randomUUID()}`;
    await fetch(`${server(0).url}/uploads/${randomUUID()}`, {
      method: "PATCH",
      headers: {
        Authorization: `Bearer ${inspToken}`,
        Cookie: `rectify_session=${inspToken}`,
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      },
      body: Buffer.from(marker),
    });
    const me = await fetch(`${server(0).url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${inspToken}`, "X-Request-Id": "req-me-1" },
      body: JSON.stringify({ query: "query Me { me { id } }", variables: { secret: marker } }),
    });
    expect(me.headers.get("x-request-id")).toBe("req-me-1");
    await new Promise((r) => setTimeout(r, 200));
    const output = cluster.servers.map((s) => s.output()).join("\n");
    for (const s of [...secrets, marker]) expect(output).not.toContain(s);
    const lines = server(0)
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    const line = lines.find((l) => l.reqId === "req-me-1");
    const insp = await db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
    expect(line).toMatchObject({ msg: "request", route: "/graphql", status: 200, userId: insp.id, operation: "Me" });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(line)).not.toContain('insp"');
  });

  it("SIGTERM: an open live stream is dropped (no complete), in-flight work finishes and the process exits 0", async () => {
    const c = server(2);
    const live = subscribe(c.url, () => false, 30_000);
    await live.ready;
    const exited = new Promise<number | null>((r) => c.proc.once("exit", (code) => r(code)));
    const slow = syncVia(c.url, siteVisit(problemId, measureIds));
    // Long enough for the request to be accepted, short enough that it is usually still being served.
    await new Promise((r) => setTimeout(r, 50));
    c.proc.kill("SIGTERM");
    expect((await slow).outcome).toBe("CREATED");
    // Dropped, not completed: the PWA reconnects (through the proxy, to another server) only after a drop.
    const { ended, completed } = await live.done;
    expect(ended).toBe(true);
    expect(completed).toBe(false);
    expect(await exited).toBe(0);
    expect(c.output()).toContain("SIGTERM: shutting down");
    // A still serves.
    expect((await fetch(`${server(0).url}/readyz`)).status).toBe(200);
  });
});
