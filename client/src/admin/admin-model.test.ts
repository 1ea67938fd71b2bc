// The new-user form's own checks, the variables it sends, and the order of the user list.
import { describe, expect, it } from "vitest";
import { checkNewUser, checkUnit, EMPTY_USER, newUserVariables, orderUsers, type AdminUser } from "./admin-model.ts";

describe("admin model", () => {
  it("checks a new user: username, a password of 10 or more, a unit for a liaison", () => {
    expect(checkNewUser(EMPTY_USER)).toEqual({ username: "required", password: "required" });
    expect(checkNewUser({ ...EMPTY_USER, username: "a1", password: "short" })).toEqual({ password: "tooShort" });
    expect(checkNewUser({ ...EMPTY_USER, username: "a1", password: "0123456789" })).toEqual({});
    const liaison = { ...EMPTY_USER, username: "l1", password: "0123456789", role: "UNIT_LIAISON" as const };
    expect(checkNewUser(liaison)).toEqual({ unitId: "required" });
    expect(checkNewUser({ ...liaison, unitId: "VW5pdDox" })).toEqual({});
  });

  it("sends a unit only for a liaison, and no empty display name", () => {
    const f = { ...EMPTY_USER, username: " l1 ", password: "0123456789", unitId: "VW5pdDox" };
    expect(newUserVariables(f)).toMatchObject({ username: "l1", displayName: null, unitId: null });
    expect(newUserVariables({ ...f, role: "UNIT_LIAISON", displayName: "张三" })).toMatchObject({
      displayName: "张三",
      unitId: "VW5pdDox",
    });
  });

  it("requires a unit name", () => {
    expect(checkUnit("  ")).toEqual({ unitName: "required" });
    expect(checkUnit("市财政局")).toEqual({});
  });

  it("lists active users first, by username", () => {
    const u = (username: string, active: boolean) => ({ username, active }) as AdminUser;
    expect(orderUsers([u("b", false), u("c", true), u("a", true)]).map((x) => x.username)).toEqual(["a", "c", "b"]);
  });
});
