import { describe, expect, it } from "vitest";
import { changedOnly, isEmpty } from "./changed-only.ts";

describe("changedOnly", () => {
  it("keeps only what differs from when the form opened, lists and objects compared by value", () => {
    const opened = { text: "a", deadline: "2025-01-31", units: [{ name: "甲" }], lead: { name: "张" } };
    expect(changedOnly(opened, { ...opened, units: [{ name: "甲" }], lead: { name: "张" } })).toEqual({});
    expect(changedOnly(opened, { ...opened, text: "b" })).toEqual({ text: "b" });
    expect(changedOnly(opened, { ...opened, units: [{ name: "甲" }, { name: "乙" }] })).toEqual({
      units: [{ name: "甲" }, { name: "乙" }],
    });
  });

  it("sends a cleared value (null) and a value that was absent when the form opened", () => {
    const opened: Record<string, unknown> = { longTerm: true };
    expect(changedOnly(opened, { longTerm: false, deadline: null })).toEqual({ longTerm: false, deadline: null });
    expect(changedOnly({ deadline: "2025-01-31" }, { deadline: null })).toEqual({ deadline: null });
    expect(isEmpty(changedOnly(opened, { longTerm: true }))).toBe(true);
  });
});
