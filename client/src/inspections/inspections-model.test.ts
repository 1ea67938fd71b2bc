// The authoring forms' pure parts: names split as ledgers write them, moving rows, and form values → inputs.
import { describe, expect, it } from "vitest";
import { bulkInput, draftOf, measureInput, moved, splitNames } from "./inspections-model.ts";

describe("splitNames", () => {
  it("splits on 、，,;；/ and new lines, trims and drops repeats", () => {
    expect(splitNames("市财政局、市审计局，市发改委/市财政局\n 市教育局 ")).toEqual([
      "市财政局",
      "市审计局",
      "市发改委",
      "市教育局",
    ]);
    expect(splitNames("  ")).toEqual([]);
  });
});

describe("moved", () => {
  it("swaps with the neighbour, and leaves the order at the ends", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("measure inputs", () => {
  const draft = { ...draftOf(null), text: " 建立长效机制 ", subPoints: "一是…\n\n二是…", responsibleUnit: "市财政局" };
  it("sends names as typed, a deadline or 长期坚持, and clears what is empty", () => {
    expect(measureInput({ ...draft, deadline: "2030-06-30" })).toEqual({
      text: "建立长效机制",
      subPoints: ["一是…", "二是…"],
      leadLeader: null,
      responsibleUnit: { name: "市财政局" },
      participatingUnits: [],
      longTerm: false,
      deadline: "2030-06-30",
    });
    expect(measureInput({ ...draft, deadline: "2030-06-30", longTerm: true })).toMatchObject({ longTerm: true });
    expect(measureInput({ ...draft, longTerm: true })).not.toHaveProperty("deadline");
  });
  it("bulk: only what was filled in", () => {
    const empty = { leadLeader: "", responsibleUnit: "", participatingUnits: "", deadline: "", longTerm: false };
    expect(bulkInput(empty)).toEqual({});
    expect(bulkInput({ ...empty, leadLeader: "王局长", participatingUnits: "甲、乙" })).toEqual({
      leadLeader: { name: "王局长" },
      participatingUnits: [{ name: "甲" }, { name: "乙" }],
    });
    expect(bulkInput({ ...empty, deadline: "2030-01-01", longTerm: true })).toEqual({ longTerm: true });
  });
});
