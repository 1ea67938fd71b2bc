// Runs spin on tests/model/sync.pml: generate the verifier with the given fault budgets, compile it with gcc,
// run it exhaustively, and read states, depth and errors from its report. Needs Debian's `spin` and `gcc`.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const MODEL = fileURLToPath(new URL("./sync.pml", import.meta.url));

export interface Check {
  name: string;
  /** -D flags for spin: fault budgets (LOSS, DUPS, CRASHES, RELOADS, EARLYTIMEOUTS, …) or a seeded BUG_*. */
  defines: Record<string, number | true>;
  /** Check the LTL property eventually_synced (acceptance cycles, weak fairness) instead of the assertions. */
  liveness?: boolean;
  /** What a correct protocol gives: "pass", or "violation" for a seeded bug the checker must catch. */
  expect: "pass" | "violation";
}

export interface CheckResult {
  check: Check;
  states: number;
  transitions: number;
  depth: number;
  errors: number;
  /** The first violated assertion or property, if any. */
  violation: string | null;
  seconds: number;
  memoryMb: number;
}

const faults = (loss: number, dups: number, crashes: number, reloads: number, early: number) => ({
  LOSS: loss,
  DUPS: dups,
  CRASHES: crashes,
  RELOADS: reloads,
  EARLYTIMEOUTS: early,
});

/** Every configuration `pnpm model` checks; each is exhaustive (no bitstate hashing). */
export const CHECKS: Check[] = [
  { name: "network: loss, stale duplicates, reordering", defines: faults(1, 1, 0, 0, 0), expect: "pass" },
  { name: "server crash + device reload + loss", defines: faults(1, 0, 1, 1, 0), expect: "pass" },
  { name: "timeouts while the server still works", defines: faults(0, 0, 0, 0, 1), expect: "pass" },
  { name: "liveness: eventually synced (loss)", defines: faults(1, 0, 0, 0, 0), liveness: true, expect: "pass" },
  {
    name: "seeded bug: delete on send instead of on confirm",
    defines: { ...faults(1, 0, 0, 0, 0), BUG_DELETE_ON_SEND: true },
    expect: "violation",
  },
  {
    name: "seeded bug: a sent revision reused for new content",
    defines: { ...faults(1, 0, 0, 0, 0), BUG_REUSE_REVISION: true },
    expect: "violation",
  },
  {
    name: "seeded bug: no foreign-edit rule in decide",
    defines: { ...faults(1, 0, 0, 0, 0), BUG_NO_FOREIGN_CHECK: true },
    expect: "violation",
  },
];

function num(out: string, re: RegExp): number {
  const m = re.exec(out);
  return m ? Number(m[1]) : NaN;
}

export async function runCheck(check: Check): Promise<CheckResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "rectify-spin-"));
  try {
    await copyFile(MODEL, path.join(dir, "sync.pml"));
    const defines = Object.entries(check.defines).map(([k, v]) => (v === true ? `-D${k}` : `-D${k}=${v}`));
    await run("spin", ["-a", ...defines, "sync.pml"], { cwd: dir });
    const cflags = check.liveness ? ["-DCOLLAPSE", "-DNFAIR=3"] : ["-DSAFETY", "-DNOCLAIM", "-DCOLLAPSE"];
    await run("gcc", ["-O2", ...cflags, "-o", "pan", "pan.c"], { cwd: dir });
    const started = Date.now();
    const args = check.liveness ? ["-a", "-f", "-m200000", "-w24"] : ["-m200000", "-w24"];
    // pan exits 0 even when it finds errors; the report says how many.
    const { stdout } = await run("./pan", args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    const violation = /^pan:\d+: (.+?)(?: \(at depth \d+\))?$/m.exec(stdout)?.[1] ?? null;
    return {
      check,
      states: num(stdout, /^\s*(\d+) states, stored/m),
      transitions: num(stdout, /^\s*(\d+) transitions/m),
      depth: num(stdout, /depth reached (\d+)/),
      errors: num(stdout, /errors: (\d+)/),
      violation,
      seconds: (Date.now() - started) / 1000,
      memoryMb: num(stdout, /^\s*([\d.]+)\s+total actual memory usage/m),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** As expected: a correct protocol has no error; a seeded bug has one. */
export function asExpected(r: CheckResult): boolean {
  return r.check.expect === "pass" ? r.errors === 0 && r.states > 0 : r.errors > 0;
}
