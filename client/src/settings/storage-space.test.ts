import { describe, expect, it } from "vitest";
import { isNearlyFull, LOW_SPACE_BYTES } from "./storage-space.ts";

const GB = 1024 ** 3;

describe("isNearlyFull", () => {
  it("warns at 90 % of the quota or with less than 50 MiB left", () => {
    expect(isNearlyFull({ used: 0.5 * GB, quota: 2 * GB })).toBe(false);
    expect(isNearlyFull({ used: 1.8 * GB, quota: 2 * GB })).toBe(true);
    expect(isNearlyFull({ used: 10, quota: LOW_SPACE_BYTES - 1 })).toBe(true);
    expect(isNearlyFull({ used: 0, quota: LOW_SPACE_BYTES * 20 })).toBe(false);
  });
  it("says nothing without a quota", () => {
    expect(isNearlyFull({ used: 10, quota: 0 })).toBe(false);
  });
});
