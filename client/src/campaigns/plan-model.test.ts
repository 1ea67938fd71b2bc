// Campaign planning: checks name the failing field, the ledger filter picks by unit and light, input by team index.
import { describe, expect, it } from "vitest";
import type { WsProblem } from "../cache/working-set.ts";
import {
  addTargets,
  checkPlan,
  filterMeasures,
  ledgerUnits,
  removeTeam,
  splitOffices,
  targetBatches,
  toInput,
  type PlanState,
} from "./plan-model.ts";

const plan: PlanState = {
  name: "2024年第一季度巡视整改专项督查",
  offices: "纪委监委、市委办, 巡察办",
  startsOn: "2024-03-01",
  endsOn: "2024-03-31",
  dueDays: "10",
  teams: [{ key: "a", name: "第一督查组", memberIds: ["u1"] }],
  targets: [{ measureId: "m1", methods: ["SITE_VISIT"], teamKey: "a" }],
};

const problem = (n: number, measures: [string, string | null, WsProblem["light"]][]): WsProblem => ({
  id: `p${n}`,
  rawId: `p${n}`,
  section: "CONTINUING",
  number: n,
  title: `问题${n}`,
  body: "",
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
  leadLeader: null,
  participatingUnits: [],
  measures: measures.map(([id, unit, light], i) => ({
    id,
    rawId: id,
    number: i + 1,
    numbered: true,
    text: `措施${id}`,
    subPoints: [],
    status: "IN_PROGRESS",
    deadline: null,
    overdue: false,
    responsibleUnit: unit,
    light,
  })),
});

describe("campaign plan", () => {
  it("accepts a complete plan and builds the input with team indexes and split offices", () => {
    expect(checkPlan(plan)).toEqual({});
    expect(splitOffices(" 纪委监委、市委办，,巡察办 ")).toEqual(["纪委监委", "市委办", "巡察办"]);
    expect(toInput(plan, "insp")).toEqual({
      name: "2024年第一季度巡视整改专项督查",
      offices: ["纪委监委", "市委办", "巡察办"],
      inspectionId: "insp",
      startsOn: "2024-03-01",
      endsOn: "2024-03-31",
      actionDueDays: 10,
      teams: [{ name: "第一督查组", memberIds: ["u1"] }],
    });
  });

  it("groups targets by team and methods for adding them", () => {
    const two: PlanState = {
      ...plan,
      teams: [...plan.teams, { key: "b", name: " 第二督查组 ", memberIds: ["u2"] }],
      targets: [
        { measureId: "m1", methods: ["SITE_VISIT"], teamKey: "a" },
        { measureId: "m2", methods: ["LEDGER_CHECK", "SITE_VISIT"], teamKey: "a" },
        { measureId: "m3", methods: ["SITE_VISIT", "LEDGER_CHECK"], teamKey: "a" },
        { measureId: "m4", methods: ["SITE_VISIT"], teamKey: "b" },
        { measureId: "m5", methods: ["SITE_VISIT"], teamKey: "a" },
      ],
    };
    expect(targetBatches(two)).toEqual([
      { teamName: "第一督查组", methods: ["SITE_VISIT"], measureIds: ["m1", "m5"] },
      { teamName: "第一督查组", methods: ["SITE_VISIT", "LEDGER_CHECK"], measureIds: ["m2", "m3"] },
      { teamName: "第二督查组", methods: ["SITE_VISIT"], measureIds: ["m4"] },
    ]);
  });

  it("names each failing field", () => {
    expect(
      checkPlan({
        ...plan,
        name: " ",
        endsOn: "2024-02-01",
        dueDays: "0",
        teams: [{ key: "a", name: "第一组", memberIds: [] }],
        targets: [],
      }),
    ).toEqual({
      name: "needName",
      period: "needPeriod",
      dueDays: "needDueDays",
      teams: "needTeam",
      targets: "needTarget",
    });
    expect(checkPlan({ ...plan, targets: [{ measureId: "m1", methods: [], teamKey: "a" }] })).toEqual({
      targets: "needMethod",
    });
    expect(checkPlan({ ...plan, dueDays: "2.5" }).dueDays).toBe("needDueDays");
  });

  it("filters the ledger by units and lights; no filter is everything", () => {
    const ledger = [
      problem(1, [
        ["m1", "市财政局", "RED"],
        ["m2", "市财政局", "GREEN"],
      ]),
      problem(2, [
        ["m3", "市住建局", "YELLOW"],
        ["m4", null, undefined],
      ]),
    ];
    const ids = (f: Parameters<typeof filterMeasures>[1]) => filterMeasures(ledger, f).map((p) => p.measure.id);
    expect(ids({ units: [], lights: [] })).toEqual(["m1", "m2", "m3", "m4"]);
    expect(ids({ units: ["市财政局"], lights: ["RED", "YELLOW"] })).toEqual(["m1"]);
    expect(ids({ units: [], lights: ["RED", "YELLOW"] })).toEqual(["m1", "m3"]);
    expect(ids({ units: [], lights: ["GREEN"] })).toEqual(["m2", "m4"]);
    expect(ledgerUnits(ledger)).toEqual(["市财政局", "市住建局"].sort((a, b) => a.localeCompare(b, "zh-CN")));
  });

  it("adds picks once, and moves a removed team's targets to the first team left", () => {
    const ledger = [
      problem(1, [
        ["m1", "市财政局", "RED"],
        ["m2", "市财政局", "RED"],
      ]),
    ];
    const targets = addTargets(plan.targets, filterMeasures(ledger, { units: [], lights: [] }), "a");
    expect(targets.map((t) => t.measureId)).toEqual(["m1", "m2"]);
    const two = { ...plan, teams: [...plan.teams, { key: "b", name: "第二组", memberIds: ["u2"] }] };
    const moved = removeTeam({ ...two, targets: [{ measureId: "m1", methods: ["SITE_VISIT"], teamKey: "b" }] }, "b");
    expect(moved.teams.map((t) => t.key)).toEqual(["a"]);
    expect(moved.targets[0]!.teamKey).toBe("a");
  });
});
