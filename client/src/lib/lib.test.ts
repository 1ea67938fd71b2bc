// Small helpers: ISO with offset, local formats, day ranges, UUIDs (with and without randomUUID), hashing paths.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "@rectify/server/sync";
import { sha256OfBytes } from "./hash.ts";
import { formatBytes, newUuid } from "./ids.ts";
import { dayStartIso, formatDateTime, formatShort, isoWithOffset } from "./time.ts";

afterEach(() => vi.unstubAllGlobals());

describe("time", () => {
  it("writes ISO-8601 with the local offset that parses back to the same instant", () => {
    const d = new Date(Date.UTC(2024, 2, 15, 2, 3, 4));
    const iso = isoWithOffset(d);
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Date.parse(iso)).toBe(d.getTime());
  });
  it("formats local times", () => {
    const d = new Date(2024, 2, 5, 9, 7, 3);
    expect(formatDateTime(d)).toBe("2024-03-05 09:07:03");
    expect(formatShort(d, new Date(2024, 2, 5, 18))).toBe("09:07");
    expect(formatShort(d, new Date(2024, 5, 1))).toBe("03-05 09:07");
  });
  it("turns a day into its local start, and the next day into the exclusive end", () => {
    expect(new Date(dayStartIso("2024-03-15")!).getDate()).toBe(15);
    expect(new Date(dayStartIso("2024-03-31", 1)!).getMonth()).toBe(3);
    expect(dayStartIso("15/03/2024")).toBeNull();
  });
});

describe("ids", () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  it("makes v4 UUIDs, also without crypto.randomUUID", () => {
    expect(newUuid()).toMatch(v4);
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (b: Uint8Array) => real.getRandomValues(b) });
    const id = newUuid();
    vi.unstubAllGlobals();
    expect(id).toMatch(v4);
  });
  it("formats sizes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MiB");
  });
});

describe("sha256OfBytes", () => {
  it("agrees with the protocol's hash with and without WebCrypto", async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    expect(await sha256OfBytes(bytes)).toBe(sha256Hex(bytes));
    vi.stubGlobal("crypto", {});
    expect(await sha256OfBytes(bytes)).toBe(sha256Hex(bytes));
  });
});
