import { describe, expect, it } from "vitest";
import { assessAction, isFinding, refuseStep } from "./actions.ts";
import { DEFAULT_THRESHOLDS } from "./traffic-light.ts";

const now = new Date("2024-03-15T04:00:00Z");
const due = (d: string) => new Date(`${d}T00:00:00Z`);

describe("isFinding", () => {
  it("opens actions for 进度滞后, 发现问题 or a follow-up flag only", () => {
    expect(isFinding({ rating: "LAGGING", followUpRequired: false })).toBe(true);
    expect(isFinding({ rating: "PROBLEM_FOUND", followUpRequired: false })).toBe(true);
    expect(isFinding({ rating: "ON_TRACK", followUpRequired: true })).toBe(true);
    expect(isFinding({ rating: null, followUpRequired: true })).toBe(true);
    expect(isFinding({ rating: "ON_TRACK", followUpRequired: false })).toBe(false);
    expect(isFinding({ rating: null, followUpRequired: false })).toBe(false);
  });
});

describe("assessAction", () => {
  const th = DEFAULT_THRESHOLDS;
  it("an open 发现问题 action is red, a 进度滞后 one yellow, like a measure", () => {
    expect(assessAction({ status: "OPEN", dueOn: due("2024-04-30"), rating: "PROBLEM_FOUND" }, now, th).light).toBe(
      "RED",
    );
    expect(assessAction({ status: "OPEN", dueOn: due("2024-04-30"), rating: "LAGGING" }, now, th).light).toBe("YELLOW");
    expect(assessAction({ status: "OPEN", dueOn: due("2024-04-30"), rating: null }, now, th).light).toBe("GREEN");
  });
  it("is overdue past its due day unless answered or confirmed", () => {
    const past = { dueOn: due("2024-03-14"), rating: null };
    expect(assessAction({ ...past, status: "OPEN" }, now, th)).toMatchObject({ light: "RED", overdue: true });
    expect(assessAction({ ...past, status: "REOPENED" }, now, th).overdue).toBe(true);
    expect(assessAction({ ...past, status: "ANSWERED" }, now, th)).toMatchObject({ light: "GREEN", overdue: false });
    expect(assessAction({ ...past, status: "CONFIRMED" }, now, th)).toMatchObject({ light: "GREY", overdue: false });
  });
  it("is due soon within the threshold", () => {
    expect(assessAction({ status: "OPEN", dueOn: due("2024-03-20"), rating: null }, now, th)).toMatchObject({
      light: "YELLOW",
      dueSoon: true,
    });
  });
});

describe("refuseStep", () => {
  it("follows OPEN/REOPENED → ANSWERED → CONFIRMED, and back to REOPENED", () => {
    expect(refuseStep("OPEN", "ANSWER")).toBeNull();
    expect(refuseStep("REOPENED", "ANSWER")).toBeNull();
    expect(refuseStep("CONFIRMED", "ANSWER")).not.toBeNull();
    expect(refuseStep("ANSWERED", "CONFIRM")).toBeNull();
    expect(refuseStep("OPEN", "CONFIRM")).not.toBeNull();
    expect(refuseStep("ANSWERED", "REOPEN")).toBeNull();
    expect(refuseStep("CONFIRMED", "REOPEN")).toBeNull();
    expect(refuseStep("OPEN", "REOPEN")).not.toBeNull();
  });
});
