// One report (4 problems in 2 fields of work, 2 done and 2 continuing) written by hand in every layout DOMAIN.md lists
// (fixtures/layouts/*.txt): each must parse to exactly the expected tree, compared in full (deep equality), not by counts.
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { readDocument } from "./read-document.ts";
import { parseReport, ReportParseError } from "./parse-report.ts";
import type { ParsedProblem, ProblemStatus, ReadReport, StatusSource } from "./report-types.ts";
import { readFixture } from "./test-fixtures.ts";
import { titleKey } from "./normalise.ts";

const A = "在“民主集中制”方面";
const B = "在“资金管理”方面";
const INDICATOR = {
  ordinal: 1,
  value: "12",
  unit: "万元",
  label: "已追回资金",
  asOf: null,
  rawText: "已追回资金12万元",
};

/** A measure without its source line; `numbered: false` is a problem's single unnumbered paragraph. */
const m = (number: number, text: string, numbered = true) => ({
  number,
  numbered,
  text,
  subPoints: [],
  indicators: text.includes("12万元") ? [INDICATOR] : [],
});

interface Variant {
  /** Problem numbers as written. */
  numbers: [number, number, number, number];
  categories: boolean;
  status: [ProblemStatus, ProblemStatus, ProblemStatus, ProblemStatus];
  from: [StatusSource | null, StatusSource | null, StatusSource | null, StatusSource | null];
  /** Whether problem 3's single measure is written "（1）…" (numbered) or as a bare paragraph. */
  thirdNumbered: boolean;
  bodies?: [string, string, string, string];
}

/** The tree every layout encodes, as the parser must return it (line numbers left out). */
function tree(v: Variant) {
  const titles = ["议事决策不规范", "选人用人把关不严", "资金监管不严", "专项资金使用不规范"];
  const measures = [
    [m(1, "修订议事规则。"), m(2, "建立会议台账。")],
    [m(1, "开展专项检查。"), m(2, "完善选任制度。")],
    [m(1, "建立资金审批制度，已追回资金12万元。", v.thirdNumbered)],
    [m(1, "清理专项资金。"), m(2, "健全绩效评价。")],
  ];
  return titles.map((title, i) => ({
    section: v.status[i] === "COMPLETED" ? "COMPLETED" : "CONTINUING",
    status: v.status[i],
    statusFrom: v.from[i],
    number: v.numbers[i],
    title,
    titleKey: titleKey(title),
    category: v.categories ? (i < 2 ? A : B) : null,
    body: v.bodies?.[i] ?? "",
    measures: measures[i],
    children: [],
  }));
}

function shape(p: ParsedProblem): unknown {
  const { line: _line, measures, children, ...rest } = p;
  return {
    ...rest,
    measures: measures.map(({ line: _l, ...mm }) => mm),
    children: children.map(shape),
  };
}

const DONE2: Variant["status"] = ["COMPLETED", "COMPLETED", "CONTINUING", "CONTINUING"];
const SECTION: Variant["from"] = ["section", "section", "section", "section"];
const COLUMN: Variant["from"] = ["column", "column", "column", "column"];

