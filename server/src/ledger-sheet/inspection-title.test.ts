// Titles above a ledger's header, as offices write them and as the export writes them.
import { describe, expect, it } from "vitest";
import { guessInspection, ledgerTitle } from "./inspection-title.ts";

describe("guessInspection", () => {
  it.each([
    ["常熟市落实省委第二巡视组反馈意见整改台账", { team: "省委第二巡视组", inspectedBody: "常熟市", kind: "巡视" }],
    ["市委第三巡察组巡察市财政局反馈问题整改台账", { team: "市委第三巡察组", inspectedBody: "市财政局", kind: "巡察" }],
    [
      "关于市委第一巡察组对市教育局反馈问题的整改台账",
      { team: "市委第一巡察组", inspectedBody: "市教育局", kind: "巡察" },
    ],
    [
      "中共某县水务局党组落实县委第二巡察组反馈意见整改台账",
      { team: "县委第二巡察组", inspectedBody: "某县水务局党组", kind: "巡察" },
    ],
  ])("%s", (title, guess) => expect(guessInspection(title)).toEqual(guess));

  it("reads back the export's title", () => {
    expect(guessInspection(ledgerTitle("省委第二巡視組", "常熟市"))).toEqual({
      team: "省委第二巡視組",
      inspectedBody: "常熟市",
      kind: "巡视",
    });
  });

  it("gives null when the team or the body is missing", () => {
    expect(guessInspection("整改台账")).toBeNull();
    expect(guessInspection("巡察反馈问题整改台账")).toBeNull();
    expect(guessInspection(null)).toBeNull();
  });
});
