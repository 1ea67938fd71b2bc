// The traffic-light rules, with fixed instants: every rule, the Asia/Shanghai day boundary and thresholds.
import { describe, expect, it } from "vitest";
import {
  addToTally,
  assess,
  combine,
  daysLeft,
  DEFAULT_THRESHOLDS,
  emptyTally,
  isOverdue,
  latestRating,
  lightOf,
  worstLight,
  type LightItem,
} from "./traffic-light.ts";

// 2024-03-15 10:00 in Asia/Shanghai.
const NOW = new Date("2024-03-15T02:00:00Z");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const item = (over: Partial<LightItem>): LightItem => ({
  deadline: null,
  status: "IN_PROGRESS",
  latestRating: null,
  ...over,
});
const light = (over: Partial<LightItem>, now = NOW, th = DEFAULT_THRESHOLDS) => lightOf(item(over), now, th);

describe("lightOf", () => {
  it("is green on track, with no deadline, or with a far deadline", () => {
    expect(light({})).toBe("GREEN");
    expect(light({ deadline: day("2024-06-30") })).toBe("GREEN");
    expect(light({ status: "NOT_STARTED", deadline: day("2024-03-31") })).toBe("GREEN");
    expect(light({ latestRating: "ON_TRACK", deadline: day("2024-12-31") })).toBe("GREEN");
  });

  it("is yellow when due within dueSoonDays (today included), or lagging", () => {
    expect(light({ deadline: day("2024-03-15") })).toBe("YELLOW");
    expect(light({ deadline: day("2024-03-30") })).toBe("YELLOW"); // 15 days ahead
    expect(light({ deadline: day("2024-03-31") })).toBe("GREEN"); // 16 days ahead
    expect(light({ deadline: day("2024-03-20") }, NOW, { dueSoonDays: 3 })).toBe("GREEN");
    expect(light({ deadline: day("2024-03-18") }, NOW, { dueSoonDays: 3 })).toBe("YELLOW");
    expect(light({ latestRating: "LAGGING", deadline: day("2025-01-01") })).toBe("YELLOW");
    expect(light({ latestRating: "LAGGING" })).toBe("YELLOW");
  });

  it("is red when overdue, relapsed or when the latest record found a problem", () => {
    expect(light({ deadline: day("2024-03-14") })).toBe("RED");
    expect(light({ status: "NOT_STARTED", deadline: day("2023-12-31") })).toBe("RED");
    expect(light({ status: "RELAPSED" })).toBe("RED");
    expect(light({ status: "RELAPSED", deadline: day("2030-01-01") })).toBe("RED");
    expect(light({ latestRating: "PROBLEM_FOUND" })).toBe("RED");
    expect(light({ status: "COMPLETED", latestRating: "PROBLEM_FOUND" })).toBe("RED");
    expect(light({ latestRating: "LAGGING", deadline: day("2024-01-01") })).toBe("RED");
  });

  it("is not overdue nor due soon once completed or close-requested", () => {
    expect(light({ status: "COMPLETED", deadline: day("2024-01-01") })).toBe("GREEN");
    expect(light({ status: "CLOSE_REQUESTED", deadline: day("2024-03-16") })).toBe("GREEN");
  });

  it("is grey when closed out, whatever else holds", () => {
    expect(light({ status: "CLOSED" })).toBe("GREY");
    expect(light({ status: "CLOSED", deadline: day("2020-01-01"), latestRating: "PROBLEM_FOUND" })).toBe("GREY");
  });

  it("reads days in Asia/Shanghai, not UTC", () => {
    // 2024-03-14 17:30 UTC is already 2024-03-15 01:30 in Shanghai: a deadline of the 14th has passed.
    const lateUtc = new Date("2024-03-14T17:30:00Z");
    expect(light({ deadline: day("2024-03-14") }, lateUtc)).toBe("RED");
    // 2024-03-14 15:59 UTC is 23:59 on the 14th in Shanghai: still due today.
    expect(light({ deadline: day("2024-03-14") }, new Date("2024-03-14T15:59:00Z"))).toBe("YELLOW");
  });
});

