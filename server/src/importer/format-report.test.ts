// Tests of formatReport: exact reproduction of the sample, round trips through parseReport for every variant, a fast-check property over random reports, and linear-time parsing.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { growth } from "./regex-work.ts";
import { formatReport } from "./format-report.ts";
import { parseReport } from "./parse-report.ts";
import type { ParsedProblem, ParsedReport, Section } from "./report-types.ts";
import { intToCn, titleKey } from "./normalise.ts";
import { readFixture, readSample, reportShape, VARIANT_FIXTURES } from "./test-fixtures.ts";

const roundTrip = (r: ParsedReport, brackets: "half" | "full" = "half") => parseReport(formatReport(r, { brackets }));

describe("formatReport on the sample", () => {
  const text = readSample();
  const parsed = parseReport(text);

  it("writes the sample back character for character", () => {
    expect(formatReport(parsed).trimEnd()).toBe(text.trimEnd());
  });

  it("round-trips problems, measures and header facts", () => {
    const again = roundTrip(parsed);
    expect(reportShape(again)).toEqual(reportShape(parsed));
    expect(again.problems.map((p) => p.line)).toEqual(parsed.problems.map((p) => p.line));
  });

  it("writes full-width brackets on request and still round-trips", () => {
    const full = formatReport(parsed, { brackets: "full" });
    expect(full).toContain("\n（一）集中整改期內已完成的整改事項\n");
    expect(full).toContain("\n（1）針對問題抓好立行立改。");
    expect(reportShape(parseReport(full))).toEqual(reportShape(parsed));
  });
});

describe("formatReport on the variants", () => {
  it.each(VARIANT_FIXTURES)("round-trips %s", (name) => {
    const parsed = parseReport(readFixture(name));
    expect(reportShape(roundTrip(parsed))).toEqual(reportShape(parsed));
    expect(reportShape(roundTrip(parsed, "full"))).toEqual(reportShape(parsed));
  });

  it("writes Simplified headings for Simplified reports and 巡察 for 巡察 reports", () => {
    const out = formatReport(parseReport(readFixture("simplified.txt")));
    expect(out.split("\n").filter((l) => /^[一二三]、|^\([一二]\)/.test(l))).toEqual([
      "一、巡察整改组织领导情况",
      "二、整改进展情况及成效",
      "(一)集中整改期内已完成的整改事项",
      "(二)按计划持续推进的整改事项",
      "三、下一步工作打算",
    ]);
    expect(out).toContain("\n1.关于“‘三重一大’决策制度执行不严格”问题的整改。\n");
    expect(out.trimEnd().endsWith("中共某市教育局委员会\n2023年11月20日")).toBe(true);
  });

  it("leaves out section headings in category-only reports", () => {
    const out = formatReport(parseReport(readFixture("categories-only.txt")));
    expect(out).not.toContain("整改事项");
    expect(out).toContain("\n(一)在“落实新发展理念”方面\n1.关于“产业转型升级步伐不快”问题的整改。\n");
  });

  it("writes sub-problems in the dotted form with (k) measures", () => {
    const out = formatReport(parseReport(readFixture("sub-problems-paren.txt")));
    expect(out).toContain("\n1.1关于“农村人居环境整治不到位”问题的整改。\n(1)完成农村户厕改造1850户。\n(2)新建");
    expect(out).toContain("\n1.2关于“村集体经济薄弱”问题的整改。\n制定村集体经济");
  });

  it("states summary figures that no written text states", () => {
    const parsed = parseReport(readFixture("summary-figures.txt"));
    const { progressIntro: _dropped, ...withoutIntro } = parsed;
    const out = formatReport(withoutIntro);
    expect(out).toContain("\n二、整改进展情况及成效\n巡视反馈25个问题，已完成整改19个、正在整改6个，整改完成率76%。\n");
    expect(parseReport(out).summary).toEqual(parsed.summary);
  });

  it("writes a contact sentence when only phone and e-mail are known", () => {
    const parsed = parseReport(readFixture("summary-figures.txt"));
    const again = roundTrip({ ...parsed, contact: { text: null, phone: "0512-1234567", email: "a@b.cn" } });
    expect(again.contact).toMatchObject({ phone: "0512-1234567", email: "a@b.cn" });
  });
});

