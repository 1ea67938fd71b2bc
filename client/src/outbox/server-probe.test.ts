// Probe backoff: delays grow from about 2 s to a 30 s cap with jitter, the loop probes one at a time under fake
// timers, reports the first answer once, and a stopped loop ignores a late answer.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultTimers } from "./engine-runtime.ts";
import { createProbeLoop, probeDelay, PROBE_BASE_MS, PROBE_CAP_MS } from "./server-probe.ts";

describe("probeDelay", () => {
  it("doubles from 2 s to the 30 s cap, jittered ±20 % and never above the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => probeDelay(n, () => 0.5))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(probeDelay(1, () => 0)).toBe(PROBE_BASE_MS * 0.8);
    expect(probeDelay(1, () => 1)).toBe(PROBE_BASE_MS * 1.2);
    for (let n = 1; n < 12; n++) {
      for (const r of [0, 0.3, 0.99, 1]) {
        const d = probeDelay(n, () => r);
        expect(d).toBeGreaterThanOrEqual(PROBE_BASE_MS * 0.8);
        expect(d).toBeLessThanOrEqual(PROBE_CAP_MS);
      }
    }
  });
});

describe("createProbeLoop (fake timers)", () => {
  beforeEach(() => void vi.useFakeTimers({ now: 0 }));
  afterEach(() => void vi.useRealTimers());

  function loop(answers: boolean[]) {
    const probedAt: number[] = [];
    const onAnswer = vi.fn();
    const probe = vi.fn(async () => {
      probedAt.push(Date.now());
      return answers.shift() ?? false;
    });
    const l = createProbeLoop({ probe, timers: defaultTimers, now: Date.now, random: () => 0.5, onAnswer });
    return { l, probe, probedAt, onAnswer };
  }

  it("probes at 2, 4, 8, 16, 30, 30 s intervals until the server answers, then reports once and stops", async () => {
    const { l, probedAt, onAnswer, probe } = loop([false, false, false, false, false, true]);
    l.start();
    l.start(); // already probing: no second loop
    expect(l.nextAt()).toBe(2_000);
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000 + 16_000 + 30_000 + 30_000);
    expect(probedAt).toEqual([2_000, 6_000, 14_000, 30_000, 60_000, 90_000]);
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(l.nextAt()).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe).toHaveBeenCalledTimes(6);
  });

  it("keeps the reached backoff across a restart unless reset", async () => {
    const { l, probedAt } = loop([false, false]);
    l.start();
    await vi.advanceTimersByTimeAsync(6_000); // probes at 2 s and 6 s; next due in 8 s
    l.stop();
    expect(l.nextAt()).toBeNull();
    l.start();
    expect(l.nextAt()).toBe(6_000 + 8_000 + 8_000); // the third attempt (8 s); the stopped one's slot is skipped
    l.stop();
    l.reset();
    l.start();
    expect(l.nextAt()).toBe(6_000 + 2_000);
    expect(probedAt).toEqual([2_000, 6_000]);
  });

  it("ignores an answer that arrives after stop()", async () => {
    let release!: (ok: boolean) => void;
    const onAnswer = vi.fn();
    const l = createProbeLoop({
      probe: () => new Promise<boolean>((r) => (release = r)),
      timers: defaultTimers,
      now: Date.now,
      random: () => 0.5,
      onAnswer,
    });
    l.start();
    await vi.advanceTimersByTimeAsync(2_000);
    l.stop();
    release(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(onAnswer).not.toHaveBeenCalled();
  });
});
