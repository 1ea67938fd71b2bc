// The period picker's model and how figures and changes read.
import { describe, expect, it } from "vitest";
import { delta, formatRate, formFor, periodOf, yearOptions } from "./analysis-model.ts";

const now = new Date("2024-05-20T04:00:00Z");

describe("analysis model", () => {
  it("defaults to this month in Shanghai and keeps a given period", () => {
    expect(formFor(null, now)).toEqual({ kind: "MONTH", month: "2024-05", year: "2024", quarter: "2" });
    expect(formFor("2023-Q4", now)).toEqual({ kind: "QUARTER", month: "2024-05", year: "2023", quarter: "4" });
    expect(formFor("2024-02", now).month).toBe("2024-02");
    expect(formFor("junk", now).kind).toBe("MONTH");
  });

  it("builds the period from the picker, or null when incomplete", () => {
    expect(periodOf({ kind: "MONTH", month: "2024-03", year: "2024", quarter: "1" })).toBe("2024-03");
    expect(periodOf({ kind: "QUARTER", month: "", year: "2024", quarter: "3" })).toBe("2024-Q3");
    expect(periodOf({ kind: "MONTH", month: "", year: "2024", quarter: "3" })).toBeNull();
  });

  it("formats rates and changes with arrows", () => {
    expect(formatRate(0.4567)).toBe("45.7%");
    expect(delta(0.0325, "rate")).toEqual({ direction: "up", symbol: "▲", amount: "3.3" });
    expect(delta(-2, "count")).toEqual({ direction: "down", symbol: "▼", amount: "2" });
    expect(delta(0, "count").symbol).toBe("＝");
    expect(delta(-0.00001, "rate").direction).toBe("same");
  });

  it("offers recent years", () => {
    expect(yearOptions(now)).toEqual(["2025", "2024", "2023", "2022", "2021", "2020", "2019"]);
  });
});
