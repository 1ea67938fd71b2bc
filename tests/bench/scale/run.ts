// The scale suite: generates a province-sized ledger on PostgreSQL, then measures Rectify against the floors
// (floor.ts: raw node:http + pg, hand-written SQL) and PostGraphile 4 on the same database, printing ratios.
// Usage: tsx bench/scale/run.ts [--scale 1k|10k|100k|1m] [--smoke]; 1m needs --allow-1m. No timing assertions.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pg from "pg";
import { openDatabase } from "@rectify/server/db";
import { createUser } from "@rectify/server/queries/users";
import { generateLedger, SHAPE } from "./generate.ts";
import { spawnServer } from "./child-server.ts";
import { print } from "graphql";
import { WORKING_SET_QUERY } from "../../../client/src/graphql/documents.ts";
import { CLIENT_DIST, loginScreenJs } from "../../helpers/login-js.ts";

const args = process.argv.slice(2);
const flag = (n: string) => args.includes(n);
const scaleName = args[args.indexOf("--scale") + 1] && flag("--scale") ? args[args.indexOf("--scale") + 1]! : "1k";
const SCALES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const chosen = SCALES[scaleName];
if (!chosen) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
const records: number = chosen;
if (records >= 1_000_000 && !flag("--allow-1m"))
  throw new Error("the 1m scale needs --allow-1m (a million records: about 5 minutes and 1 GB of database)");
const smoke = flag("--smoke");
const LIFETIMES = { cookieLifetimeMs: 86_400_000, bearerLifetimeMs: 86_400_000 };
const ADMIN = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * p50 of `n` runs of each of `fns` after `warm` untimed runs of each, taking turns (A, B, C, A, B, C, …): each
 * system (Rectify, the floor, PostGraphile) gets the same warm-up, so what is compared is steady serving rather
 * than whose JIT has compiled the path yet, and whatever else the machine does meanwhile (autovacuum after the
 * sync phase, a checkpoint) falls on all of them alike instead of on whichever was measured first.
 */
