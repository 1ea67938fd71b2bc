// Offline search: number forms, title and measure words, Traditional/Simplified folding, ranking and recency.
import { describe, expect, it } from "vitest";
import type { WsProblem } from "../cache/working-set.ts";
import { excerpt, parseNumberQuery, searchProblems } from "./search.ts";
import { fold } from "./zh-fold.ts";

function problem(section: WsProblem["section"], number: number, title: string, measureTexts: string[] = []): WsProblem {
  const id = `${section}-${number}`;
  return {
    id,
    rawId: id,
    section,
    number,
    title,
    body: "",
    status: "IN_PROGRESS",
    deadline: null,
    overdue: false,
    responsibleUnit: null,
    leadLeader: null,
    participatingUnits: [],
    measures: measureTexts.map((text, i) => ({
      id: `${id}-m${i + 1}`,
      rawId: `${id}-m${i + 1}`,
      number: i + 1,
      numbered: true,
      text,
      subPoints: [],
      status: "IN_PROGRESS",
      deadline: null,
      overdue: false,
      responsibleUnit: null,
    })),
  };
}

const ws = [
  problem("COMPLETED", 1, "部分單位‘三重一大’事項問題整改不夠徹底"),
  problem("COMPLETED", 3, "營商環境仍需優化"),
  problem("CONTINUING", 1, "黨建引領作用發揮不夠", ["建立健全台賬制度"]),
  problem("CONTINUING", 3, "生態環境保護存在短板", ["開展河道專項整治", "加強污水處理"]),
  problem("CONTINUING", 12, "招商引資質效不高"),
];
const ids = (q: string, recent: string[] = []) => searchProblems(ws, q, recent).map((h) => h.problem.id);

describe("parseNumberQuery", () => {
  it("reads the number forms inspectors type", () => {
    expect(parseNumberQuery("3")).toEqual({ section: null, number: 3, measure: null });
    expect(parseNumberQuery("二-3")).toEqual({ section: "CONTINUING", number: 3, measure: null });
    expect(parseNumberQuery("（二）3")).toEqual({ section: "CONTINUING", number: 3, measure: null });
    expect(parseNumberQuery("2-3")).toEqual({ section: "CONTINUING", number: 3, measure: null });
    expect(parseNumberQuery("一.12")).toEqual({ section: "COMPLETED", number: 12, measure: null });
    expect(parseNumberQuery("二-3-(2)")).toEqual({ section: "CONTINUING", number: 3, measure: 2 });
    expect(parseNumberQuery("１２")).toEqual({ section: null, number: 12, measure: null });
    expect(parseNumberQuery("環境")).toBeNull();
    expect(parseNumberQuery("123-4")).toBeNull();
  });
});

describe("searchProblems", () => {
  it("finds by number in one or both sections", () => {
    expect(ids("二-3")).toEqual(["CONTINUING-3"]);
    expect(ids("3")).toEqual(["COMPLETED-3", "CONTINUING-3"]);
    expect(ids("12")).toEqual(["CONTINUING-12"]);
  });

  it("points at the measure of a three-part number", () => {
    const [hit] = searchProblems(ws, "二-3-2");
    expect(hit!.measure!.text).toBe("加強污水處理");
  });

  it("finds by title before measure text, in Simplified or Traditional characters", () => {
    expect(ids("环境")).toEqual(["COMPLETED-3", "CONTINUING-3"]);
    expect(ids("問題")).toEqual(["COMPLETED-1"]);
    expect(ids("问题")).toEqual(["COMPLETED-1"]);
    const [hit] = searchProblems(ws, "污水");
    expect(hit!.problem.id).toBe("CONTINUING-3");
    expect(hit!.measure!.number).toBe(2);
  });

  it("needs every word, in any field", () => {
    expect(ids("生态 河道")).toEqual(["CONTINUING-3"]);
    expect(ids("生态 招商")).toEqual([]);
  });

  it("puts recent items first within a tier, otherwise report order", () => {
    expect(ids("", ["CONTINUING-12"])[0]).toBe("CONTINUING-12");
    expect(ids("")).toEqual(ws.map((p) => p.id));
    expect(ids("3", ["CONTINUING-3"])).toEqual(["CONTINUING-3", "COMPLETED-3"]);
  });
});

describe("fold and excerpt", () => {
  it("folds width, case and Traditional characters", () => {
    expect(fold("ＡＢ（一）問題")).toBe("ab(一)问题");
  });
  it("cuts around the first match", () => {
    const text = "甲".repeat(50) + "污水處理" + "乙".repeat(50);
    const e = excerpt(text, "污水", 20);
    expect(e).toContain("污水");
    expect(e.startsWith("…") && e.endsWith("…")).toBe(true);
  });
});
