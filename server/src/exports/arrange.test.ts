// Sections follow current statuses, numbering restarts per section and parent, categories stay together, figures are recomputed only where no text states them.
import { describe, expect, it } from "vitest";
import type { RectStatus } from "../generated/prisma/enums.ts";
import { arrangeProblems, currentSummary, flattenArranged, sectionOfStatus, type ArrangeInput } from "./arrange.ts";

let seq = 0;
function problem(over: Partial<ArrangeInput> & { status: RectStatus }): ArrangeInput {
  seq++;
  return {
    id: `p${seq}`,
    parentId: null,
    section: "CONTINUING",
    number: seq,
    title: `T${seq}`,
    category: null,
    ...over,
  };
}

describe("sectionOfStatus", () => {
  it("puts completed, close-requested and closed items in the completed section", () => {
    const all: RectStatus[] = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CLOSE_REQUESTED", "CLOSED", "RELAPSED"];
    expect(all.map(sectionOfStatus)).toEqual([
      "CONTINUING",
      "CONTINUING",
      "COMPLETED",
      "COMPLETED",
      "COMPLETED",
      "CONTINUING",
    ]);
  });
});

describe("arrangeProblems", () => {
  it("moves a problem by its current status and renumbers both sections in published order", () => {
    const a = problem({ section: "COMPLETED", number: 1, status: "CLOSED", title: "A" });
    const b = problem({ section: "COMPLETED", number: 2, status: "RELAPSED", title: "B" });
    const c = problem({ section: "CONTINUING", number: 1, status: "IN_PROGRESS", title: "C" });
    const d = problem({ section: "CONTINUING", number: 2, status: "COMPLETED", title: "D" });
    const out = arrangeProblems([d, c, b, a]);
    expect(out.map((x) => [x.problem.title, x.section, x.number, x.label])).toEqual([
      ["A", "COMPLETED", 1, "1"],
      ["D", "COMPLETED", 2, "2"],
      ["B", "CONTINUING", 1, "1"],
      ["C", "CONTINUING", 2, "2"],
    ]);
  });

  it("keeps sub-problems under their parent, in its section, numbered from 1", () => {
    const parent = problem({ section: "CONTINUING", number: 3, status: "COMPLETED", title: "P" });
    const c2 = problem({ parentId: parent.id, number: 2, status: "IN_PROGRESS", title: "P2" });
    const c1 = problem({ parentId: parent.id, number: 1, status: "IN_PROGRESS", title: "P1" });
    const out = arrangeProblems([c2, parent, c1]);
    expect(out).toHaveLength(1);
    expect(out[0]!.children.map((x) => [x.problem.title, x.section, x.number, x.label])).toEqual([
      ["P1", "COMPLETED", 1, "1.1"],
      ["P2", "COMPLETED", 2, "1.2"],
    ]);
    expect(flattenArranged(out).map((x) => x.problem.title)).toEqual(["P", "P1", "P2"]);
  });

  it("shows a problem whose parent is missing at top level instead of losing it", () => {
    const orphan = problem({ parentId: "gone", status: "IN_PROGRESS", title: "O" });
    expect(arrangeProblems([orphan]).map((x) => x.problem.title)).toEqual(["O"]);
  });

  it("keeps problems of one category together within a section", () => {
    const x1 = problem({ number: 1, status: "IN_PROGRESS", category: "X", title: "x1" });
    const y1 = problem({ number: 2, status: "IN_PROGRESS", category: "Y", title: "y1" });
    const x2 = problem({ number: 3, status: "IN_PROGRESS", category: "X", title: "x2" });
    expect(arrangeProblems([x1, y1, x2]).map((x) => [x.problem.title, x.number])).toEqual([
      ["x1", 1],
      ["x2", 2],
      ["y1", 3],
    ]);
  });
});

describe("currentSummary", () => {
  const counts = { completed: 21, continuing: 4 };
  it("recomputes figures no written text states, keeping the feedback count", () => {
    expect(currentSummary({ feedback: 25, completed: 19, inProgress: 6, completionRate: 76 }, {}, counts)).toEqual({
      feedback: 25,
      completed: 21,
      inProgress: 4,
      completionRate: 84,
    });
  });
  it("keeps figures a written text states, and adds none the report did not have", () => {
    expect(currentSummary({ feedback: 25, completed: 19 }, { completed: 19 }, counts)).toEqual({
      feedback: 25,
      completed: 19,
    });
    expect(currentSummary({}, {}, counts)).toEqual({});
  });
  it("rounds the rate to one decimal", () => {
    expect(currentSummary({ completionRate: 1 }, {}, { completed: 1, continuing: 2 })).toEqual({
      completionRate: 33.3,
    });
  });
});
