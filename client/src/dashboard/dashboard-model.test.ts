// The typed-in due-soon threshold is a whole number of days within the server's range.
import { describe, expect, it } from "vitest";
import { parseDueSoonDays } from "./dashboard-model.ts";

describe("parseDueSoonDays", () => {
  it("accepts 1..90 whole days", () => {
    expect(parseDueSoonDays("15")).toBe(15);
    expect(parseDueSoonDays(" 1 ")).toBe(1);
    expect(parseDueSoonDays("90")).toBe(90);
  });
  it("refuses anything else", () => {
    for (const s of ["0", "91", "", "7.5", "-3", "十"]) expect(parseDueSoonDays(s)).toBeNull();
  });
});
