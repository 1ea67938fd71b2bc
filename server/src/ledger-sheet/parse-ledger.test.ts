// The fixtures of make-fixtures.ts read exactly: merged cells, header below a title, repeated problem text,
// every deadline form, several names in a cell, GBK and UTF-8 CSV, warnings, and the files that are refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseLedgerFile } from "./parse-ledger.ts";
import { SheetParseError, type ColumnMapping, type ParsedLedger, type SheetMeasure } from "./types.ts";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const parse = (name: string, mapping?: ColumnMapping) =>
  parseLedgerFile(readFileSync(path.join(dir, name)), { fileName: name, mapping });

const deadline = (m: SheetMeasure) =>
  m.deadline.kind === "date"
    ? m.deadline.day
    : m.deadline.kind === "unreadable"
      ? `?${m.deadline.text}`
      : m.deadline.kind;

/** Problems as [number, section, category, title, measures as "n text | leader | unit | participants | deadline | status"]. */
const shape = (l: ParsedLedger) =>
  l.problems.map((p) => [
    p.number,
    p.section,
    p.category,
    p.title,
    p.measures.map((m) =>
      [
        `${m.number}${m.numbered ? "" : "*"} ${m.text}`,
        m.leadLeader ? m.leadLeader.name + (m.leadLeader.post ? `(${m.leadLeader.post})` : "") : "",
        m.responsibleUnit ?? "",
        m.participants.join("+"),
        deadline(m),
        m.status ?? "",
      ].join(" | "),
    ),
  ]);
const outcomes = (l: ParsedLedger) => l.rows.map((r) => `${r.row}:${r.outcome}`);
const warnings = (l: ParsedLedger) => l.warnings.map((w) => `${w.code}@${w.sheet}:${w.row ?? "-"}`);

