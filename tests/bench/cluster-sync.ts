// `pnpm --filter @rectify/tests bench:cluster [--seconds S] [--devices D]`: sync throughput (records/s) with 1, 2
// and 3 server processes on one PostgreSQL, and where the CPU went (the server processes, PostgreSQL's
// backends, this load generator), read from /proc. Results are written up in tests/bench/RESULTS.md.
import { readFileSync, readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@rectify/server/db";
import { createUser } from "@rectify/server/queries/users";
import { startCluster } from "../helpers/server-cluster.ts";
import { siteVisit, SYNC } from "../helpers/records.ts";
import { bearer, gqlAt } from "../browser/helpers/app-process.ts";

const { values } = parseArgs({
  // `pnpm bench:cluster -- --seconds 5` passes the "--" along.
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { seconds: { type: "string", default: "20" }, devices: { type: "string", default: "12" } },
});
const seconds = Number(values.seconds);
const devices = Number(values.devices);
const PASSWORD = "correct horse battery";
const TICK = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of a process, from /proc/<pid>/stat. */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name;
      } catch {
        return false;
      }
    });
}

/** Postgres backends come and go (pools): sum what every postgres process has used, sampled before and after. */
const postgresCpu = () => pidsNamed("postgres").reduce((s, pid) => s + cpuOf(pid), 0);
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main() {
  console.log(`starting 3 servers on one fresh PostgreSQL; ${devices} devices, ${seconds} s per run`);
  const cluster = await startCluster(3, { LOG_LEVEL: "info" }); // a request line each, as in production
  const db = await openDatabase({ databaseUrl: cluster.databaseUrl });
  try {
    const problems = await db.prisma.problem.findMany({ include: { measures: true }, take: 30 });
    const tokens: string[] = [];
    for (let i = 0; i < devices; i++) {
      await createUser(db.prisma, { username: `bench-insp-${i}`, password: PASSWORD, role: "INSPECTOR" });
      tokens.push(await bearer(cluster.servers[0]!.url, `bench-insp-${i}`, PASSWORD));
    }
    const rows: string[] = [];
    for (const k of [1, 2, 3]) {
      const urls = cluster.servers.slice(0, k).map((s) => s.url);
      const serverPids = cluster.servers.slice(0, k).map((s) => s.proc.pid!);
      let turn = 0;
      let ok = 0;
      let busy = 0;
      let failed = 0;
      const latencies: number[] = [];
      const before = {
        servers: serverPids.reduce((s, p) => s + cpuOf(p), 0),
        postgres: postgresCpu(),
        me: process.cpuUsage(),
      };
      const started = performance.now();
      const end = started + seconds * 1000;
      await Promise.all(
        tokens.map(async (token, d) => {
          for (let i = 0; performance.now() < end; i++) {
            const p = problems[(d + i) % problems.length]!;
            const t0 = performance.now();
            const r = await gqlAt(
              urls[turn++ % k]!,
              SYNC,
              {
                e: siteVisit(
                  p.id,
                  p.measures.slice(0, 1).map((m) => m.id),
                ),
              },
              token,
            );
            const outcome = r.data?.syncRecord?.outcome;
            if (outcome === "CREATED") {
              ok++;
              latencies.push(performance.now() - t0);
            } else if (r.errors?.[0]?.extensions?.code === "SYNC_BUSY") {
              busy++;
              await new Promise((res) => setTimeout(res, 200));
            } else failed++;
          }
        }),
      );
      const wall = (performance.now() - started) / 1000;
      const me = process.cpuUsage(before.me);
      const cpu = {
        servers: serverPids.reduce((s, p) => s + cpuOf(p), 0) - before.servers,
        postgres: postgresCpu() - before.postgres,
        bench: (me.user + me.system) / 1e6,
      };
      latencies.sort((a, b) => a - b);
      const q = (x: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * x))] ?? NaN;
      const row = [
        k,
        (ok / wall).toFixed(1),
        q(0.5).toFixed(0),
        q(0.99).toFixed(0),
        busy,
        failed,
        (cpu.servers / wall).toFixed(2),
        (cpu.postgres / wall).toFixed(2),
        (cpu.bench / wall).toFixed(2),
        loadAverage(),
      ];
      rows.push(`| ${row.join(" | ")} |`);
      console.log(`${k} server(s): ${ok} records in ${wall.toFixed(1)} s`);
    }
    console.log(
      "\n| servers | records/s | p50 ms | p99 ms | busy | failed | node servers (cores) | postgres (cores) | load generator (cores) | load average |",
    );
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const r of rows) console.log(r);
  } finally {
    await db.close();
    await cluster.close();
  }
}

await main();
