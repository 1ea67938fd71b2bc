// Authoring input rules: deadline vs 长期坚持, typed issues with paths, and the audit diff of changed fields only.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { deadlineColumns, inspectionCreateSchema, parseInput } from "./authoring-input.ts";
import { diff } from "./authoring.ts";

describe("deadlineColumns", () => {
  const d = new Date("2030-06-30T00:00:00Z");
  it("keeps a deadline and 长期坚持 apart", () => {
    expect(deadlineColumns({ longTerm: true })).toEqual({ longTerm: true, deadline: null });
    expect(deadlineColumns({ deadline: d })).toEqual({ longTerm: false, deadline: d });
    expect(deadlineColumns({ deadline: null })).toEqual({ deadline: null });
    expect(deadlineColumns({})).toEqual({});
    expect(() => deadlineColumns({ longTerm: true, deadline: d })).toThrow(ValidationError);
  });
});

describe("parseInput", () => {
  it("names every invalid field under input.", () => {
    try {
      parseInput(inspectionCreateSchema, { kind: "调研", team: " ", inspectedBody: "市住建局" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path).sort()).toEqual(["input.kind", "input.team"]);
    }
  });
  it("trims and accepts the five kinds", () => {
    for (const kind of ["巡视", "巡察", "专项巡察", "审计", "其他"]) {
      expect(parseInput(inspectionCreateSchema, { kind, team: " 甲 ", inspectedBody: "乙" }).team).toBe("甲");
    }
  });
});

describe("diff", () => {
  it("keeps only changed fields, dates as days", () => {
    const before = { text: "a", deadline: new Date("2024-01-31T00:00:00Z"), longTerm: false, subPoints: ["x"] };
    expect(diff(before, { text: "a", deadline: null, longTerm: true, subPoints: ["x"], other: undefined })).toEqual({
      before: { deadline: "2024-01-31", longTerm: false },
      after: { deadline: null, longTerm: true },
    });
  });
});