describe("parseLedgerFile", () => {
  it("reads merged cells under a title, with category rows, as one problem per merged range", async () => {
    const l = await parse("merged-cells.xlsx");
    expect(l.sheets.map((s) => [s.name, s.headerRow, s.dataRows])).toEqual([["台账", 3, 7]]);
    expect(l.sheets[0]!.columns.map((c) => c.field)).toEqual([
      "number",
      "problem",
      "measure",
      "leadLeader",
      "responsibleUnit",
      "participants",
      "deadline",
      "status",
    ]);
    expect(l.title).toBe("市财政局落实市委第二巡察组反馈意见整改台账");
    expect(l.inspection).toEqual({ team: "市委第二巡察组", inspectedBody: "市财政局", kind: "巡察" });
    expect(shape(l)).toEqual([
      [
        1,
        "CONTINUING",
        "落实全面从严治党主体责任方面",
        "“三重一大”决策制度执行不严格",
        [
          "1 修订“三重一大”决策制度实施办法 | 张三 | 市财政局 | 市审计局 | 2024-06-30 | COMPLETED",
          "2 开展专项检查，一是查会议记录，二是查决策程序 | 张三 | 市财政局 |  | 2024-09-30 | IN_PROGRESS",
          "3 建立长效监督机制 | 李四 | 市纪委监委派驻纪检组 | 市财政局 | longTerm | IN_PROGRESS",
        ],
      ],
      [
        2,
        "COMPLETED",
        "队伍建设方面",
        "干部轮岗交流不够",
        [
          "1 制定干部轮岗交流计划 | 王五 | 市财政局 |  | 2024-12-31 | COMPLETED",
          "2 完成重点岗位轮岗 | 王五 | 市财政局 |  | 2024-12-31 | COMPLETED",
        ],
      ],
    ]);
    expect(outcomes(l)).toEqual([
      "4:category",
      "5:measure",
      "6:measure",
      "7:measure",
      "8:category",
      "9:measure",
      "10:measure",
    ]);
    expect(l.warnings).toEqual([]);
  });

  it("reads repeated problem text as one problem; skips a blank row and a repeated header; warns of an unknown column", async () => {
    const l = await parse("repeated-text.xlsx");
    expect(l.sheets[0]!.headerRow).toBe(1);
    expect(shape(l)).toEqual([
      [
        1,
        "CONTINUING",
        null,
        "政府采购管理不规范",
        [
          "1 修订政府采购内控制度 | 赵六 | 市财政局 |  | 2024-06-30 | COMPLETED",
          "2 开展采购项目复查 | 赵六 | 市财政局 | 市审计局 | 2024-06-30 | IN_PROGRESS",
        ],
      ],
      [
        2,
        "CONTINUING",
        null,
        "专项资金监管不到位",
        ["1 建立专项资金台账 | 孙七 | 市财政局 | 各镇（街道） | 2024-06-30 | IN_PROGRESS"],
      ],
    ]);
    expect(l.problems[0]!.measures[1]!.remarks).toBe("已复查20个项目");
    expect(outcomes(l)).toEqual(["2:measure", "3:measure", "4:blank", "5:header", "6:measure"]);
    expect(warnings(l)).toEqual(["UNKNOWN_COLUMN@台账:1"]);
    expect(l.warnings[0]!.column).toBe("联系电话");
    expect(l.sheets[0]!.columns.find((c) => c.field === "remarks")?.imported).toBe(false);
  });

  it("reads every deadline form and warns of the one it cannot read", async () => {
    const l = await parse("deadlines.xlsx");
    expect(l.problems[0]!.measures.map((m) => `${m.text}=${deadline(m)}`)).toEqual([
      "Excel 日期=2024-06-30",
      "年月底=2024-06-30",
      "点分日期=2024-06-30",
      "年-月=2024-06-30",
      "长期坚持=longTerm",
      "持续推进=longTerm",
      "无法识别=?尽快",
    ]);
    expect(warnings(l)).toEqual(["UNREADABLE_DATE@台账:8"]);
  });

  it("splits several names in one cell; the first unit leads, the others participate", async () => {
    const l = await parse("several-names.xlsx");
    expect(shape(l)[0]![4]).toEqual([
      "1 精简会议文件 | 张三(副市长) | 市委办 | 市政府办+市委组织部+市委宣传部+市财政局 | 2024-12-31 | ",
      "2 清理考核事项 | 李四 | 市委组织部 | 市人社局+市委办 | 2024-12-31 | ",
    ]);
    expect(warnings(l)).toEqual(["SEVERAL_LEADERS@台账:3"]);
  });

  it.each([
    ["gbk.csv", "GB18030"],
    ["utf8.csv", "UTF-8"],
  ])("reads %s (%s), the problem written only on its first row", async (name, encoding) => {
    const l = await parse(name);
    expect(l).toMatchObject({ format: "csv", encoding });
    expect(l.inspection).toEqual({ team: "市委第一巡察组", inspectedBody: "市教育局", kind: "巡察" });
    expect(shape(l)).toEqual([
      [
        1,
        "CONTINUING",
        null,
        "校外培训治理不彻底",
        [
          "1 开展校外培训专项整治 |  | 市教育局 | 市市场监管局 | 2024-06-30 | ",
          "2 建立常态化巡查机制 |  | 市教育局 |  | longTerm | ",
        ],
      ],
      [2, "CONTINUING", null, "食堂管理有漏洞", ["1 完善食堂管理制度，落实陪餐制度 |  | 市教育局 |  | 2024-09-30 | "]],
    ]);
    expect(outcomes(l)).toEqual(["3:measure", "4:measure", "5:measure"]);
  });

  it("accounts for every row and warns of what it cannot take", async () => {
    const l = await parse("warnings.xlsx");
    expect(outcomes(l)).toEqual(["2:skipped", "3:measure", "4:skipped"]);
    expect(warnings(l)).toEqual([
      "UNKNOWN_COLUMN@台账:1",
      "SKIPPED_ROW@台账:2",
      "UNKNOWN_STATUS@台账:3",
      "EMPTY_MEASURE@台账:4",
      "SKIPPED_SHEET@说明:-",
    ]);
    expect(shape(l)).toEqual([[1, "CONTINUING", null, "档案管理不规范", ["1 整理归档 |  | 市档案馆 |  | none | "]]]);
  });

  it("takes the user's corrections of the columns", async () => {
    const l = await parse("warnings.xlsx", [
      { header: "联系人", field: "leadLeader" },
      { header: "完成情况", field: "ignore" },
    ]);
    expect(warnings(l)).toEqual(["SKIPPED_ROW@台账:2", "EMPTY_MEASURE@台账:4", "SKIPPED_SHEET@说明:-"]);
    expect(l.problems[0]!.measures[0]!.leadLeader).toEqual({ name: "周八", post: null });
  });

  it.each([
    ["no-header.xlsx", "NO_HEADER"],
    ["password.xlsx", "PASSWORD_PROTECTED"],
    ["corrupt.xlsx", "CORRUPT"],
    ["legacy.xls", "UNSUPPORTED_FORMAT"],
  ])("refuses %s with %s", async (name, reason) => {
    const err = await parse(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetParseError);
    expect((err as SheetParseError).reason).toBe(reason);
  });

  it("refuses an empty file, a file without a measure column and one with too many rows", async () => {
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: SheetParseError) => e.reason,
      );
    expect(await reason(parseLedgerFile(new Uint8Array(), { fileName: "a.csv" }))).toBe("EMPTY");
    expect(await reason(parseLedgerFile(Buffer.from("序号,反馈问题,责任单位\n1,问题,单位\n")))).toBe("MISSING_COLUMN");
    const big = ["反馈问题,整改措施", ...Array.from({ length: 100_000 }, (_, i) => `问题${i},措施${i}`)].join("\n");
    const started = Date.now();
    expect(await reason(parseLedgerFile(Buffer.from(big)))).toBe("TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
