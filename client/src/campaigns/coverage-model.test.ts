// Coverage: each target in one column, rows per team and unit in first-seen order, a total.
import { describe, expect, it } from "vitest";
import { byTeam, byUnit, coverageBy, coverageTotal, type CoverageTarget } from "./coverage-model.ts";

const t = (id: string, over: Partial<CoverageTarget>): CoverageTarget => ({
  id,
  teamId: "t1",
  teamName: "第一组",
  unitId: "u1",
  unitName: "市财政局",
  state: "NOT_YET",
  ...over,
});

describe("campaign coverage", () => {
  it("counts per team and per unit, each target in one column", () => {
    const targets = [
      t("a", { state: "DONE" }),
      t("b", { state: "OVERDUE" }),
      t("c", { teamId: "t2", teamName: "第二组", unitId: null, unitName: null }),
    ];
    expect(coverageBy(targets, byTeam)).toEqual([
      { key: "t1", label: "第一组", done: 1, notYet: 0, overdue: 1, total: 2 },
      { key: "t2", label: "第二组", done: 0, notYet: 1, overdue: 0, total: 1 },
    ]);
    expect(coverageBy(targets, byUnit).map((r) => [r.label, r.total])).toEqual([
      ["市财政局", 2],
      [null, 1],
    ]);
    expect(coverageTotal(targets)).toMatchObject({ done: 1, notYet: 1, overdue: 1, total: 3 });
  });

  it("every row adds up", () => {
    const states = ["DONE", "NOT_YET", "OVERDUE"] as const;
    const targets = Array.from({ length: 30 }, (_, i) =>
      t(String(i), { state: states[i % 3]!, teamId: `t${i % 4}`, unitId: `u${i % 5}` }),
    );
    for (const row of [...coverageBy(targets, byTeam), ...coverageBy(targets, byUnit), coverageTotal(targets)]) {
      expect(row.done + row.notYet + row.overdue).toBe(row.total);
    }
  });

  it("no targets: no rows and a zero total", () => {
    expect(coverageBy([], byTeam)).toEqual([]);
    expect(coverageTotal([]).total).toBe(0);
  });
});
