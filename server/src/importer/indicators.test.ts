// Tests of indicator extraction and 一是/二是 sub-point splitting on measure texts in both scripts.
import { describe, expect, it } from "vitest";
import { growth } from "./regex-work.ts";
import { extractIndicators } from "./indicators.ts";
import { splitSubPoints } from "./sub-points.ts";

const brief = (text: string) => extractIndicators(text).map((i) => [i.value, i.unit, i.label, i.asOf]);

describe("extractIndicators", () => {
  it("reads the sample's ozone clause with the year named earlier in the sentence", () => {
    expect(
      extractIndicators("2023年,我市臭氧年均濃度同比下降5.5%;超標天數同比減少12天,臭氧濃度改善排名全省第10。"),
    ).toEqual([
      {
        ordinal: 1,
        value: "5.5",
        unit: "%",
        label: "臭氧年均濃度同比下降",
        asOf: "2023",
        rawText: "我市臭氧年均濃度同比下降5.5%",
      },
      { ordinal: 2, value: "12", unit: "天", label: "超標天數同比減少", asOf: "2023", rawText: "超標天數同比減少12天" },
    ]);
  });

  it("normalises units to Simplified and prefers the longest unit", () => {
    expect(
      brief("完成一般預算收入38.35億元。技改投資比重提高7.8個百分點。連續8個月達到Ⅲ類。參與學生5.8萬人次。"),
    ).toEqual([
      ["38.35", "亿元", "完成一般預算收入", null],
      ["7.8", "个百分点", "技改投資比重提高", null],
      ["8", "个月", "連續", null],
      ["5.8", "万人次", "參與學生", null],
    ]);
  });

  it("reads full-width digits and percent signs, and 多/余 after the number", () => {
    expect(brief("２０２３年办件量同比增长５．５％，惠及群众１２００余人，已有1800多家企业运用平台。")).toEqual([
      ["5.5", "%", "办件量同比增长", "2023"],
      ["1200", "人", "惠及群众", "2023"],
      ["1800", "家", "已有", "2023"],
    ]);
  });

  it("ignores dates, codes, ranges, document numbers and unitless numbers", () => {
    const text =
      "2023年12月4日江苏省政府正式发文。在辛张线K1+190上行设置标志。出台行动方案(2023-2026)。根据(苏府办〔2024〕9号)要求。开展“5·10训廉日”活动。12345热线排名第10。";
    expect(extractIndicators(text)).toEqual([]);
  });

  it("dates a clause by the date it names, before or after the number", () => {
    expect(
      brief(
        "截至2023年12月，已录入37个项目；88家企业被认定为2023年省级专精特新中小企业。截至2024年1月已开展12场培训会。",
      ),
    ).toEqual([
      ["37", "个", "已录入", "2023-12"],
      ["88", "家", "企业被认定为", "2023"],
      ["12", "场", "已开展", "2024-01"],
    ]);
  });

  it("does not carry a date across sentences", () => {
    expect(brief("2023年完成改造。新增泊位128个。")).toEqual([["128", "个", "新增泊位", null]]);
  });

  it("strips a leading subject and a trailing 达/近/为 from labels", () => {
    expect(brief("全市课后服务覆盖率达100%，同比增长近20%，比去年净增长率为12.52%。")).toEqual([
      ["100", "%", "课后服务覆盖率", null],
      ["20", "%", "同比增长", null],
      ["12.52", "%", "比去年净增长率", null],
    ]);
  });

  it("labels a number that starts its clause by the words after it", () => {
    expect(brief("2023年度8項蘇州級、50項常熟級掛牌整改項目均已完成。")).toEqual([
      ["8", "项", "蘇州級", "2023"],
      ["50", "项", "常熟級掛牌整改項目均已完成", "2023"],
    ]);
  });

  it("numbers several indicators of one clause in order and labels each from the previous one", () => {
    const found = extractIndicators("完成30處共計128個道路泊位智能化改造。");
    expect(found.map((i) => [i.ordinal, i.value, i.unit, i.label])).toEqual([
      [1, "30", "处", "完成"],
      [2, "128", "个", "共計"],
    ]);
    expect(found[1]?.rawText).toBe("完成30處共計128個道路泊位智能化改造");
  });

  // Counted, not timed: the regexp work doubles when the input doubles (a quadratic scan would quadruple it).
  it.each([
    ["a long digit run", (n: number) => `${"1".repeat(n)}个`],
    ["punctuation runs", (n: number) => "，、；".repeat(n)],
    ["repeated years", (n: number) => "2023年".repeat(n)],
    ["years and quantities", (n: number) => "2023年5个".repeat(n)],
    ["a long subject run", (n: number) => `${"我市".repeat(n)}5个`],
  ])("is linear on %s", (_name, make) => {
    expect(growth((n) => () => extractIndicators(make(n)), 20_000)).toBeLessThan(2.5);
  });

  it("counts a quadratic scan as quadratic (the measure can fail)", () => {
    const rescan = (n: number) => () => {
      const s = "我".repeat(n);
      for (let i = 0; i < n; i += 100) /个/.test(s.slice(i));
    };
    expect(growth(rescan, 20_000)).toBeGreaterThan(3.5);
  });
});

describe("splitSubPoints", () => {
  it("splits 一是/二是/三是 in order without their separators", () => {
    expect(splitSubPoints("提升满意率。一是强化受理；二是强化办理，三是强化回访。排名提升。")).toEqual([
      "强化受理",
      "强化办理",
      "强化回访。排名提升。",
    ]);
  });

  it("needs at least two points, in order, at clause boundaries", () => {
    expect(splitSubPoints("一是只有一点。")).toEqual([]);
    expect(splitSubPoints("二是先出现。一是后出现。")).toEqual([]);
    expect(splitSubPoints("其中之一是甲，十一是乙。")).toEqual([]);
    expect(splitSubPoints("一是甲。统一是乙。二是丙。")).toEqual(["甲。统一是乙。", "丙。"]);
  });
});
