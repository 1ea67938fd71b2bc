// The problem header's roll-up: its own facts win; otherwise the earliest measure deadline and every measure's unit.
import { describe, expect, it } from "vitest";
import type { WsMeasure } from "../cache/working-set.ts";
import { rolledDeadline, rolledUnits } from "./problem-rollup.ts";

const m = (n: number, over: Partial<WsMeasure>): WsMeasure => ({
  id: `g${n}`,
  rawId: `r${n}`,
  number: n,
  numbered: true,
  text: `措施${n}`,
  subPoints: [],
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
  ...over,
});

describe("problem roll-up", () => {
  it("keeps the problem's own deadline and unit", () => {
    const p = { deadline: "2024-06-30", responsibleUnit: "市财政局", measures: [m(1, { deadline: "2024-01-01" })] };
    expect(rolledDeadline(p)).toEqual({ value: { date: "2024-06-30" }, fromMeasures: false });
    expect(rolledUnits(p)).toEqual({ value: ["市财政局"], fromMeasures: false });
  });

  it("rolls up the earliest dated deadline and each unit once, in measure order", () => {
    const p = {
      deadline: null,
      responsibleUnit: null,
      measures: [
        m(1, { deadline: "2024-09-30", responsibleUnit: "市审计局" }),
        m(2, { longTerm: true, responsibleUnit: "市财政局" }),
        m(3, { deadline: "2024-06-30", responsibleUnit: "市审计局" }),
      ],
    };
    expect(rolledDeadline(p)).toEqual({ value: { date: "2024-06-30" }, fromMeasures: true });
    expect(rolledUnits(p)).toEqual({ value: ["市审计局", "市财政局"], fromMeasures: true });
  });

  it("says 长期坚持 when only long-term measures exist, and nothing when nothing is assigned", () => {
    expect(rolledDeadline({ deadline: null, measures: [m(1, { longTerm: true })] })).toEqual({
      value: { longTerm: true },
      fromMeasures: true,
    });
    expect(rolledDeadline({ deadline: null, measures: [m(1, {})] })).toEqual({ value: null, fromMeasures: false });
    expect(rolledUnits({ responsibleUnit: null, measures: [m(1, {})] })).toEqual({ value: [], fromMeasures: false });
  });
});
