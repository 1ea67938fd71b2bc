// The list a dashboard count opens: exactly the counted items, red first.
import { describe, expect, it } from "vitest";
import { byUrgency, isDueSoon, matches, type LightMeasure } from "./light-list-model.ts";

const m = (id: string, over: Partial<LightMeasure>): LightMeasure => ({
  id,
  number: 1,
  numbered: true,
  text: id,
  status: "IN_PROGRESS",
  light: "GREEN",
  overdue: false,
  deadline: null,
  longTerm: false,
  problem: { id: "p", section: "CONTINUING", number: 1, title: "p" },
  responsibleUnit: null,
  ...over,
});
// 10:00 on 15 March in Shanghai.
const now = new Date("2024-03-15T02:00:00Z");

describe("light lists", () => {
  it("pick exactly the counted items", () => {
    const items = [
      m("red-overdue", { light: "RED", overdue: true, deadline: "2024-03-01" }),
      m("red-relapsed", { light: "RED", status: "RELAPSED" }),
      m("yellow-soon", { light: "YELLOW", deadline: "2024-03-20" }),
      m("green", { deadline: "2024-06-01" }),
      m("done-soon", { light: "GREEN", status: "COMPLETED", deadline: "2024-03-16" }),
    ];
    const ids = (pick: Parameters<typeof matches>[1]) =>
      items.filter((x) => matches(x, pick, now, 15)).map((x) => x.id);
    expect(ids({ light: "RED", flag: null })).toEqual(["red-overdue", "red-relapsed"]);
    expect(ids({ light: null, flag: "overdue" })).toEqual(["red-overdue"]);
    expect(ids({ light: null, flag: "relapsed" })).toEqual(["red-relapsed"]);
    expect(ids({ light: null, flag: "dueSoon" })).toEqual(["yellow-soon"]);
    expect(isDueSoon({ deadline: "2024-03-15", status: "IN_PROGRESS", longTerm: false }, now, 15)).toBe(true);
    expect(isDueSoon({ deadline: "2024-03-31", status: "IN_PROGRESS", longTerm: false }, now, 15)).toBe(false);
  });

  it("order red first, then by deadline and report order", () => {
    const sorted = byUrgency(
      [
        m("g", { light: "GREEN", deadline: "2024-01-01" }),
        m("y", { light: "YELLOW" }),
        m("r2", { light: "RED", deadline: "2024-03-02" }),
        m("r1", { light: "RED", deadline: "2024-03-01" }),
      ],
      (x) => x.problem.section,
    );
    expect(sorted.map((x) => x.id)).toEqual(["r1", "r2", "y", "g"]);
  });
});