// ---- property: parseReport inverts formatReport on random reports -------------------------------------

// Pools without the parser's delimiters: no digits, quotes, brackets, 是 (points), 在/关 (category and heading words).
const POOL = {
  simplified:
    "党建工作基础扎实推进落实企业发展产业项目管理服务质量监督检查制度机制安全环境土地资源教育养老交通消防物业城乡融合创新科技人才",
  traditional:
    "黨建工作基礎扎實推進落實企業發展產業項目管理服務質量監督檢查制度機制安全環境土地資源教育養老交通消防物業城鄉融合創新科技人才",
} as const;
type Script = keyof typeof POOL;

interface MeasureSpec {
  text: string;
  subPoints: string[];
}

function arbitraries(script: Script) {
  const word = fc.string({ unit: fc.constantFrom(...POOL[script]), minLength: 2, maxLength: 10 });
  const sentence = word.map((w) => `${w}。`);
  const title = fc.oneof(
    word,
    fc.tuple(word, word, word).map(([a, b, c]) => `${a}‘${b}’${c}`),
  );
  const measure: fc.Arbitrary<MeasureSpec> = fc.oneof(
    fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => ({ text: s.join(""), subPoints: [] })),
    fc.tuple(sentence, fc.array(sentence, { minLength: 2, maxLength: 4 })).map(([lead, points]) => ({
      text: lead + points.map((p, i) => `${intToCn(i + 1)}是${p}`).join(""),
      subPoints: points,
    })),
  );
  const content = fc.record({
    title,
    unnumbered: fc.boolean(),
    measures: fc.array(measure, { minLength: 1, maxLength: 4 }),
    body: fc.option(sentence, { nil: "" }),
  });
  const problem = fc.record({
    own: content,
    children: fc.oneof(
      { weight: 4, arbitrary: fc.constant<ContentSpec[]>([]) },
      { weight: 1, arbitrary: fc.array(content, { minLength: 1, maxLength: 2 }) },
    ),
    category: fc.nat(1),
  });
  return { word, sentence, problem };
}

type ContentSpec = { title: string; unnumbered: boolean; measures: MeasureSpec[]; body: string };

function buildProblem(
  c: ContentSpec,
  number: number,
  section: Section,
  category: string | null,
  children: ParsedProblem[],
): ParsedProblem {
  // Shapes the parser can produce: a lone unnumbered paragraph has no body beside it (both would be read as
  // the paragraph), and a problem with sub-problems has numbered measures or none (its paragraphs are its body).
  const first = c.measures[0] ?? { text: "", subPoints: [] };
  const unnumbered = c.unnumbered && children.length === 0;
  const measures = unnumbered
    ? [{ number: 1, numbered: false, ...first, indicators: [], line: 0 }]
    : c.unnumbered
      ? []
      : c.measures.map((m, i) => ({ number: i + 1, numbered: true, ...m, indicators: [], line: 0 }));
  return {
    section,
    status: section,
    statusFrom: "section",
    number,
    title: c.title,
    titleKey: titleKey(c.title),
    category,
    body: unnumbered ? "" : c.body,
    measures,
    children,
    line: 0,
  };
}

