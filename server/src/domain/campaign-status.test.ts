import { describe, expect, it } from "vitest";
import { coverageBy, missingMethods, targetStatus, type TargetFacts } from "./campaign-status.ts";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const base: TargetFacts = {
  methods: ["SITE_VISIT", "LEDGER_CHECK"],
  recordedKinds: [],
  dueOn: null,
  campaignEndsOn: day("2024-03-31"),
};
// 2024-03-31 23:30 in Shanghai is still the last day; 2024-04-01 00:30 Shanghai is past it.
const lastDay = new Date("2024-03-31T15:30:00Z");
const after = new Date("2024-03-31T16:30:00Z");

describe("targetStatus", () => {
  it("is DONE only when every expected method was recorded, whatever the date", () => {
    expect(targetStatus({ ...base, recordedKinds: ["SITE_VISIT"] }, lastDay)).toBe("NOT_YET");
    expect(targetStatus({ ...base, recordedKinds: ["LEDGER_CHECK", "SITE_VISIT", "SITE_VISIT"] }, after)).toBe("DONE");
  });
  it("is OVERDUE after the campaign's last day (Asia/Shanghai), not on it", () => {
    expect(targetStatus(base, lastDay)).toBe("NOT_YET");
    expect(targetStatus(base, after)).toBe("OVERDUE");
  });
  it("a target's own due day wins over the campaign's end", () => {
    expect(targetStatus({ ...base, dueOn: day("2024-03-10") }, new Date("2024-03-11T01:00:00Z"))).toBe("OVERDUE");
  });
  it("names the missing methods in the expected order", () => {
    expect(
      missingMethods({
        methods: ["SITE_VISIT", "LEDGER_CHECK", "ONSITE_QUESTIONING"],
        recordedKinds: ["LEDGER_CHECK"],
      }),
    ).toEqual(["SITE_VISIT", "ONSITE_QUESTIONING"]);
  });
});

describe("coverageBy", () => {
  it("tallies per key and overall, adding up to the total", () => {
    const { all, by } = coverageBy([
      { key: "a", status: "DONE" as const },
      { key: "b", status: "OVERDUE" as const },
      { key: "a", status: "NOT_YET" as const },
    ]);
    expect(all).toEqual({ total: 3, done: 1, notYet: 1, overdue: 1 });
    expect(by.get("a")).toEqual({ total: 2, done: 1, notYet: 1, overdue: 0 });
    expect([...by.keys()]).toEqual(["a", "b"]);
  });
});
