// The chaos run's seeded schedule: a PRNG (mulberry32) and the weighted choice of the next flap. The same seed
// gives the same sequence of actions (timings on a real machine still vary, so a replay is close, not exact).

export type Action =
  | "capture"
  | "capture-photo"
  | "edit-synced"
  | "offline"
  | "online"
  | "reload"
  | "reopen-profile"
  | "kill-server"
  | "drop-responses"
  | "drop-requests"
  | "delay-responses"
  | "supervisor-revise"
  | "sync-now";

/** Relative weights: captures and edits dominate, so there is always something in flight when faults hit. */
export const WEIGHTS: Record<Action, number> = {
  capture: 22,
  "capture-photo": 10,
  "edit-synced": 12,
  offline: 7,
  online: 7,
  reload: 7,
  "reopen-profile": 2,
  "kill-server": 2,
  "drop-responses": 7,
  "drop-requests": 4,
  "delay-responses": 4,
  "supervisor-revise": 6,
  "sync-now": 6,
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Flap {
  n: number;
  device: number;
  action: Action;
}

export function schedule(seed: number, flaps: number, devices: number): Flap[] {
  const random = mulberry32(seed);
  const entries = Object.entries(WEIGHTS) as [Action, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out: Flap[] = [];
  for (let n = 1; n <= flaps; n++) {
    let r = random() * total;
    let action: Action = entries[0]![0];
    for (const [a, w] of entries) {
      if ((r -= w) < 0) {
        action = a;
        break;
      }
    }
    out.push({ n, device: Math.floor(random() * devices), action });
  }
  return out;
}
