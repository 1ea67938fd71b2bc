// Growing a campaign: fresh team names, measures still to target, one call per team and methods, team refusals.
import { describe, expect, it } from "vitest";
import type { WsMeasure, WsProblem } from "../cache/working-set.ts";
import { checkPicked, freshTeamName, targetCalls, teamRefusalOf, untargeted } from "./grow-model.ts";

const measure = (id: string): WsMeasure => ({
  id,
  rawId: id,
  number: 1,
  numbered: true,
  text: id,
  subPoints: [],
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
});
const problem = (id: string, inspectionId: string | undefined, measures: string[]): WsProblem => ({
  id,
  rawId: id,
  section: "CONTINUING",
  number: 1,
  title: id,
  body: "",
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
  leadLeader: null,
  participatingUnits: [],
  measures: measures.map(measure),
  ...(inspectionId ? { inspectionId } : {}),
});

describe("grow model", () => {
  const make = (n: number) => `第${n}督查组`;

  it("names a new team after the campaign's teams, never one of their names", () => {
    expect(freshTeamName([], make)).toBe("第1督查组");
    expect(freshTeamName(["第一督查组"], make)).toBe("第2督查组");
    // 第2 was removed, 第3 is left: the next free number after the count.
    expect(freshTeamName(["第1督查组", "第3督查组"], make)).toBe("第4督查组");
    expect(freshTeamName(["第3督查组 ", "第4督查组"], make)).toBe("第5督查组");
  });

  it("offers the campaign's inspection's measures not yet targeted", () => {
    const problems = [
      problem("p1", "i1", ["m1", "m2"]),
      problem("p2", "i2", ["m3"]),
      problem("p3", undefined, ["m4"]),
      problem("p4", "i1", ["m5"]),
    ];
    const left = untargeted(problems, "i1", ["m1", "m5"]);
    expect(left.map((p) => [p.id, p.measures.map((m) => m.id)])).toEqual([
      ["p1", ["m2"]],
      ["p3", ["m4"]],
    ]);
    // The device's copy is not changed.
    expect(problems[0]!.measures).toHaveLength(2);
  });

  it("checks the picks as planning does", () => {
    expect(checkPicked([])).toBe("needTarget");
    expect(checkPicked([{ measureId: "m1", methods: [], teamKey: "t1" }])).toBe("needMethod");
    expect(checkPicked([{ measureId: "m1", methods: ["SITE_VISIT"], teamKey: "t1" }])).toBeNull();
  });

  it("makes one call per team and methods, with the team's id", () => {
    const teams = [
      { key: "T1", name: "第一督查组", memberIds: ["u1"] },
      { key: "T2", name: "第二督查组", memberIds: ["u2"] },
    ];
    const calls = targetCalls({
      teams,
      targets: [
        { measureId: "m1", methods: ["SITE_VISIT"], teamKey: "T2" },
        { measureId: "m2", methods: ["LEDGER_CHECK", "SITE_VISIT"], teamKey: "T2" },
        { measureId: "m3", methods: ["SITE_VISIT"], teamKey: "T2" },
        { measureId: "m4", methods: ["SITE_VISIT"], teamKey: "T1" },
      ],
    });
    expect(calls).toEqual([
      { teamId: "T2", methods: ["SITE_VISIT"], measureIds: ["m1", "m3"] },
      { teamId: "T2", methods: ["SITE_VISIT", "LEDGER_CHECK"], measureIds: ["m2"] },
      { teamId: "T1", methods: ["SITE_VISIT"], measureIds: ["m4"] },
    ]);
  });

  it("reads the server's refusal to remove a team", () => {
    const v = (fields: Record<string, string>) => ({ kind: "ValidationError", message: "x", fields });
    expect(teamRefusalOf(v({ id: "3 targets" }))).toEqual({ kind: "hasTargets", count: 3 });
    expect(teamRefusalOf(v({ id: "1 targets" }))).toEqual({ kind: "hasTargets", count: 1 });
    expect(teamRefusalOf(v({ id: "last team" }))).toEqual({ kind: "lastTeam" });
    expect(teamRefusalOf(v({ campaignId: "cancelled" }))).toEqual({ kind: "cancelled" });
    expect(teamRefusalOf({ kind: "NotFoundError", message: "x", fields: {} })).toEqual({ kind: "gone" });
    expect(teamRefusalOf(v({ name: "duplicate" }))).toEqual({ kind: "other" });
    expect(teamRefusalOf({ kind: "network", message: "x", fields: {} })).toEqual({ kind: "other" });
  });
});