const cases: Array<[file: string, variant: Variant, layout: Partial<ReadReport["layout"]>]> = [
  [
    "frame-sections.txt",
    { numbers: [1, 2, 1, 2], categories: false, status: DONE2, from: SECTION, thirdNumbered: true },
    { parts: ["organisation", "progress", "next-steps"], sections: true, categories: false, problemMarker: "arabic" },
  ],
  [
    "more-parts.txt",
    { numbers: [1, 2, 3, 4], categories: false, status: DONE2, from: SECTION, thirdNumbered: true },
    { parts: ["other", "progress", "effects", "next-steps"], sections: true, problemMarker: "arabic" },
  ],
  [
    "parts-are-categories.txt",
    { numbers: [1, 2, 1, 2], categories: true, status: DONE2, from: COLUMN, thirdNumbered: false },
    { parts: ["category", "category"], sections: false, categories: true, problemMarker: "paren-cn" },
  ],
  [
    "categories-in-sections.txt",
    { numbers: [1, 2, 1, 2], categories: true, status: DONE2, from: SECTION, thirdNumbered: true },
    { sections: true, categories: true, problemMarker: "arabic" },
  ],
  [
    "question-headings.txt",
    { numbers: [1, 2, 3, 4], categories: false, status: DONE2, from: COLUMN, thirdNumbered: false },
    { parts: ["progress"], sections: false, problemMarker: "question" },
  ],
  [
    "numbers-lost.txt",
    { numbers: [1, 2, 1, 2], categories: false, status: DONE2, from: SECTION, thirdNumbered: false },
    { sections: true, problemMarker: "none" },
  ],
  [
    "inline-headings-own-words.txt",
    {
      numbers: [1, 2, 3, 4],
      categories: true,
      status: ["COMPLETED", "COMPLETED", "NOT_STATED", "CONTINUING"],
      from: ["words", "words", null, "words"],
      thirdNumbered: false,
      bodies: ["该问题已整改到位。", "该问题已完成整改。", "", "该问题持续推进。"],
    },
    { categories: true, problemMarker: "paren" },
  ],
  [
    "table.txt",
    { numbers: [1, 2, 1, 2], categories: true, status: DONE2, from: COLUMN, thirdNumbered: false },
    { parts: ["progress"], problemMarker: "table" },
  ],
  [
    "web-copy.txt",
    { numbers: [1, 2, 3, 4], categories: false, status: DONE2, from: SECTION, thirdNumbered: true },
    { sections: true, problemMarker: "arabic" },
  ],
  [
    "not-stated.txt",
    {
      numbers: [1, 2, 3, 4],
      categories: true,
      status: ["NOT_STATED", "NOT_STATED", "NOT_STATED", "NOT_STATED"],
      from: [null, null, null, null],
      thirdNumbered: true,
    },
    { categories: true, sections: false },
  ],
];

