import { describe, expect, it } from "vitest";
import { shanghaiDay, shanghaiToday } from "./dates.ts";

describe("Asia/Shanghai days", () => {
  it("rolls over at 16:00 UTC", () => {
    expect(shanghaiDay(new Date("2024-03-14T15:59:59Z"))).toBe("2024-03-14");
    expect(shanghaiDay(new Date("2024-03-14T16:00:00Z"))).toBe("2024-03-15");
    expect(shanghaiToday(new Date("2024-03-14T16:00:00Z")).toISOString()).toBe("2024-03-15T00:00:00.000Z");
  });
});
