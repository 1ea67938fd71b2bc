// The picker's state rules: the working list's order, bound and forgetting.
import { describe, expect, it } from "vitest";
import { EMPTY_PICK, inspectionName, pickInspection, rawInspectionId, withKnown } from "./pick-model.ts";

describe("pickInspection", () => {
  it("keeps the last three picked, newest first, without duplicates; all (null) keeps the list", () => {
    let s = EMPTY_PICK;
    for (const id of ["a", "b", "a", "c", "d"]) s = pickInspection(s, id);
    expect(s).toMatchObject({ current: "d", working: ["d", "c", "a"] });
    s = pickInspection(s, null);
    expect(s).toMatchObject({ current: null, working: ["d", "c", "a"] });
  });
  it("forgets inspections that are gone", () => {
    const s = withKnown({ current: "x", working: ["x", "y"], known: [] }, [{ id: "y", name: "Y" }]);
    expect(s).toEqual({ current: null, working: ["y"], known: [{ id: "y", name: "Y" }] });
  });
});

describe("names and ids", () => {
  it("names an inspection by round, team, body and kind", () => {
    expect(
      inspectionName({ kind: "巡察", round: "十四届市委第五轮", team: "市委第二巡察组", inspectedBody: "市住建局" }),
    ).toBe("十四届市委第五轮 · 市委第二巡察组 → 市住建局（巡察）");
    expect(inspectionName({ kind: "审计", team: "市审计局", inspectedBody: "市交通局" })).toBe(
      "市审计局 → 市交通局（审计）",
    );
  });
  it("decodes a global id", () => {
    expect(rawInspectionId(btoa("Inspection:0b1e0000-0000-4000-8000-000000000001"))).toBe(
      "0b1e0000-0000-4000-8000-000000000001",
    );
  });
});