async function timedInTurns(n: number, fns: (() => Promise<unknown>)[], warm = 0): Promise<number[]> {
  for (let i = 0; i < warm; i++) for (const fn of fns) await fn();
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = process.hrtime.bigint();
      await fn();
      out[k]!.push(ms(t0));
    }
  }
  return out.map(p50);
}
/** A POST over node:http asking for brotli, as browsers do: the bytes on the wire and the decoded body. */
function rawPost(url: string, body: string, token: string | null) {
  return new Promise<{ wire: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Accept-Encoding": "br, gzip",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const wire = Buffer.concat(chunks);
          const enc = res.headers["content-encoding"];
          const text = enc === "br" ? brotliDecompressSync(wire) : enc === "gzip" ? gunzipSync(wire) : wire;
          resolve({ wire: wire.length, body: text.toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const gid = (t: string, id: string) => Buffer.from(`${t}:${id}`).toString("base64");
const rows: string[][] = [];
const row = (what: string, rectify: string, floor: string, ratio: string, pgl = "—") =>
  rows.push([what, rectify, floor, ratio, pgl]);
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main() {
  const name = `rectify_bench_${scaleName}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const db = await openDatabase({ databaseUrl: dbUrl });
    cleanups.push(() => db.close());
    const raw = new pg.Client({ connectionString: dbUrl });
    await raw.connect();
    cleanups.push(() => raw.end());
    let t0 = process.hrtime.bigint();
    await generateLedger(raw, records);
    console.error(`generated ${records} records in ${(ms(t0) / 1000).toFixed(1)} s`);
    await createUser(db.prisma, { username: "bench-sup", password: "bench-password-1", role: "SUPERVISOR" });
    const { issueSession } = await import("@rectify/server/auth/sessions");
    const sup = await db.prisma.user.findUniqueOrThrow({ where: { username: "bench-sup" } });
    const supToken = (await issueSession(db.prisma, sup.id, "bearer", LIFETIMES)).token;
    const inspectors = await db.prisma.user.findMany({ where: { role: "INSPECTOR" }, orderBy: { username: "asc" } });
    const tokens = await Promise.all(
      inspectors.slice(0, 64).map(async (u) => (await issueSession(db.prisma, u.id, "bearer", LIFETIMES)).token),
    );
    // Every server in a child process of its own: the bench process is only their client.
    const server = await spawnServer("rectify-server.ts", [dbUrl]);
    cleanups.unshift(() => server.close());
    const floor = await spawnServer("floor-server.ts", [dbUrl]);
    cleanups.unshift(() => floor.close());
    const gql = async (token: string, query: string, variables?: object, encoding = "gzip") => {
      const body = JSON.stringify({ query, variables });
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, "Accept-Encoding": encoding },
        body,
      });
      const json = (await res.json()) as { data?: any; errors?: unknown[] };
      if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 500));
      return { json, bytes: body.length };
    };
    const floorGet = async (p: string, init?: RequestInit) => {
      const res = await fetch(`${floor.url}${p}`, {
        ...init,
        headers: { Authorization: `Bearer ${supToken}`, ...init?.headers },
      });
      if (!res.ok) throw new Error(`floor ${p}: ${res.status}`);
      return res.json();
    };
    // PostGraphile 4 on the same database, where it can answer the same question: anonymous (as it comes), and
    // checking the caller's session as the floor and Rectify do (postgraphile-server.ts).
    let pgl: ((q: string) => Promise<unknown>) | null = null;
    let pga: ((q: string) => Promise<unknown>) | null = null;
    try {
      const mount = async (mode: "anonymous" | "session") => {
        const child = await spawnServer("postgraphile-server.ts", [dbUrl, mode]);
        cleanups.unshift(() => child.close());
        return async (query: string) => {
          const res = await fetch(`${child.url}/graphql`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: `Bearer ${supToken}` },
            body: JSON.stringify({ query }),
          });
          const json = (await res.json()) as { errors?: unknown[] };
          if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 300));
          return json;
        };
      };
      pgl = await mount("anonymous");
      pga = await mount("session");
    } catch (err) {
      console.error(`PostGraphile not available: ${String(err).slice(0, 200)}`);
    }

    // 1. Sync ingestion at 1 / 16 / 64 devices (distinct inspectors), records/s.
    const problems = await raw.query(
      `SELECT p.id, array_agg(m.id ORDER BY m.number) AS m FROM "Problem" p JOIN "Measure" m ON m."problemId" = p.id
       GROUP BY p.id ORDER BY p.id LIMIT 500`,
    );
    const envelope = (i: number) => {
      const p = problems.rows[i % problems.rows.length];
      return {
        recordId: randomUUID(),
        revision: 1,
        baseVersion: 0,
        kind: "SITE_VISIT",
        problemId: p.id,
        measureIds: p.m.slice(0, 1 + (i % 2)),
        deviceTime: new Date(Date.now() - 60_000 - i).toISOString(),
        position: { latitude: 31.654, longitude: 120.752, accuracyM: 8 },
        findings: "整改公示栏已更新，台账齐全。",
        rating: "ON_TRACK",
        followUpRequired: false,
        details: { place: "虞山街道", peopleMet: "王主任", observations: "现场查看台账" },
        photos: [],
      };
    };
    const SYNC = `mutation($e:JSON!){syncRecord(envelope:$e){outcome}}`;
    const perDevice = smoke ? 1 : records >= 100_000 ? 20 : 10;
    const ingest = { rectify: [] as number[], floor: [] as number[] };
    let reqBytes = 0;
    let jsonBytes = 0;
    // Warm-up (the server process is fresh: JIT, query plans, GraphQL document caches), not measured.
    for (let k = 0; k < 5; k++) {
      await gql(tokens[0]!, SYNC, { e: envelope(900_000 + k) });
      await floorGet("/sync", { method: "POST", body: JSON.stringify(envelope(900_100 + k)) });
    }
    // The smoke run (CI, well under a minute) only shows that concurrent syncs work: 1 / 4 / 16 devices.
    const fleets = smoke ? [1, 4, 16] : [1, 16, 64];
    for (const devices of fleets) {
      const n = devices === 1 ? perDevice * 8 : devices * perDevice;
      for (const target of ["rectify", "floor"] as const) {
        t0 = process.hrtime.bigint();
        await Promise.all(
          Array.from({ length: devices }, async (_, d) => {
            for (let k = 0; k < n / devices; k++) {
              const e = envelope(d * 1000 + k);
              if (target === "rectify") {
                const { json, bytes } = await gql(tokens[d]!, SYNC, { e });
                if (json.data.syncRecord.outcome !== "CREATED") throw new Error(JSON.stringify(json));
                reqBytes += bytes;
                jsonBytes += JSON.stringify(e).length;
              } else {
                await floorGet("/sync", {
                  method: "POST",
                  body: JSON.stringify(e),
                  headers: { Authorization: `Bearer ${tokens[d]}` },
                });
              }
            }
          }),
        );
        ingest[target].push((n / ms(t0)) * 1000);
      }
    }
    row(
      `sync ingestion, ${fleets.join(" / ")} devices (records/s)`,
      ingest.rectify.map(fmt).join(" / "),
      ingest.floor.map(fmt).join(" / "),
      ingest.rectify.map((r, i) => `${(ingest.floor[i]! / r).toFixed(1)}×`).join(" / "),
    );
    row("sync request bytes per record ÷ the record's JSON", (reqBytes / jsonBytes).toFixed(2), "1.00", "—");

    // 2. Dashboard p50, and 16 at once.
    const DASH = `{ dashboard { asOf measures { green yellow red grey total } problems { red total }
      byUnit { unit { id name } counts { green yellow red grey total overdue dueSoon relapsed } }
      byLeader { leader { id name } counts { green yellow red grey total overdue dueSoon relapsed } }
      byProblem { light problem { id section number title } counts { green yellow red grey total overdue dueSoon relapsed } } } }`;
    const reps = smoke ? 2 : 11;
    const warm = smoke ? 0 : 3;
    const crowd = smoke ? 4 : 16; // the smoke run only shows that concurrent dashboards answer
    // Uncompressed, as the floor answers (compression's own cost: the row after the lists).
    const dash = () => gql(supToken, DASH, undefined, "identity");
    const [dr, df] = (await timedInTurns(reps, [dash, () => floorGet("/dashboard")], warm)) as [number, number];
    row(`dashboard p50 (ms)`, fmt(dr), fmt(df), `${(dr / df).toFixed(1)}×`);
    const idleRss = await server.rssMb();
    let rss = idleRss;
    const sample = setInterval(() => void server.rssMb().then((r) => (rss = Math.max(rss, r))), 100);
    t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: crowd }, dash));
    const d16 = ms(t0);
    clearInterval(sample);
    t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: crowd }, () => floorGet("/dashboard")));
    const f16 = ms(t0);
    row(`dashboard, ${crowd} supervisors at once (ms, all done)`, fmt(d16), fmt(f16), `${(d16 / f16).toFixed(1)}×`);
    row(
      `Rectify server's peak RSS during ${crowd} dashboards (MB; before: ${fmt(idleRss)})`,
      fmt(rss),
      "—",
      "goal ≤ 600",
    );

    // 3. Lists: problems first 20, records by inspector + dates, last page, a deep page.
    const insp = inspectors[0]!;
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const to = new Date().toISOString();
    const deepAt = Math.min(50_000, Math.floor(records / 2));
    const deep = (
      await raw.query(
        `SELECT id, "deviceTime" FROM "InspectionRecord" ORDER BY "deviceTime" DESC, id DESC OFFSET $1 LIMIT 1`,
        [deepAt - 1],
      )
    ).rows[0];
    const cursor = Buffer.from(`R1:${deep.deviceTime.toISOString()}|${deep.id}`).toString("base64");
    const lists: [string, string, string, string | null][] = [
      [
        "problems (first: 20)",
        `{ problems(first: 20) { edges { node { id section number title status } } } }`,
        "/problems",
        `{ allProblems(first: 20, orderBy: [SECTION_ASC, NUMBER_ASC, PRIMARY_KEY_ASC]) { nodes { id section number title status } } }`,
      ],
      [
        "records by inspector + dates (first: 20)",
        `{ inspectionRecords(first: 20, filter: { inspectorId: "${gid("User", insp.id)}", from: "${from}", to: "${to}" }) { edges { node { id deviceTime kind rating findings } } } }`,
        `/records/by-inspector?i=${insp.id}&from=${from}&to=${to}`,
        // PostGraphile 4 without plugins filters by equality only: inspector, no date range.
        `{ allInspectionRecords(first: 20, condition: { inspectorId: "${insp.id}" }, orderBy: [DEVICE_TIME_DESC, PRIMARY_KEY_DESC]) { nodes { id deviceTime kind rating findings } } }`,
      ],
      [
        "records, last page (last: 20)",
        `{ inspectionRecords(last: 20) { edges { node { id deviceTime kind rating findings } } } }`,
        "/records/last",
        `{ allInspectionRecords(last: 20, orderBy: [DEVICE_TIME_DESC, PRIMARY_KEY_DESC]) { nodes { id deviceTime kind rating findings } } }`,
      ],
      [
        `records, the page after the ${deepAt.toLocaleString("en")}th`,
        `{ inspectionRecords(first: 20, after: "${cursor}") { edges { node { id deviceTime kind rating findings } } } }`,
        `/records/after?t=${encodeURIComponent(deep.deviceTime.toISOString())}&id=${deep.id}`,
        `{ allInspectionRecords(first: 20, offset: ${deepAt}, orderBy: [DEVICE_TIME_DESC, PRIMARY_KEY_DESC]) { nodes { id deviceTime kind rating findings } } }`,
      ],
    ];
    const lreps = smoke ? 3 : 51;
    const lwarm = smoke ? 0 : 20;
    for (const [what, q, fp, pq] of lists) {
      const graphiles = pq ? [pgl, pga].flatMap((f) => (f ? [() => f(pq)] : [])) : [];
      const [r, f, p = null, pa = null] = (await timedInTurns(
        lreps,
        // Uncompressed, as the floor and PostGraphile answer: the same answer from each (compression's own cost on
        // a page is the row after these).
        [() => gql(supToken, q, undefined, "identity"), () => floorGet(fp), ...graphiles],
        lwarm,
      )) as [number, number, number?, number?];
      const vs = (x: number | null) => (x === null ? "—" : `${fmt(x)} (${(r / x).toFixed(1)}×)`);
      row(`${what} p50 (ms)`, fmt(r), fmt(f), `${(r / f).toFixed(1)}×`, `${vs(p)}; with session ${vs(pa)}`);
    }
    for (const [label, q, n, w] of [
      [lists[0]![0], lists[0]![1], lreps, lwarm],
      ["dashboard", DASH, reps, warm],
    ] as const) {
      const [gz, id] = await timedInTurns(
        n,
        [() => gql(supToken, q, undefined, "gzip"), () => gql(supToken, q, undefined, "identity")],
        w,
      );
      row(
        `${label}, Rectify gzip / uncompressed p50 (ms)`,
        `${fmt(gz!)} / ${fmt(id!)}`,
        "—",
        `${(gz! / id!).toFixed(1)}×`,
      );
    }

    // 4. Login → working set ready: an inspector logs in (password) and downloads every page of the PWA's own
    // working-set query (brotli, as a browser asks); then one measure changes and the next download asks only for
    // what changed since. Wire bytes are what crossed the socket. Parsing into IndexedDB on the phone is not in it.
    const wsUser = await createUser(db.prisma, {
      username: "bench-insp",
      password: "bench-password-1",
      role: "INSPECTOR",
    });
    const wsPost = (token: string | null, query: string, variables: object) =>
      rawPost(`${server.url}/graphql`, JSON.stringify({ query, variables }), token);
    const download = async (token: string, since: string | null, inspectionIds: string[] | null = null) => {
      let after: string | null = null;
      let wire = 0;
      let requests = 0;
      let clock = "";
      let problemsSeen = 0;
      for (;;) {
        const r = await wsPost(token, print(WORKING_SET_QUERY), {
          after,
          filter: {
            ...(inspectionIds ? { inspectionIds } : {}),
            ...(since ? { changedSince: since, includeArchived: true } : {}),
          },
          since: since ?? new Date(0).toISOString(),
          inspectionIds,
          incremental: since !== null,
        });
        wire += r.wire;
        requests++;
        const data = (JSON.parse(r.body) as { data: any }).data;
        if (!after) clock = data.ledgerClock;
        problemsSeen += data.workingSetProblems.problems.length;
        if (!data.workingSetProblems.hasNextPage) return { wire, requests, clock, problemsSeen };
        after = data.workingSetProblems.endCursor;
      }
    };
    // The picker's working list: one inspection (the PWA downloads only the inspections picked); the whole
    // ledger (every inspection, as before the picker) only outside the smoke run: it takes the longest.
    const oneInspection = (await raw.query(`SELECT id FROM "Inspection" ORDER BY id LIMIT 1`)).rows[0].id as string;
    const scopes: [string, string[] | null][] = [["one inspection", [gid("Inspection", oneInspection)]]];
    if (!smoke) scopes.push(["all 101 inspections", null]);
    for (const [label, ids] of scopes) {
      t0 = process.hrtime.bigint();
      const login = await wsPost(
        null,
        `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER){ ... on LoginPayload { token } } }`,
        { u: wsUser.username, p: "bench-password-1" },
      );
      const wsToken = (JSON.parse(login.body) as { data: { login: { token: string } } }).data.login.token;
      const full = await download(wsToken, null, ids);
      const fullMs = ms(t0);
      await raw.query(
        `UPDATE "Measure" SET text = text || '（已更新）' WHERE id = (
        SELECT m.id FROM "Measure" m JOIN "Problem" p ON p.id = m."problemId"
        WHERE p."inspectionId" = $1 ORDER BY m.id LIMIT 1)`,
        [oneInspection],
      );
      t0 = process.hrtime.bigint();
      const later = await download(wsToken, full.clock, ids);
      const laterMs = ms(t0);
      row(
        `login → working set ready, ${label} (ms; requests, problems, wire kB)`,
        `${fmt(fullMs)} (${full.requests} req, ${full.problemsSeen} problems, ${fmt(full.wire / 1000)} kB)`,
        "—",
        "goal ≤ 2,000 ms",
      );
      row(
        `later working-set sync after one change, ${label} (ms; problems changed since, wire kB)`,
        `${fmt(laterMs)} (${later.problemsSeen}, ${fmt(later.wire / 1000)} kB)`,
        "—",
        "only what changed",
      );
    }

    // 5. The login screen's JavaScript (what index.html loads before any route), gzip-equivalent.
    if (existsSync(path.join(CLIENT_DIST, "index.html"))) {
      const { gzip: gz } = await loginScreenJs();
      row("JS for the login screen, gzip (kB)", fmt(gz / 1000), "—", "goal ≤ 120");
    } else {
      row("JS for the login screen, gzip (kB)", "client not built", "—", "—");
    }
    console.log(
      `\nScale ${scaleName}: ${SHAPE.inspections} inspections, ${SHAPE.problems} problems, ${SHAPE.measures} measures, ` +
        `${SHAPE.units} units, ${SHAPE.inspectors} inspectors, ${records.toLocaleString("en")} records (PostgreSQL)\n`,
    );
    console.log(
      "| what | Rectify | floor | ratio | PostGraphile 4: anonymous; checking the session (Rectify ÷ it) |\n|---|---|---|---|---|",
    );
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  } finally {
    for (const c of cleanups) await c().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
