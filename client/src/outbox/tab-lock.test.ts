import { describe, expect, it } from "vitest";
import { createTabLock } from "./tab-lock.ts";

describe("tab lock", () => {
  it("runs the body under the named exclusive lock", async () => {
    const seen: string[] = [];
    const lock = createTabLock({
      request: async (name, options, cb) => {
        seen.push(`${name}:${options.mode}`);
        return cb();
      },
    });
    expect(await lock(async () => 7)).toBe(7);
    expect(seen).toEqual(["rectify-sync:exclusive"]);
  });
  it("without Web Locks runs the body directly and passes errors on", async () => {
    const lock = createTabLock(undefined);
    expect(await lock(async () => "ok")).toBe("ok");
    await expect(lock(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