describe("hand-written layouts of one report", () => {
  it.each(cases)("%s parses to exactly the expected tree", (file, variant, layout) => {
    const r = parseReport(readFixture(`layouts/${file}`));
    expect(r.problems.map(shape)).toEqual(tree(variant));
    expect(r.layout).toMatchObject(layout);
    expect(r.header).toMatchObject({
      team: "市委第二巡察组",
      inspectedBody: "市民政局党组",
      kind: "巡察",
      startDate: "2023-04-03",
      endDate: "2023-06-02",
      feedbackDate: "2023-07-20",
    });
    expect({ issuer: r.issuer, reportDate: r.reportDate }).toEqual({
      issuer: "中共某市民政局党组",
      reportDate: "2024-01-15",
    });
    // Every non-blank line is used once or skipped.
    const lines = readFixture(`layouts/${file}`).split("\n");
    const accounted = new Set([...r.lineRoles.map((l) => l.line), ...r.skipped.map((s) => s.line)]);
    expect(lines.flatMap((t, i) => (t.trim() === "" || accounted.has(i + 1) ? [] : [i + 1]))).toEqual([]);
  });

  it("states a warning for each problem whose status no section, column or words give, and guesses none", () => {
    const r = parseReport(readFixture("layouts/not-stated.txt"));
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ["STATUS_NOT_STATED", 3],
      ["STATUS_NOT_STATED", 6],
      ["STATUS_NOT_STATED", 10],
      ["STATUS_NOT_STATED", 12],
    ]);
    const inline = parseReport(readFixture("layouts/inline-headings-own-words.txt"));
    expect(inline.warnings.map((w) => [w.code, w.line])).toEqual([["STATUS_NOT_STATED", 10]]);
  });

  it("reads the frame's points, summary figures and contact, and checks the figures", () => {
    const r = parseReport(readFixture("layouts/frame-sections.txt"));
    expect(r.organisation).toEqual({
      intro: "局党组把巡察整改作为重大政治任务。",
      points: ["成立整改领导小组。", "建立整改台账。"],
    });
    expect(r.nextSteps).toEqual({ intro: "", points: ["持续抓好整改。", "建立长效机制。"] });
    expect(r.summary).toEqual({ categories: 2, feedback: 4, completed: 2, inProgress: 2, completionRate: 50 });
    expect(r.contact).toEqual({
      text: "欢迎广大干部群众监督，联系电话：0512-12345678。",
      phone: "0512-12345678",
      email: null,
    });
    expect(r.warnings).toEqual([]);
    const wrong = readFixture("layouts/frame-sections.txt").replace("已完成整改2个", "已完成整改3个");
    expect(parseReport(wrong).warnings.map((w) => w.code)).toEqual(["SUMMARY_MISMATCH"]);
  });

  it("keeps a fourth part and 整改成效 as other parts", () => {
    const r = parseReport(readFixture("layouts/more-parts.txt"));
    expect(r.otherParts).toEqual([
      "一、提高政治站位，扛牢整改责任\n局党组把巡察整改作为重大政治任务。",
      "三、整改成效\n干部作风明显转变。",
    ]);
    expect(r.nextSteps.points).toEqual(["持续抓好整改。", "建立长效机制。"]);
  });

  it("skips a web page's furniture line by line and takes its title line", () => {
    const r = parseReport(readFixture("layouts/web-copy.txt"));
    expect(r.title).toBe("关于市民政局党组巡察整改进展情况的通报");
    expect(r.skipped).toEqual([
      { line: 1, text: "首页 > 信息公开 > 巡察工作", reason: "page-furniture" },
      { line: 3, text: "来源：市纪委监委 发布时间：2024-01-16 浏览次数：321", reason: "page-furniture" },
      { line: 4, text: "【字体：大 中 小】 打印本页 关闭窗口", reason: "page-furniture" },
      { line: 21, text: "分享到：", reason: "page-furniture" },
      { line: 22, text: "主办单位：某市纪委监委 版权所有", reason: "page-furniture" },
      { line: 23, text: "苏ICP备12345678号", reason: "page-furniture" },
    ]);
    expect(r.header.text.startsWith("根据市委统一部署")).toBe(true);
    expect(r.lineRoles.slice(0, 3)).toEqual([
      { line: 2, role: "title" },
      { line: 5, role: "header" },
      { line: 6, role: "section" },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("reads a table's rows, carrying its category column down over blank (merged) cells", () => {
    const r = parseReport(readFixture("layouts/table.txt"));
    expect(r.lineRoles.filter((l) => l.role === "table").map((l) => l.line)).toEqual([3, 4, 5, 6, 7]);
    expect(r.warnings).toEqual([]);
  });

  it("reads the same table written as a Word table (.docx)", async () => {
    const text = readFixture("layouts/table.txt");
    const lines = text.trimEnd().split("\n");
    const rows = lines.filter((l) => l.includes("\t"));
    const cell = (c: string) => new TableCell({ children: [new Paragraph(c)] });
    const table = new Table({ rows: rows.map((r) => new TableRow({ children: r.split("\t").map(cell) })) });
    const at = lines.indexOf(rows[0]!);
    const paragraphs = (ls: string[]) => ls.filter((l) => !l.includes("\t")).map((l) => new Paragraph(l));
    const doc = new Document({
      sections: [{ children: [...paragraphs(lines.slice(0, at)), table, ...paragraphs(lines.slice(at))] }],
    });
    const read = await readDocument(await Packer.toBuffer(doc), "report.docx");
    expect(read.text.split("\n").slice(2, 4)).toEqual(rows.slice(0, 2));
    expect(parseReport(read.text).problems.map(shape)).toEqual(parseReport(text).problems.map(shape));
  });

  it.each([
    [
      "a row without measures",
      (t: string) => t.replace("\t建立资金审批制度，已追回资金12万元。\t", "\t\t"),
      6,
      "the measures",
    ],
    [
      "a row numbered out of order",
      (t: string) => t.replace("\n2\t\t关于“选人用人", "\n3\t\t关于“选人用人"),
      5,
      "problem number 2",
    ],
    [
      "a row whose 序号 is not a number",
      (t: string) => t.replace("\n2\t\t关于“选人用人", "\n第二\t\t关于“选人用人"),
      5,
      "序号",
    ],
  ])("points at the table row that breaks the structure: %s", (_name, edit, line, expected) => {
    const text = edit(readFixture("layouts/table.txt"));
    let error: unknown = null;
    try {
      parseReport(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).line).toBe(line);
    expect((error as ReportParseError).expected).toContain(expected);
  });
});
