// Opinion triage: which actions each status offers, and that an answer needs text.
import { describe, expect, it } from "vitest";
import { actionsForOpinion, answerProblem } from "./opinions-model.ts";

describe("opinions model", () => {
  it("offers actions until an opinion is settled", () => {
    expect(actionsForOpinion("NEW")).toEqual(["TRIAGED", "ANSWERED", "DISMISSED"]);
    expect(actionsForOpinion("TRIAGED")).toEqual(["ANSWERED", "DISMISSED"]);
    expect(actionsForOpinion("ANSWERED")).toEqual([]);
    expect(actionsForOpinion("DISMISSED")).toEqual([]);
  });
  it("requires text for an answer only", () => {
    expect(answerProblem("ANSWERED", " ")).toBe("required");
    expect(answerProblem("ANSWERED", "已转市住建局办理")).toBeNull();
    expect(answerProblem("DISMISSED", "")).toBeNull();
  });
});