const reportArb = fc.constantFrom<Script>("simplified", "traditional").chain((script) => {
  const { word, sentence, problem } = arbitraries(script);
  return fc
    .record({
      script: fc.constant(script),
      completed: fc.array(problem, { maxLength: 3 }),
      continuing: fc.array(problem, { minLength: 1, maxLength: 3 }),
      categories: fc.option(fc.tuple(word, word)),
      body: word,
      team: fc.integer({ min: 1, max: 15 }),
      y: fc.integer({ min: 2015, max: 2030 }),
      m1: fc.integer({ min: 1, max: 6 }),
      span: fc.integer({ min: 0, max: 3 }),
      fspan: fc.integer({ min: 1, max: 3 }),
      d: fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 28 })),
      orgIntro: sentence,
      orgPoints: fc.array(sentence, { maxLength: 3 }),
      nextIntro: sentence,
      nextPoints: fc.array(sentence, { maxLength: 3 }),
    })
    .map((g): ParsedReport => {
      const trad = g.script === "traditional";
      const [m2, m3] = [g.m1 + g.span, g.m1 + g.span + g.fspan];
      const [d1, d2, d3] = g.d;
      const team = trad ? `省委第${intToCn(g.team)}巡視組` : `省委第${intToCn(g.team)}巡视组`;
      const inspectedBody = `${g.body}市`;
      const period = `于${g.y}年${g.m1}月${d1}日至${g.y}年${m2}月${d2}日`;
      const headerText = trad
        ? `根據省委統一部署,${team}${period}對${inspectedBody}開展了巡視,并于${m3}月${d3}日進行了反饋。`
        : `根据省委统一部署，${team}${period}对${inspectedBody}开展了巡视，并于${m3}月${d3}日进行了反馈。`;
      const iso = (m: number, d: number) => `${g.y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const cats = g.categories?.map((w) => `在“${w}”方面`) ?? null;
      const build = (specs: typeof g.completed, section: Section) =>
        specs.map((s, i) => {
          const category = cats === null ? null : (cats[s.category] as string);
          const children = s.children.map((c, j) => buildProblem(c, j + 1, section, category, []));
          return buildProblem(s.own, i + 1, section, category, children);
        });
      return {
        script: g.script,
        header: {
          text: headerText,
          team,
          inspectedBody,
          kind: "巡视",
          startDate: iso(g.m1, d1),
          endDate: iso(m2, d2),
          feedbackDate: iso(m3, d3),
        },
        organisation: { intro: g.orgIntro, points: g.orgPoints },
        summary: {},
        problems: [...build(g.completed, "COMPLETED"), ...build(g.continuing, "CONTINUING")],
        nextSteps: { intro: g.nextIntro, points: g.nextPoints },
        contact: { text: null, phone: null, email: null },
        issuer: trad ? "中共某市委員會" : "中共某市委员会",
        reportDate: "2024-03-15",
      };
    });
});

describe("formatReport property", () => {
  it("parseReport inverts formatReport on random reports", () => {
    fc.assert(
      fc.property(reportArb, fc.constantFrom<"half" | "full">("half", "full"), (r, brackets) => {
        expect(reportShape(roundTrip(r, brackets))).toEqual(reportShape(r));
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsing cost", () => {
  const big = (sections: number): string => {
    const base = parseReport(readSample());
    const problems = Array.from({ length: sections }, (_, s) =>
      base.problems
        .slice(0, 30)
        .map((p, i) => ({ ...p, number: i + 1, section: (s % 2 === 0 ? "COMPLETED" : "CONTINUING") as Section })),
    ).flat();
    return formatReport({ ...base, problems });
  };

  // Counted, not timed (timing flakes on a loaded machine): doubling the input about doubles the regexp work.
  it("grows linearly with the report", () => {
    const parseBig = (n: number) => {
      const text = big(n);
      return () => parseReport(text);
    };
    expect(growth(parseBig, 8)).toBeLessThan(2.5);
  });

  it.each([
    ["unclosed quotes", (n: number) => `1.关于“${"”".repeat(n)}`],
    ["repeated 问题", (n: number) => `1.关于${"问题".repeat(n)}x`],
    ["open brackets", (n: number) => `（${"（".repeat(n)}`],
    ["repeated markers", (n: number) => `1.${"1.".repeat(n)}`],
  ])("stays linear on pathological lines: %s", (_name, line) => {
    const head = "巡视组。\n一、组织\n一是甲。\n二、进展\n";
    expect(() => parseReport(head + line(1000))).toThrow();
    const attempt = (n: number) => () => {
      expect(() => parseReport(head + line(n))).toThrow();
    };
    expect(growth(attempt, 20_000)).toBeLessThan(2.5);
  });
});
