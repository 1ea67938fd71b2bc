import { describe, expect, it } from "vitest";
import { shanghaiDay, shanghaiToday } from "./dates.ts";

describe("Asia/Shanghai days", () => {
  it("rolls over at 16:00 UTC", () => {
    expect(shanghaiDay(new Date("2024-03-14T15:59:59Z"))).toBe("2024-03-14");
    expect(shanghaiDay(new Date("2024-03-14T16:00:00Z"))).toBe("2024-03-15");
    expect(shanghaiToday(new Date("2024-03-14T16:00:00Z")).toISOString()).toBe("2024-03-15T00:00:00.000Z");
  });

  it("agrees with the time-zone database for every hour from 1990 to 2040, across the 1991 switch to fixed UTC+8", () => {
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
    const wrong: string[] = [];
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 3_600_000 + 7_919) {
      const at = new Date(ms);
      if (shanghaiDay(at) !== intl.format(at)) wrong.push(at.toISOString());
    }
    expect(wrong).toEqual([]);
  });
});
