import { describe, expect, it, vi } from "vitest";
import { createStoragePressure } from "./storage-pressure.ts";

describe("storage pressure", () => {
  it("is set by a quota failure and cleared by the next successful write", () => {
    const p = createStoragePressure();
    const seen = vi.fn();
    p.subscribe(seen);
    expect(p.fullSince()).toBeNull();
    p.markWritten(); // nothing to clear: no event
    expect(seen).not.toHaveBeenCalled();
    p.markFull(42);
    expect(p.fullSince()).toBe(42);
    p.markWritten();
    expect(p.fullSince()).toBeNull();
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
