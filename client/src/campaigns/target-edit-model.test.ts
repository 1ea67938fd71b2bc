import { describe, expect, it } from "vitest";
import { checkTarget, isDay, targetEditStateOf, targetPatch, targetRefusalOf } from "./target-edit-model.ts";

const before = targetEditStateOf({ methods: ["SITE_VISIT"], team: { id: "T1" }, dueOn: null });

describe("target edit model", () => {
  it("reads the target: no own due day is an empty field", () => {
    expect(before).toEqual({ methods: ["SITE_VISIT"], teamId: "T1", dueOn: "" });
    expect(targetEditStateOf({ methods: [], team: { id: "T2" }, dueOn: "2026-12-20" }).dueOn).toBe("2026-12-20");
  });

  it("accepts only real calendar days", () => {
    expect(isDay("2026-12-20")).toBe(true);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-1-5")).toBe(false);
    expect(isDay("明天")).toBe(false);
  });

  it("checks methods, team and the due day (empty is fine)", () => {
    expect(checkTarget(before)).toEqual({});
    expect(checkTarget({ methods: [], teamId: "", dueOn: "2026-13-01" })).toEqual({
      methods: "needMethod",
      teamId: "badTeam",
      dueOn: "badDue",
    });
  });

  it("checks against the campaign as read now: one of its teams, a due day within its period (both ends count)", () => {
    const c = { teamIds: ["T1", "T2"], startsOn: "2026-12-01T00:00:00.000Z", endsOn: "2026-12-31" };
    expect(checkTarget({ ...before, dueOn: "2026-12-01" }, c)).toEqual({});
    expect(checkTarget({ ...before, dueOn: "2026-12-31" }, c)).toEqual({});
    expect(checkTarget({ ...before, dueOn: "2026-11-30" }, c)).toEqual({ dueOn: "dueOutside" });
    expect(checkTarget({ ...before, dueOn: "2027-01-01" }, c)).toEqual({ dueOn: "dueOutside" });
    // A team removed meanwhile (a live re-read no longer has it) is not saved.
    expect(checkTarget({ ...before, teamId: "T3" }, c)).toEqual({ teamId: "badTeam" });
  });

  it("patches only what changed", () => {
    expect(targetPatch(before, { ...before })).toEqual({});
    expect(targetPatch(before, { ...before, teamId: "T2", dueOn: "2026-12-20" })).toEqual({
      teamId: "T2",
      dueOn: "2026-12-20",
    });
    expect(targetPatch({ ...before, dueOn: "2026-12-20" }, before)).toEqual({ dueOn: null });
    // Methods compare as a set and are sent in the canonical order.
    const two = { ...before, methods: ["LEDGER_CHECK", "SITE_VISIT"] as const };
    expect(
      targetPatch({ ...before, methods: ["SITE_VISIT", "LEDGER_CHECK"] }, { ...two, methods: [...two.methods] }),
    ).toEqual({});
    expect(targetPatch(before, { ...two, methods: [...two.methods] })).toEqual({
      methods: ["SITE_VISIT", "LEDGER_CHECK"],
    });
  });

  it("turns the server's typed refusals into field checks", () => {
    expect(
      targetRefusalOf({ kind: "ValidationError", message: "x", fields: { teamId: "unknown team", dueOn: "bad" } }),
    ).toEqual({ fields: { teamId: "badTeam", dueOn: "badDue" }, cancelled: false });
    expect(
      targetRefusalOf({ kind: "ValidationError", message: "x", fields: { dueOn: "outside the period" } }).fields,
    ).toEqual({ dueOn: "dueOutside" });
    expect(targetRefusalOf({ kind: "ValidationError", message: "x", fields: { id: "cancelled" } })).toEqual({
      fields: {},
      cancelled: true,
    });
  });
});
