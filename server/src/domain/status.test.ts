import { describe, expect, it } from "vitest";
import { checkTransition, rollUpStatus } from "./status.ts";

describe("status transitions", () => {
  it("lets a unit request close-out but only a supervisor close it", () => {
    expect(checkTransition("IN_PROGRESS", "CLOSE_REQUESTED", "UNIT_LIAISON")).toEqual({ ok: true });
    const liaison = checkTransition("CLOSE_REQUESTED", "CLOSED", "UNIT_LIAISON");
    expect(liaison.ok).toBe(false);
    expect(checkTransition("CLOSE_REQUESTED", "CLOSED", "SUPERVISOR")).toEqual({ ok: true });
  });
  it("refuses transitions that skip verification", () => {
    const r = checkTransition("IN_PROGRESS", "CLOSED", "ADMIN");
    expect(r).toEqual({ ok: false, why: "allowed next statuses are COMPLETED, CLOSE_REQUESTED" });
    expect(checkTransition("IN_PROGRESS", "IN_PROGRESS", "ADMIN").ok).toBe(false);
    expect(checkTransition("IN_PROGRESS", "COMPLETED", "INSPECTOR").ok).toBe(false);
  });
  it("rolls a problem up from its measures", () => {
    expect(rollUpStatus([])).toBeNull();
    expect(rollUpStatus(["CLOSED", "CLOSED"])).toBe("CLOSED");
    expect(rollUpStatus(["CLOSED", "COMPLETED"])).toBe("COMPLETED");
    expect(rollUpStatus(["CLOSED", "IN_PROGRESS"])).toBe("IN_PROGRESS");
    expect(rollUpStatus(["CLOSED", "RELAPSED"])).toBe("RELAPSED");
    expect(rollUpStatus(["NOT_STARTED"])).toBe("NOT_STARTED");
  });
});
