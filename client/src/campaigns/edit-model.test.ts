// Editing a campaign: the form starts from the campaign, the patch carries only changes, refusals name fields.
import { describe, expect, it } from "vitest";
import {
  checkEdit,
  checkReason,
  editStateOf,
  outsideOf,
  refusalOf,
  teamChanges,
  teamsOf,
  toPatch,
} from "./edit-model.ts";
import { checkTeams } from "./plan-model.ts";

const campaign = {
  name: "2024年第一季度巡视整改专项督查",
  offices: ["纪委监委", "市委办"],
  startsOn: "2024-03-01",
  endsOn: "2024-03-31",
  actionDueDays: 10,
};

describe("edit model", () => {
  it("prefills the form from the campaign", () => {
    expect(editStateOf(campaign)).toEqual({
      name: campaign.name,
      offices: "纪委监委、市委办",
      startsOn: "2024-03-01",
      endsOn: "2024-03-31",
      dueDays: "10",
    });
  });

  it("patches only what changed, trimmed and typed", () => {
    const before = editStateOf(campaign);
    expect(toPatch(before, { ...before })).toEqual({});
    expect(toPatch(before, { ...before, offices: "纪委监委，市委办 " })).toEqual({});
    expect(toPatch(before, { ...before, name: " 新名称 ", endsOn: "2024-04-15", dueDays: "15" })).toEqual({
      name: "新名称",
      endsOn: "2024-04-15",
      actionDueDays: 15,
    });
    expect(toPatch(before, { ...before, offices: "" })).toEqual({ offices: [] });
  });

  it("checks the facts like planning does", () => {
    const s = editStateOf(campaign);
    expect(checkEdit(s)).toEqual({});
    expect(checkEdit({ ...s, name: " ", endsOn: "2024-02-01", dueDays: "0" })).toEqual({
      name: "needName",
      period: "needPeriod",
      dueDays: "needDueDays",
    });
  });

  it("keeps the targets' own due days inside the period (both ends count; no own day is fine)", () => {
    const s = editStateOf(campaign);
    const dues = ["2024-03-01", null, "2024-03-31T00:00:00.000Z"];
    expect(outsideOf(s, dues)).toBe(0);
    expect(checkEdit(s, dues)).toEqual({});
    expect(outsideOf({ ...s, endsOn: "2024-03-30" }, dues)).toBe(1);
    expect(checkEdit({ ...s, startsOn: "2024-03-02", endsOn: "2024-03-30" }, dues)).toEqual({
      period: "targetsOutside",
    });
  });

  it("asks for a reason of two characters or more", () => {
    expect(checkReason(" 是 ")).toBe("needReason");
    expect(checkReason("计划调整")).toBeNull();
  });

  it("turns the server's issues into the form's fields", () => {
    const failure = (fields: Record<string, string>) => ({ kind: "ValidationError", message: "x", fields });
    expect(refusalOf(failure({ endsOn: "before startsOn" }))).toEqual({
      fields: { period: "needPeriod" },
      cancelled: false,
      outside: 0,
    });
    expect(refusalOf(failure({ "0": "must not be empty", actionDueDays: "at most 365 days" }))).toEqual({
      fields: { offices: "badOffices", dueDays: "needDueDays" },
      cancelled: false,
      outside: 0,
    });
    expect(refusalOf(failure({ id: "cancelled" }))).toEqual({ fields: {}, cancelled: true, outside: 0 });
    expect(refusalOf(failure({ startsOn: "1 targets outside", endsOn: "2 targets outside" }))).toEqual({
      fields: { period: "targetsOutside" },
      cancelled: false,
      outside: 3,
    });
  });

  it("saves only the teams whose name or members changed", () => {
    const t1 = { key: "t1", name: "第一督查组", memberIds: ["u1", "u2"] };
    const t2 = { key: "t2", name: "第二督查组", memberIds: ["u3"] };
    const before = [t1, t2];
    expect(
      teamsOf([
        { id: "t1", name: "第一督查组", members: [{ id: "u1" }, { id: "u2" }] },
        { id: "t2", name: "第二督查组", members: [{ id: "u3" }] },
      ]),
    ).toEqual(before);
    expect(teamChanges(before, before)).toEqual([]);
    // Members in another order are the same team.
    expect(teamChanges(before, [{ ...t1, memberIds: ["u2", "u1"] }, t2])).toEqual([]);
    const after = [
      { ...t1, name: " 第一组 " },
      { ...t2, memberIds: ["u3", "u4"] },
    ];
    expect(teamChanges(before, after)).toEqual([
      { id: "t1", name: "第一组" },
      { id: "t2", memberIds: ["u3", "u4"] },
    ]);
    expect(checkTeams(after)).toBeNull();
    expect(checkTeams([{ ...t1, memberIds: [] }])).toBe("needTeam");
  });
});
