// `pnpm chaos [--flaps N] [--seed S] [--devices D]`: phones in Chromium capture and edit records while the
// network, the browser and the server fail on a seeded schedule; then everything drains and every record and
// photo on every phone is compared with the server. Exits 1 (printing the seed) if anything is lost,
// duplicated, stuck, rejected or overwritten.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { bearer, freePort, gqlAt, startAppProcess, type AppProcess } from "../browser/helpers/app-process.ts";
import { Device, PASSWORD } from "./device.ts";
import { startFaultProxy } from "./fault-proxy.ts";
import { mulberry32, schedule, type Action } from "./schedule.ts";
import { failed, reckon, type Attempt, type ServerRecord } from "./verdict.ts";
import { pngWithPixel } from "./png.ts";

const ADMIN_PASSWORD = "chaos-admin-password";
const dist = fileURLToPath(new URL("../../client/dist/index.html", import.meta.url));

const { values } = parseArgs({
  options: {
    flaps: { type: "string", default: "50" },
    seed: { type: "string" },
    devices: { type: "string", default: "2" },
    json: { type: "string" },
  },
});
const flaps = Number(values.flaps);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const deviceCount = Number(values.devices);
const log = (msg: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const globalIdOf = (raw: string) => Buffer.from(`InspectionRecord:${raw}`).toString("base64");
const rawIdOf = (global: string) => Buffer.from(global, "base64").toString().split(":")[1]!;

async function main() {
  if (!existsSync(dist)) throw new Error("build the PWA first: pnpm --filter @rectify/client build");
  const started = Date.now();
  log(`seed ${seed}, ${flaps} flaps, ${deviceCount} phones`);
  const random = mulberry32(seed ^ 0x5eed);
  const dataDir = await mkdtemp(path.join(tmpdir(), "rectify-chaos-"));
  const photoDir = await mkdtemp(path.join(tmpdir(), "rectify-chaos-photos-"));
  const port = await freePort();
  const start = () => startAppProcess({ port, dataDir, adminPassword: ADMIN_PASSWORD, startTimeoutMs: 300_000 });
  let app: AppProcess = await start();
  let restarting: Promise<void> | null = null;
  let kills = 0;
  const proxy = await startFaultProxy(port);
  const killServer = async () => {
    if (restarting) return;
    kills++;
    const dead = app.kill("SIGKILL");
    restarting = (async () => {
      await dead;
      app = await start();
    })().finally(() => (restarting = null));
    await dead;
  };
  proxy.onKill = killServer;
  const devices: Device[] = [];
  const tally: Record<string, number> = {};
  let actionErrors = 0;
  try {
    const admin = await bearer(app.url, "admin", ADMIN_PASSWORD);
    const users = ["supervisor1", ...Array.from({ length: deviceCount }, (_, i) => `inspector${i + 1}`)];
    for (const u of users) {
      const r = await gqlAt(
        app.url,
        `mutation($u:String!,$r:Role!,$p:String!){ createUser(username:$u, displayName:$u, password:$p, role:$r) { __typename } }`,
        { u, r: u.startsWith("sup") ? "SUPERVISOR" : "INSPECTOR", p: PASSWORD },
        admin,
      );
      if (r.data?.createUser?.__typename !== "User") throw new Error(`createUser ${u}: ${JSON.stringify(r)}`);
    }
    let supervisor = await bearer(app.url, "supervisor1", PASSWORD);
    const problems: string[] = (
      await gqlAt(app.url, `{ problems(first: 8) { edges { node { id } } } }`, {}, supervisor)
    ).data.problems.edges.map((e: any) => e.node.id);
    for (let i = 0; i < deviceCount; i++) devices.push(await Device.open(i, `inspector${i + 1}`, proxy.url));
    log(`server on ${port}, proxy on ${proxy.port}, phones logged in`);

    const attempts: Attempt[] = [];
    let photos = 0;
    const plan = schedule(seed, flaps, deviceCount);
    for (const flap of plan) {
      const d = devices[flap.device]!;
      tally[flap.action] = (tally[flap.action] ?? 0) + 1;
      try {
        await runFlap(flap.action, d);
      } catch (error) {
        actionErrors++;
        const msg = error instanceof Error ? error.message.split("\n")[0] : String(error);
        log(`flap ${flap.n} ${flap.action} on phone ${d.index}: ${msg}`);
        // A phone whose page is stuck (e.g. a dialog of a dead request) is reloaded, like an inspector would.
        await d.reload().catch(() => undefined);
      }
      if (restarting) await restarting;
      if (flap.n % 50 === 0) log(`${flap.n}/${flaps} flaps, ${attempts.length} records, ${kills} kills`);
    }

    async function runFlap(action: Action, d: Device) {
      const mine = attempts.filter((a) => a.device === d.index);
      switch (action) {
        case "capture":
        case "capture-photo": {
          const id = randomUUID();
          const marker = `chaos-${seed}-${attempts.length + 1}`;
          const text = `${marker} v1`;
          const a: Attempt = { recordId: id, device: d.index, marker, saves: [], revisions: [] };
          attempts.push(a);
          let photo: string | null = null;
          if (action === "capture-photo") {
            photo = path.join(photoDir, `p${++photos}.png`);
            await writeFile(photo, pngWithPixel(photos));
          }
          const save = { text, at: Date.now(), confirmed: false };
          a.saves.push(save);
          const problem = problems[Math.floor(random() * problems.length)]!;
          save.confirmed = await d.capture(id, problem, marker, text, photo);
          return;
        }
        case "edit-synced": {
          const entries = await d.entries();
          const synced = mine.filter((a) => entries.some((e) => e.id === a.recordId && e.state === "synced"));
          const a = synced[Math.floor(random() * synced.length)];
          if (!a) return;
          const save = { text: `${a.marker} v${a.saves.length + 1}`, at: Date.now(), confirmed: false };
          a.saves.push(save);
          save.confirmed = await d.edit(a.recordId, save.text);
          return;
        }
        case "offline":
          return d.setOffline(true);
        case "online":
          return d.setOffline(false);
        case "reload":
          return d.reload();
        case "reopen-profile":
          return d.reopen();
        case "kill-server": {
          // Armed for the next sync request; if none comes soon, the server dies wherever it is.
          const before = kills;
          proxy.arm("kill", 1);
          await d.syncNow().catch(() => undefined);
          for (let i = 0; i < 15 && kills === before; i++) await new Promise((r) => setTimeout(r, 100));
          proxy.disarm();
          if (kills === before) await killServer();
          return;
        }
        case "drop-responses":
          return proxy.arm("drop-response", 1 + Math.floor(random() * 3));
        case "drop-requests":
          return proxy.arm("drop-request", 1 + Math.floor(random() * 3));
        case "delay-responses":
          return proxy.arm("delay", 1 + Math.floor(random() * 3), 500 + Math.floor(random() * 4000));
        case "supervisor-revise": {
          const onServer = attempts.filter((a) => a.saves.some((x) => x.confirmed));
          const a = onServer[Math.floor(random() * onServer.length)];
          if (!a) return;
          const text = `${a.marker} supervisor ${a.revisions.length + 1}`;
          const r = await gqlAt(
            app.url,
            `mutation($id:ID!,$f:String!){ reviseRecord(id:$id, findings:$f){ __typename } }`,
            { id: globalIdOf(a.recordId), f: text },
            supervisor,
          ).catch(() => null);
          if (r?.errors?.some((e: any) => e.extensions?.code === "UNAUTHENTICATED")) {
            supervisor = await bearer(app.url, "supervisor1", PASSWORD);
          }
          if (r?.data?.reviseRecord?.__typename === "InspectionRecord") a.revisions.push({ text, at: Date.now() });
          return;
        }
        case "sync-now":
          return d.syncNow();
      }
    }

    // Drain: the network heals, every phone comes online and syncs until nothing is waiting or sending.
    log(`schedule done in ${Math.round((Date.now() - started) / 1000)} s; draining`);
    proxy.disarm();
    if (restarting) await restarting;
    const drainStart = Date.now();
    for (const d of devices) {
      await d.setOffline(false);
      await d.reload().catch(() => d.reopen());
    }
    for (;;) {
      const pending = (await Promise.all(devices.map((d) => d.entries())))
        .flat()
        .filter((e) => /waiting|sending/.test(e.state));
      if (pending.length === 0 || Date.now() - drainStart > 240_000) break;
      for (const d of devices) await d.syncNow().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2000));
    }
    const deviceEntries = await Promise.all(devices.map((d) => d.entries()));
    const server = await serverRecords(app.url, supervisor);
    const verdict = reckon(attempts, deviceEntries, server);
    const seconds = Math.round((Date.now() - started) / 1000);
    const summary = {
      seed,
      flaps,
      phones: deviceCount,
      seconds,
      actions: tally,
      actionErrors,
      serverKills: kills,
      proxyFaults: proxy.injected,
      ...verdict,
      problems: verdict.problems.slice(0, 50),
    };
    console.log(JSON.stringify(summary, null, 2));
    if (values.json) await writeFile(values.json, JSON.stringify(summary, null, 2));
    log(
      `created ${verdict.created}, synced ${verdict.synced}, conflicts ${verdict.conflicts}, lost ${verdict.lost}, ` +
        `duplicated ${verdict.duplicated}, stuck ${verdict.stuck}, rejected ${verdict.rejected}, overwritten ` +
        `${verdict.overwritten}, photos ${verdict.photos} (lost ${verdict.photosLost}) in ${seconds} s`,
    );
    if (failed(verdict)) {
      log(`FAILED — replay with: pnpm chaos --flaps ${flaps} --seed ${seed} --devices ${deviceCount}`);
      process.exitCode = 1;
    }
  } finally {
    for (const d of devices) await d.close();
    await proxy.close();
    if (restarting) await (restarting as Promise<void>).catch(() => undefined);
    await app.kill();
    await rm(dataDir, { recursive: true, force: true });
    await rm(photoDir, { recursive: true, force: true });
  }
}

async function serverRecords(url: string, token: string): Promise<ServerRecord[]> {
  const out: ServerRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await gqlAt(
      url,
      `query($after:String){ inspectionRecords(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id findings details conflict photos { id sha256 complete } } } } }`,
      { after },
      token,
    );
    const conn = r.data.inspectionRecords;
    for (const { node } of conn.edges) {
      out.push({
        recordId: rawIdOf(node.id),
        place: node.details.place,
        findings: node.findings,
        conflictFindings: node.conflict?.content?.findings ?? null,
        photos: node.photos,
      });
    }
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  log(`ERROR — replay with: pnpm chaos --flaps ${flaps} --seed ${seed} --devices ${deviceCount}`);
  process.exit(1);
});
