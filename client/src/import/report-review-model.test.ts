// The report review's model: every line accounted for, figures compared by the server's rules, tree totals and
// grouping, and the inspection found again after an import.
import { describe, expect, it } from "vitest";
import type { ImportedProblem, ReportSummary } from "./import-documents.ts";
import {
  byCategory,
  figureRows,
  matchInspection,
  reportWarnings,
  sourceLines,
  treeTotals,
  warnedLines,
} from "./report-review-model.ts";

const problem = (line: number, over: Partial<ImportedProblem> = {}): ImportedProblem => ({
  line,
  number: 1,
  title: "问题",
  body: "",
  category: null,
  status: "COMPLETED",
  statusFrom: null,
  measures: [],
  children: [],
  ...over,
});

describe("source lines", () => {
  it("marks each line used, skipped, blank or unaccounted, with its warnings", () => {
    const lines = sourceLines({
      sourceLines: ["标题", "", "来源：某网站", "正文一句。", "1.关于问题"],
      lineRoles: [
        { line: 1, role: "title" },
        { line: 5, role: "problem" },
      ],
      skipped: [{ line: 3, reason: "page-furniture", text: "来源：某网站" }],
      warnings: [
        { code: "STATUS_NOT_STATED", line: 5, message: "no status" },
        { code: "SUMMARY_MISMATCH", line: null, message: "25 vs 2" },
      ],
    });
    expect(lines.map((l) => l.state)).toEqual(["used", "blank", "skipped", "unaccounted", "used"]);
    expect(lines[0]).toMatchObject({ line: 1, role: "title" });
    expect(lines[2]).toMatchObject({ reason: "page-furniture" });
    expect(lines[4]!.warnings.map((w) => w.code)).toEqual(["STATUS_NOT_STATED"]);
    expect(
      reportWarnings([
        { code: "SUMMARY_MISMATCH", line: null, message: "" },
        { code: "BODY_LINE_SKIPPED", line: 2, message: "" },
      ]).map((w) => w.code),
    ).toEqual(["SUMMARY_MISMATCH"]);
    expect([...warnedLines([{ code: "BODY_LINE_SKIPPED", line: 2, message: "" }])]).toEqual([2]);
  });
});

describe("summary figures", () => {
  const base: Pick<ReportSummary, "summaryFigures" | "problems" | "completed" | "continuing" | "tree"> = {
    summaryFigures: {
      feedback: 25,
      categories: null,
      completed: 19,
      inProgress: 6,
      notCompleted: null,
      completionRate: 76,
    },
    problems: 2,
    completed: 1,
    continuing: 1,
    tree: [problem(1, { category: "甲" }), problem(2, { category: "甲" })],
  };

  it("compares what the report says with what was read", () => {
    const rows = figureRows(base);
    expect(rows).toEqual([
      { key: "feedback", stated: 25, counted: 2, agrees: false },
      { key: "categories", stated: null, counted: 1, agrees: null },
      { key: "completed", stated: 19, counted: 1, agrees: false },
      { key: "notYet", stated: 6, counted: 1, agrees: false },
      { key: "completionRate", stated: 76, counted: 50, agrees: false },
    ]);
  });

  it("agrees when the figures match, the rate within one point", () => {
    const rows = figureRows({
      ...base,
      summaryFigures: {
        ...base.summaryFigures,
        feedback: 3,
        completed: 2,
        inProgress: 1,
        notCompleted: 0,
        completionRate: 67,
      },
      problems: 3,
      completed: 2,
      continuing: 1,
    });
    expect(rows.filter((r) => r.agrees !== null).every((r) => r.agrees)).toBe(true);
  });
});

describe("tree", () => {
  it("counts problems, sub-problems and measures, and groups by category in order", () => {
    const m = { line: 9, number: 1, numbered: true, subPoints: [], text: "措施" };
    const tree = [
      problem(1, { category: "甲", measures: [m] }),
      problem(3, { category: "甲", status: "NOT_STATED", children: [problem(4, { measures: [m, m] })] }),
      problem(6, { category: "乙" }),
      problem(8, { category: null }),
    ];
    expect(treeTotals(tree)).toEqual({ problems: 5, measures: 3, notStated: 1 });
    expect(byCategory(tree).map((g) => [g.category, g.problems.length])).toEqual([
      ["甲", 2],
      ["乙", 1],
      [null, 1],
    ]);
  });

  it("finds the inspection a report went into, whitespace aside", () => {
    const list = [
      { id: "a", team: "省委第二巡视组", inspectedBody: "某市" },
      { id: "b", team: "市委第一巡察组", inspectedBody: "市财政局" },
    ];
    expect(matchInspection(list, "市委第一巡察组 ", "市 财政局")?.id).toBe("b");
    expect(matchInspection(list, "市委第三巡察组", "市财政局")).toBeNull();
  });
});
