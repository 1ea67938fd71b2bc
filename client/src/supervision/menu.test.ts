// Supervision screens by role: what the navigation offers and what a typed-in address may open.
import { describe, expect, it } from "vitest";
import { isSupervisionRoute, isSupervisor, mayOpen, supervisionScreens } from "./menu.ts";

describe("supervision menu", () => {
  it("offers each role its screens", () => {
    expect(supervisionScreens("SUPERVISOR")).toEqual([
      "inspections",
      "import",
      "dashboard",
      "ledger",
      "campaigns",
      "notices",
      "analysis",
      "lookbacks",
      "exports",
      "opinions",
    ]);
    expect(supervisionScreens("ADMIN")).toEqual([...supervisionScreens("SUPERVISOR"), "admin"]);
    expect(supervisionScreens("INSPECTOR")).toEqual(["inspections", "dashboard", "lookbacks"]);
    expect(supervisionScreens("UNIT_LIAISON")).toEqual(["dashboard", "notices"]);
  });

  it("guards typed-in addresses", () => {
    expect(mayOpen("UNIT_LIAISON", { name: "opinions" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "notice", id: "x" })).toBe(true);
    expect(mayOpen("INSPECTOR", { name: "notice", id: "x" })).toBe(false);
    expect(mayOpen("INSPECTOR", { name: "analysis", period: null })).toBe(false);
    expect(mayOpen("INSPECTOR", { name: "problems", unitId: "u", leaderId: null, label: null })).toBe(true);
    expect(mayOpen("INSPECTOR", { name: "home" })).toBe(true);
    expect(mayOpen("ADMIN", { name: "admin" })).toBe(true);
    expect(mayOpen("SUPERVISOR", { name: "admin" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "admin" })).toBe(false);
    expect(mayOpen("INSPECTOR", { name: "inspections" })).toBe(true);
    expect(mayOpen("UNIT_LIAISON", { name: "inspections" })).toBe(false);
    expect(mayOpen("SUPERVISOR", { name: "inspection", id: "new" })).toBe(true);
    expect(mayOpen("UNIT_LIAISON", { name: "inspection", id: "new" })).toBe(false);
    expect(mayOpen("SUPERVISOR", { name: "import" })).toBe(true);
    expect(mayOpen("INSPECTOR", { name: "import" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "import" })).toBe(false);
    expect(mayOpen("SUPERVISOR", { name: "ledger" })).toBe(true);
    expect(mayOpen("INSPECTOR", { name: "ledger" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "ledger" })).toBe(false);
    // 专项督查 is planned and followed by supervisors; anyone may open an action (the server scopes it).
    expect(mayOpen("SUPERVISOR", { name: "campaignPlan" })).toBe(true);
    expect(mayOpen("INSPECTOR", { name: "campaign", id: "c" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "campaigns" })).toBe(false);
    expect(mayOpen("UNIT_LIAISON", { name: "action", id: "a" })).toBe(true);
  });

  it("knows supervisors and the supervision area", () => {
    expect(isSupervisor("ADMIN")).toBe(true);
    expect(isSupervisor("INSPECTOR")).toBe(false);
    expect(isSupervisionRoute({ name: "notice", id: "x" })).toBe(true);
    expect(isSupervisionRoute({ name: "admin" })).toBe(true);
    expect(isSupervisionRoute({ name: "records", problemId: null, measureId: null })).toBe(false);
  });
});
