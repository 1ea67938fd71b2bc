// SyncGate: runs at most `concurrency` at once, queues while the expected wait is short, and answers overload with
// SYNC_BUSY whose Retry-After reserves successive slots, so busy devices come back spread out, not together.
import { describe, expect, it } from "vitest";
import { SyncBusyError } from "../errors.ts";
import { MAX_RETRY_AFTER_S, SyncGate } from "./sync-gate.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SyncGate", () => {
  it("never runs more than `concurrency` at once and queues while the wait is short", async () => {
    const gate = new SyncGate({ concurrency: 2, maxQueue: 100, maxWaitMs: 1000, initialAvgMs: 10 });
    let running = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++running);
      await sleep(5);
      running--;
      return "done";
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => gate.run(work)));
    expect(results).toEqual(Array(20).fill("done"));
    expect(most).toBe(2);
  });

  it("answers SYNC_BUSY beyond the wait it accepts, with Retry-After slots that grow one after another", async () => {
    // One sync takes ~1 s: with at most 3 s of waiting, 1 runs, 3 wait, the rest are busy.
    const gate = new SyncGate({ concurrency: 1, maxQueue: 100, maxWaitMs: 3000, initialAvgMs: 1000 });
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const outcomes = Array.from({ length: 10 }, () =>
      gate
        .run(() => blocked)
        .then(
          () => "ran",
          (e: unknown) => e,
        ),
    );
    await sleep(10);
    release();
    const settled = await Promise.all(outcomes);
    expect(settled.filter((o) => o === "ran")).toHaveLength(4);
    const busy = settled.filter((o): o is SyncBusyError => o instanceof SyncBusyError);
    expect(busy).toHaveLength(6);
    expect(busy.every((e) => e.code === "SYNC_BUSY")).toBe(true);
    // After the 4 in the gate (4 s), each busy device gets the next second: 5, 6, 7, 8, 9, 10.
    expect(busy.map((e) => e.retryAfterSeconds)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it("never promises more than MAX_RETRY_AFTER_S", () => {
    const gate = new SyncGate({ concurrency: 1, maxQueue: 0, maxWaitMs: 0, initialAvgMs: 60_000 });
    const now = Date.now();
    expect([gate.retryAfterSeconds(now), gate.retryAfterSeconds(now), gate.retryAfterSeconds(now)]).toEqual([
      60,
      MAX_RETRY_AFTER_S,
      MAX_RETRY_AFTER_S,
    ]);
  });
});
