// Shanghai calendar helpers: the day, month and quarter roll over at Shanghai midnight, not the device's.
import { describe, expect, it } from "vitest";
import { addDays, isMonth, isQuarter, periodParts, shanghaiDay, shanghaiMonth, shanghaiQuarter } from "./shanghai.ts";

describe("shanghai calendar", () => {
  it("rolls over at midnight in Shanghai", () => {
    const beforeMidnight = new Date("2024-03-31T15:59:00Z"); // 23:59 in Shanghai
    const afterMidnight = new Date("2024-03-31T16:00:00Z"); // 00:00 on 1 April in Shanghai
    expect(shanghaiDay(beforeMidnight)).toBe("2024-03-31");
    expect(shanghaiMonth(beforeMidnight)).toBe("2024-03");
    expect(shanghaiQuarter(beforeMidnight)).toBe("2024-Q1");
    expect(shanghaiDay(afterMidnight)).toBe("2024-04-01");
    expect(shanghaiQuarter(afterMidnight)).toBe("2024-Q2");
    expect(shanghaiQuarter(new Date("2024-12-01T00:00:00Z"))).toBe("2024-Q4");
  });

  it("adds days across months and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
  });

  it("recognises and names periods", () => {
    expect(isMonth("2024-03")).toBe(true);
    expect(isMonth("2024-13")).toBe(false);
    expect(isQuarter("2024-Q4")).toBe(true);
    expect(isQuarter("2024-Q5")).toBe(false);
    expect(periodParts("2024-03")).toEqual({ kind: "MONTH", year: 2024, n: 3 });
    expect(periodParts("2024-Q1")).toEqual({ kind: "QUARTER", year: 2024, n: 1 });
    expect(periodParts("2024-Q0")).toBeNull();
  });
});
