// Tests of parseReport on the published sample, on each real-world variant, and on malformed input (line number and expectation of every error).
import { describe, expect, it } from "vitest";
import { countReport, parseReport, ReportParseError } from "./parse-report.ts";
import type { ParsedReport } from "./report-types.ts";
import { EXPECT } from "./line-patterns.ts";
import { cnToInt, intToCn, titleKey } from "./normalise.ts";
import { readFixture, readSample } from "./test-fixtures.ts";

const sample = parseReport(readSample());
const byTitle = (r: ParsedReport, title: string) => {
  const p = r.problems.find((x) => x.title === title);
  if (!p) throw new Error(`no problem ${title}`);
  return p;
};

describe("parseReport on the published sample", () => {
  it("counts 36 problems (4 completed, 32 continuing) and 120 measures", () => {
    expect(countReport(sample)).toEqual({ problems: 36, measures: 120, completed: 4, continuing: 32 });
  });

  it("restarts numbering at 1 in each section", () => {
    const numbers = (s: string) => sample.problems.filter((p) => p.section === s).map((p) => p.number);
    expect(numbers("COMPLETED")).toEqual([1, 2, 3, 4]);
    expect(numbers("CONTINUING")).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it("reads the header facts", () => {
    expect(sample.script).toBe("traditional");
    const { text, ...facts } = sample.header;
    expect(text.startsWith("根據省委統一部署")).toBe(true);
    expect(facts).toEqual({
      team: "省委第二巡視組",
      inspectedBody: "常熟市",
      kind: "巡视",
      startDate: "2023-04-18",
      endDate: "2023-06-28",
      feedbackDate: "2023-10-09",
    });
  });

  it("reads contact, issuer and date", () => {
    expect(sample.contact.phone).toBe("0512-52028050");
    expect(sample.contact.email).toBe("csswxczg@mail.changshu.gov.cn");
    expect(sample.contact.text).toMatch(/^歡迎廣大干部群眾.*聯系方式/);
    expect(sample.issuer).toBe("中共常熟市委員會");
    expect(sample.reportDate).toBe("2024-03-15");
  });

  it("reads the organisation and next-step points without their 一是 prefixes", () => {
    expect(sample.organisation.intro.startsWith("常熟市委深入貫徹")).toBe(true);
    expect(sample.organisation.points.map((p) => p.slice(0, 8))).toEqual([
      "堅決扛牢政治責任",
      "層層傳導責任壓力",
      "完善長效管理機制",
    ]);
    expect(sample.nextSteps.intro.startsWith("通過3個月集中整改")).toBe(true);
    expect(sample.nextSteps.points).toHaveLength(3);
    expect(sample.nextSteps.points[2]?.startsWith("切實推動巡視成果轉化")).toBe(true);
    expect(sample.summary).toEqual({});
    expect(sample.progressIntro).toBeUndefined();
  });

  it("keeps inner quotes in titles and normalises the key", () => {
    const p = byTitle(sample, "部分單位\u2018三重一大\u2019事項問題整改不夠徹底");
    expect(p).toMatchObject({ section: "COMPLETED", number: 3, line: 16, category: null, body: "" });
    expect(p.titleKey).toBe('部分單位"三重一大"事項問題整改不夠徹底');
    expect(p.measures.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(p.measures[0]?.text.startsWith("嚴格落實《市委常委會")).toBe(true);
  });

  it("reads the three single unnumbered paragraphs as one measure each", () => {
    const unnumbered = sample.problems.filter((p) => p.measures.some((m) => !m.numbered));
    expect(unnumbered.map((p) => p.title)).toEqual(["獎補兌付打折扣", "工業投資質效低", "安置房供需對接錯位,保供不力"]);
    for (const p of unnumbered) {
      expect(p.measures).toHaveLength(1);
      expect(p.measures[0]).toMatchObject({ number: 1, numbered: false, line: p.line + 1 });
    }
  });

  it("splits a measure's 一是/二是/三是 sub-points", () => {
    const m = byTitle(sample, "融入長三角一體化發展行動較慢").measures[1];
    expect(m?.subPoints).toHaveLength(3);
    expect(m?.subPoints[0]?.startsWith("經開區選派干部赴上海臨港集團掛職")).toBe(true);
    expect(m?.subPoints[1]?.startsWith("持續推動辛莊鎮")).toBe(true);
    expect(m?.subPoints[2]).toBe(
      "主動承接好蘇州工業園區的溢出效應,重點推動中新昆承湖園區建設,在產業、科技、人才等各個領域加強合作。",
    );
    expect(byTitle(sample, "融入長三角一體化發展行動較慢").measures[0]?.subPoints).toEqual([]);
  });

  it("extracts indicators from measures", () => {
    const m = byTitle(sample, "環保問題\u2018反彈回潮\u2019").measures[1];
    expect(m?.line).toBe(164);
    expect(m?.indicators).toContainEqual({
      ordinal: 4,
      value: "5.5",
      unit: "%",
      label: "臭氧年均濃度同比下降",
      asOf: "2023",
      rawText: "我市臭氧年均濃度同比下降5.5%",
    });
    expect(m?.indicators.find((i) => i.unit === "天")).toMatchObject({ value: "12", label: "超標天數同比減少" });
  });

  it("gives the same result for CRLF line ends, a BOM, indents and blank lines", () => {
    const text = `\ufeff${readSample()
      .split("\n")
      .map((l) => `\u3000\u3000${l}`)
      .join("\r\n\r\n")}`;
    const r = parseReport(text);
    expect(countReport(r)).toEqual(countReport(sample));
    expect(r.problems.map((p) => p.title)).toEqual(sample.problems.map((p) => p.title));
    expect(r.problems[2]?.line).toBe(31); // blank lines between paragraphs double the line numbers
  });
});

describe("parseReport on real-world variants", () => {
  it("reads a Simplified 巡察 report", () => {
    const r = parseReport(readFixture("simplified.txt"));
    expect(r.script).toBe("simplified");
    expect(r.header).toMatchObject({ team: "市委第三巡察组", inspectedBody: "市教育局党委", kind: "巡察" });
    expect(r.header).toMatchObject({ startDate: "2023-03-06", endDate: "2023-05-10", feedbackDate: "2023-07-12" });
    expect(countReport(r)).toEqual({ problems: 4, measures: 8, completed: 2, continuing: 2 });
    expect(r.problems[0]?.title).toBe("‘三重一大’决策制度执行不严格");
    expect(r.problems[2]?.measures[0]?.subPoints).toHaveLength(3);
    expect(r.contact).toMatchObject({ phone: "0512-52801234", email: "jyjxczg@example.gov.cn" });
    expect(r).toMatchObject({ issuer: "中共某市教育局委员会", reportDate: "2023-11-20" });
  });

  it("reads full-width brackets, digits and indents", () => {
    const r = parseReport(readFixture("full-width-brackets.txt"));
    expect(countReport(r)).toEqual({ problems: 3, measures: 6, completed: 1, continuing: 2 });
    expect(r.problems.map((p) => [p.section, p.number])).toEqual([
      ["COMPLETED", 1],
      ["CONTINUING", 1],
      ["CONTINUING", 2],
    ]);
    expect(r.problems[1]?.measures[0]?.indicators[0]).toMatchObject({ value: "5.5", unit: "%", asOf: "2023" });
    // A yearless feedback date before the period's end month falls in the next year.
    expect(r.header).toMatchObject({ endDate: "2023-12-08", feedbackDate: "2024-01-15" });
    expect(r.contact.phone).toBe("0512-66668888");
  });

  it("reads 1、 numbering", () => {
    const r = parseReport(readFixture("enumeration-comma.txt"));
    expect(r.problems.map((p) => `${p.section}:${p.number}`)).toEqual([
      "COMPLETED:1",
      "COMPLETED:2",
      "CONTINUING:1",
      "CONTINUING:2",
    ]);
    expect(r.problems[3]?.measures[0]).toMatchObject({ numbered: false, number: 1 });
  });

  it("reads category headings inside sections", () => {
    const r = parseReport(readFixture("categories-in-sections.txt"));
    expect(r.problems.map((p) => [p.section, p.number, p.category])).toEqual([
      ["COMPLETED", 1, "在“贯彻落实党中央重大决策部署”方面"],
      ["COMPLETED", 2, "在“全面从严治党”方面"],
      ["CONTINUING", 1, "在“贯彻落实党中央重大决策部署”方面"],
      ["CONTINUING", 1, "在“全面从严治党”方面"],
    ]);
  });

  it("leaves the status of category-only reports not stated (stored as CONTINUING) and warns", () => {
    const r = parseReport(readFixture("categories-only.txt"));
    expect(r.problems.map((p) => [p.status, p.section, p.number, p.category])).toEqual([
      ["NOT_STATED", "CONTINUING", 1, "在“落实新发展理念”方面"],
      ["NOT_STATED", "CONTINUING", 2, "在“落实新发展理念”方面"],
      ["NOT_STATED", "CONTINUING", 3, "在“基层党组织建设”方面"],
    ]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual(r.problems.map((p) => ["STATUS_NOT_STATED", p.line]));
  });

  it("reads category-only reports as COMPLETED when the report says all are completed", () => {
    const r = parseReport(readFixture("categories-only-completed.txt"));
    expect(r.progressIntro).toBe("截至目前，巡察反馈的3个问题已全部完成整改。");
    expect(r.summary).toEqual({ feedback: 3 });
    expect(r.problems.map((p) => `${p.section}:${p.number}`)).toEqual(["COMPLETED:1", "COMPLETED:1", "COMPLETED:2"]);
  });

  it("reads dotted sub-problems N.M with their own (k) measures", () => {
    const r = parseReport(readFixture("sub-problems-dotted.txt"));
    expect(countReport(r)).toEqual({ problems: 3, measures: 7, completed: 1, continuing: 2 });
    const [first, second] = r.problems;
    expect(first?.body).toBe("针对该问题，市委将其分解为两个子问题，逐项制定整改措施。");
    expect(first?.measures).toEqual([]);
    expect(first?.children.map((c) => [c.section, c.number, c.title, c.measures.length, c.line])).toEqual([
      ["COMPLETED", 1, "议事决策不够规范", 2, 10],
      ["COMPLETED", 2, "督促落实不够有力", 1, 13],
    ]);
    expect(second?.measures).toHaveLength(1); // a parent's own measures may precede its sub-problems
    expect(second?.children[0]?.measures[1]?.subPoints).toEqual(["建立网评员队伍", "完善舆情处置流程。"]);
  });

  it("reads parenthesised sub-problems (k)关于… with ① measures", () => {
    const r = parseReport(readFixture("sub-problems-paren.txt"));
    const first = r.problems[0];
    expect(first?.children.map((c) => [c.number, c.title, c.measures.map((m) => m.numbered)])).toEqual([
      [1, "农村人居环境整治不到位", [true, true]],
      [2, "村集体经济薄弱", [false]],
    ]);
    expect(first?.children[0]?.measures[1]?.text).toBe("新建农村污水处理设施32处。");
    expect(countReport(r).measures).toBe(6);
  });

  it("reads summary figures", () => {
    const r = parseReport(readFixture("summary-figures.txt"));
    expect(r.summary).toEqual({ feedback: 25, completed: 19, inProgress: 6, completionRate: 76 });
  });
});

describe("parseReport on malformed input", () => {
  const failure = (text: string): ReportParseError => {
    try {
      parseReport(text);
    } catch (e) {
      if (e instanceof ReportParseError) return e;
      throw e;
    }
    throw new Error("parsed without error");
  };

  it.each([
    ["empty.txt", 1, EXPECT.content, ""],
    ["no-progress-section.txt", 5, EXPECT.topHeading("二"), "三、下一步工作打算"],
    ["measure-before-problem.txt", 6, EXPECT.problemHeading, "（1）修订议事规则，规范决策程序。"],
    ["problem-without-measures.txt", 7, EXPECT.measure, "2.关于“财务管理不严格”问题的整改。"],
    [
      "numbering-out-of-sequence.txt",
      10,
      'problem number 3 ("3.关于“…”问题的整改。")',
      "4.关于“档案管理混乱”问题的整改。",
    ],
    ["measure-numbering-gap.txt", 8, "measure number (2)", "（3）建立督查机制。"],
    ["malformed-heading.txt", 8, EXPECT.problemHeading, "2.关于“财务管理不严格问题的整改。"],
  ])("%s fails at line %i", (file, line, expected, found) => {
    const e = failure(readFixture(`malformed/${file}`));
    expect({ line: e.line, expected: e.expected, found: e.found }).toEqual({ line, expected, found });
  });

  it("writes a message naming line, expectation and what was found", () => {
    const e = failure(readFixture("malformed/measure-before-problem.txt"));
    expect(e.message).toBe(
      '第6行: expected a problem heading "N.关于“…”问题的整改。", found "（1）修订议事规则，规范决策程序。"',
    );
    expect(failure("\n \n").message).toBe(
      '第1行: expected a header paragraph followed by the heading "一、…", found end of text',
    );
  });

  const report = (progress: string, tail = "三、下一步工作打算\n一是持续推进。") =>
    `省委第二巡视组对某市开展了巡视。\n一、组织领导\n一是加强领导。\n二、整改进展\n${progress}\n${tail}`;

  it.each([
    [
      "a part numbered out of order",
      report("1.关于“甲”问题的整改。\n（1）措施。", "四、下一步\n一是持续推进。"),
      7,
      EXPECT.topHeading("三"),
    ],
    [
      "a section numbered out of order",
      report("（二）持续推进的整改事项\n1.关于“甲”问题的整改。\n（1）措施。"),
      5,
      'section heading "(一)…"',
    ],
    [
      "a sub-problem of another problem",
      report("1.关于“甲”问题的整改。\n2.1关于“乙”问题的整改。\n（1）措施。"),
      6,
      EXPECT.dottedChild(1, 1),
    ],
    [
      "a plain measure among (k) sub-problems",
      report("1.关于“甲”问题的整改。\n（1）关于“乙”问题的整改。\n①措施。\n（2）措施。"),
      8,
      EXPECT.parenChild(2),
    ],
    [
      "a measure between a section heading and its first problem",
      report("（一）已完成的整改事项\n（1）措施。\n1.关于“甲”问题的整改。\n（1）措施。"),
      6,
      EXPECT.problemHeading,
    ],
  ])("reports %s", (_name, text, line, expected) => {
    const e = failure(text);
    expect([e.line, e.expected]).toEqual([line, expected]);
  });

  it("reports organisation points out of order", () => {
    const e = failure(
      "省委巡视组。\n一、组织领导\n一是甲。\n三是乙。\n二、进展\n1.关于“甲”问题的整改。\n（1）措施。\n三、下一步",
    );
    expect([e.line, e.expected]).toEqual([4, 'point "二是…"']);
  });
});

describe("normalisation helpers", () => {
  it("converts Chinese numerals both ways", () => {
    for (let n = 1; n <= 99; n++) expect(cnToInt(intToCn(n))).toBe(n);
    expect([cnToInt("十"), cnToInt("二十三"), cnToInt("十十"), cnToInt("")]).toEqual([10, 23, null, null]);
  });

  it("builds title keys that ignore spacing, quote style and width", () => {
    expect(titleKey(" 部分单位「三重一大」事项 ")).toBe(titleKey("部分单位“三重一大”事项"));
    expect(titleKey("‘１２３４５’运行")).toBe('"12345"运行');
  });
});
