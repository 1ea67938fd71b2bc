// Backoff: doubles from 2 s, never beyond 5 min, jitter within [step/2, step].
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay, BACKOFF_CAP_MS } from "./backoff.ts";

describe("backoffDelay", () => {
  it("doubles from 2 s and caps at 5 min", () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 1e9].map((n) => backoffDelay(n, top))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(0, top)).toBe(2_000);
  });

  it("stays within [step/2, step] for any random value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const step = Math.min(BACKOFF_CAP_MS, 2_000 * 2 ** (n - 1));
        const d = backoffDelay(n, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(d).toBeLessThanOrEqual(step);
      }),
    );
  });
});
