// While records wait because the server did not answer, ask it cheaply (GET /healthz) with growing, jittered
// delays (about 2 s → 30 s) and report the first answer, so the queue goes as soon as the server is back instead
// of when each record's retry timer runs out. Invariant: one probe at a time; stop() ends it, even mid-request.
import type { Timers } from "./engine-runtime.ts";

export const PROBE_BASE_MS = 2_000;
export const PROBE_CAP_MS = 30_000;

/** Codes a transport uses for "no answer came" (device offline, server unreachable, timeout). */
export const NO_ANSWER_CODES: ReadonlySet<string> = new Set([
  "SYNC_OFFLINE",
  "SYNC_UNREACHABLE",
  "SYNC_NETWORK",
  "SYNC_TIMEOUT",
]);

/**
 * Delay before probe number `attempt` (1 = the first): doubling from 2 s, capped at 30 s, each ±20 % at random so
 * phones that lost the server together do not all knock at the same moment. Never above the cap.
 */
export function probeDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 20);
  const step = Math.min(PROBE_CAP_MS, PROBE_BASE_MS * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.min(PROBE_CAP_MS, Math.round(step * (0.8 + 0.4 * r)));
}

export interface ProbeLoop {
  /** Starts probing if not already (keeps the backoff reached so far; see reset). */
  start(): void;
  stop(): void;
  /** Back to the first, short delay: the server answered real work. */
  reset(): void;
  /** When the next probe is due (epoch ms), or null when not probing. */
  nextAt(): number | null;
}

export interface ProbeLoopOptions {
  probe: () => Promise<boolean>;
  timers: Timers;
  now: () => number;
  random: () => number;
  /** The server answered: send now. The loop has stopped itself. */
  onAnswer: () => void;
  /** Probing state changed (for the snapshot). */
  onChange?: () => void;
}

export function createProbeLoop(opts: ProbeLoopOptions): ProbeLoop {
  let attempt = 0;
  let timer: unknown = null;
  let due: number | null = null;
  let generation = 0; // a probe answered after stop() (or a restart) belongs to an old generation: ignored

  function schedule(gen: number): void {
    attempt++;
    const delay = probeDelay(attempt, opts.random);
    due = opts.now() + delay;
    timer = opts.timers.setTimeout(() => {
      timer = null;
      void run(gen);
    }, delay);
    opts.onChange?.();
  }

  async function run(gen: number): Promise<void> {
    let ok = false;
    try {
      ok = await opts.probe();
    } catch {
      ok = false; // a probe must not throw; if it does, it is a miss
    }
    if (gen !== generation) return;
    if (ok) {
      due = null;
      generation++;
      opts.onChange?.();
      opts.onAnswer();
    } else {
      schedule(gen);
    }
  }

  const loop: ProbeLoop = {
    start() {
      if (due !== null) return;
      schedule(generation);
    },
    stop() {
      generation++;
      if (timer !== null) opts.timers.clearTimeout(timer);
      timer = null;
      if (due !== null) {
        due = null;
        opts.onChange?.();
      }
    },
    reset() {
      attempt = 0;
    },
    nextAt: () => due,
  };
  return loop;
}