describe("combining", () => {
  it("takes the worst light; grey only when all are grey", () => {
    expect(worstLight([])).toBeNull();
    expect(worstLight(["GREY", "GREY"])).toBe("GREY");
    expect(worstLight(["GREY", "GREEN"])).toBe("GREEN");
    expect(worstLight(["GREEN", "YELLOW", "GREY"])).toBe("YELLOW");
    expect(worstLight(["YELLOW", "RED", "GREEN"])).toBe("RED");
  });

  it("uses the latest rated record only", () => {
    const t = (s: string) => new Date(s);
    expect(latestRating([])).toBeNull();
    expect(
      latestRating([
        { rating: "PROBLEM_FOUND", deviceTime: t("2024-03-01T00:00:00Z") },
        { rating: "ON_TRACK", deviceTime: t("2024-03-10T00:00:00Z") },
        { rating: null, deviceTime: t("2024-03-12T00:00:00Z") },
      ]),
    ).toBe("ON_TRACK");
    expect(
      latestRating([
        { rating: "LAGGING", deviceTime: t("2024-03-10T00:00:00Z") },
        { rating: "ON_TRACK", deviceTime: t("2024-03-01T00:00:00Z") },
      ]),
    ).toBe("LAGGING");
  });

  it("tallies lights and overdue, due-soon and relapsed flags", () => {
    const a = [
      assess(item({ deadline: day("2024-01-01") }), NOW, DEFAULT_THRESHOLDS),
      assess(item({ deadline: day("2024-03-20") }), NOW, DEFAULT_THRESHOLDS),
      assess(item({ status: "RELAPSED", deadline: day("2024-03-16") }), NOW, DEFAULT_THRESHOLDS),
      assess(item({ status: "CLOSED" }), NOW, DEFAULT_THRESHOLDS),
      assess(item({}), NOW, DEFAULT_THRESHOLDS),
    ];
    const tally = a.reduce(addToTally, emptyTally());
    expect(tally).toEqual({ green: 1, yellow: 1, red: 2, grey: 1, total: 5, overdue: 1, dueSoon: 2, relapsed: 1 });
    expect(combine(a)).toEqual({ light: "RED", overdue: true, dueSoon: true, relapsed: true });
    expect(combine([])).toBeNull();
  });
});

describe("long-term measures (长期坚持)", () => {
  it("are never overdue nor due soon, even with a stray past deadline", () => {
    expect(light({ longTerm: true })).toBe("GREEN");
    expect(light({ longTerm: true, deadline: day("2024-01-01") })).toBe("GREEN");
    expect(light({ longTerm: true, deadline: day("2024-03-16") })).toBe("GREEN");
    expect(assess(item({ longTerm: true, deadline: day("2024-01-01") }), NOW, DEFAULT_THRESHOLDS)).toEqual({
      light: "GREEN",
      overdue: false,
      dueSoon: false,
      relapsed: false,
    });
  });
  it("still turn red on a relapse or a field finding", () => {
    expect(light({ longTerm: true, status: "RELAPSED" })).toBe("RED");
    expect(light({ longTerm: true, latestRating: "PROBLEM_FOUND" })).toBe("RED");
    expect(light({ longTerm: true, latestRating: "LAGGING" })).toBe("YELLOW");
  });
});

describe("a deadline is met until the end of its day (Asia/Shanghai)", () => {
  const item = { deadline: new Date("2024-03-14T00:00:00Z"), status: "IN_PROGRESS" as const, latestRating: null };
  it("is not overdue at 23:59:59 on the day, overdue at 00:00:00 the day after", () => {
    expect(isOverdue(item, new Date("2024-03-14T15:59:59Z"))).toBe(false);
    expect(daysLeft(item.deadline, new Date("2024-03-14T15:59:59Z"))).toBe(0);
    expect(lightOf(item, new Date("2024-03-14T15:59:59Z"), DEFAULT_THRESHOLDS)).toBe("YELLOW");
    expect(isOverdue(item, new Date("2024-03-14T16:00:00Z"))).toBe(true);
    expect(daysLeft(item.deadline, new Date("2024-03-14T16:00:00Z"))).toBe(-1);
    expect(lightOf(item, new Date("2024-03-14T16:00:00Z"), DEFAULT_THRESHOLDS)).toBe("RED");
  });
});
