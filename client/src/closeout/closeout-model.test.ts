// Close-out rules on the client: who may do what in which status, which records are offered first, and the
// forms' own checks.
import { describe, expect, it } from "vitest";
import {
  actionsFor,
  checkReasonAndDate,
  checkRequest,
  latestRequestAt,
  orderRecords,
  supervisionVariables,
  supervisionView,
  type MeasureRecord,
  type StatusChange,
} from "./closeout-model.ts";

const rec = (id: string, deviceTime: string, lookBack = false): MeasureRecord => ({
  id,
  kind: "SITE_VISIT",
  deviceTime,
  rating: null,
  lookBack,
  inspectorName: "李",
  findings: "",
});

describe("close-out model", () => {
  it("gives each role its actions by status", () => {
    expect(actionsFor("UNIT_LIAISON", "IN_PROGRESS")).toEqual({
      request: true,
      verify: false,
      scheduleLookBack: false,
      toggleInspection: false,
    });
    expect(actionsFor("UNIT_LIAISON", "NOT_STARTED").request).toBe(false);
    expect(actionsFor("UNIT_LIAISON", "RELAPSED").request).toBe(true);
    expect(actionsFor("INSPECTOR", "COMPLETED")).toEqual({
      request: false,
      verify: false,
      scheduleLookBack: false,
      toggleInspection: false,
    });
    expect(actionsFor("SUPERVISOR", "CLOSE_REQUESTED")).toEqual({
      request: false,
      verify: true,
      scheduleLookBack: false,
      toggleInspection: true,
    });
    expect(actionsFor("ADMIN", "CLOSED")).toEqual({
      request: false,
      verify: false,
      scheduleLookBack: true,
      toggleInspection: false,
    });
  });

  it("asks liaisons for no records or look-backs, and only supervisors for records", () => {
    // The document's @include switches: records for supervisors; look-backs and verifying records for staff.
    const vars = (role: Parameters<typeof supervisionView>[0]) => supervisionVariables("p1", supervisionView(role));
    expect(vars("UNIT_LIAISON")).toEqual({ id: "p1", staff: false, supervisor: false });
    expect(vars("INSPECTOR")).toEqual({ id: "p1", staff: true, supervisor: false });
    expect(vars("ADMIN")).toEqual({ id: "p1", staff: true, supervisor: true });
    expect(vars("SUPERVISOR")).toEqual({ id: "p1", staff: true, supervisor: true });
  });

  it("finds the latest close-out request", () => {
    const h = [
      { toStatus: "CLOSE_REQUESTED", at: "2024-03-01T00:00:00Z" },
      { toStatus: "IN_PROGRESS", at: "2024-03-02T00:00:00Z" },
      { toStatus: "CLOSE_REQUESTED", at: "2024-03-05T00:00:00Z" },
    ] as StatusChange[];
    expect(latestRequestAt(h)).toBe("2024-03-05T00:00:00Z");
    expect(latestRequestAt([])).toBeNull();
  });

  it("offers look-back records first when completing a look-back, newest first otherwise", () => {
    const rs = [
      rec("a", "2024-03-01T00:00:00Z"),
      rec("b", "2024-02-01T00:00:00Z", true),
      rec("c", "2024-04-01T00:00:00Z"),
    ];
    expect(orderRecords(rs, true).map((r) => r.id)).toEqual(["b", "c", "a"]);
    expect(orderRecords(rs, false).map((r) => r.id)).toEqual(["c", "a", "b"]);
  });

  it("checks the forms like the server does", () => {
    expect(checkRequest({ evidence: "", reason: " " })).toEqual({ evidence: "required", reason: "required" });
    expect(checkRequest({ evidence: "台账", reason: "好" })).toEqual({ evidence: "tooShort", reason: "tooShort" });
    expect(checkRequest({ evidence: "已整改完毕，见台账", reason: "完成" })).toEqual({});
    const today = "2024-03-15";
    expect(checkReasonAndDate({ reason: "同意销号", date: "2024-03-15", dateRequired: false }, today)).toEqual({
      date: "notFuture",
    });
    expect(checkReasonAndDate({ reason: "同意", date: "", dateRequired: true }, today)).toEqual({ date: "required" });
    expect(checkReasonAndDate({ reason: "同意", date: "2024-03-16", dateRequired: true }, today)).toEqual({});
  });
});
