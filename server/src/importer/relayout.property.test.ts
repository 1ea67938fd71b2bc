// Property: any tree, laid out in any of the ways real reports are (frame or not, status sections / status lines / a table
// column, categories or not, six heading and four measure styles, restarting numbers, hard wraps, web furniture) and saved in
// any supported encoding, parses back to that same tree, with no warning and every line accounted for.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import { parseReport } from "./parse-report.ts";
import { decodeText } from "./decode-text.ts";
import { layOut, type Layout, type Tree } from "./test-relayout.ts";
import type { ParsedProblem } from "./report-types.ts";

const TITLES = [
  "议事决策不规范",
  "选人用人把关不严",
  "资金监管不严",
  "专项资金使用不规范",
  "档案管理混乱",
  "公务用车管理不规范",
];
const CATEGORIES = ["在“民主集中制”方面", "在“资金管理”方面", "在“作风建设”方面"];
const MEASURES = [
  "修订议事规则。",
  "建立会议台账。",
  "开展专项检查。",
  "建立资金审批制度，已追回资金12万元。",
  "对照巡察反馈意见逐项建立整改台账并明确责任单位和时限，实行清单管理。",
  "组织全体干部开展廉政教育，参训人数达到320人次，覆盖全部基层党支部。",
];

const treeArb: fc.Arbitrary<Tree> = fc
  .record({
    titles: fc.shuffledSubarray(TITLES, { minLength: 1, maxLength: 6 }),
    nCats: fc.integer({ min: 1, max: 3 }),
    picks: fc.array(
      fc.record({
        done: fc.boolean(),
        category: fc.nat(2),
        measures: fc.shuffledSubarray(MEASURES, { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 6, maxLength: 6 },
    ),
  })
  .map(({ titles, nCats, picks }) => {
    const problems = titles.map((title, i) => ({
      title,
      status: picks[i]!.done ? ("COMPLETED" as const) : ("CONTINUING" as const),
      category: picks[i]!.category % nCats,
      measures: picks[i]!.measures,
    }));
    // Completed first; categories in order within each status (how sections with categories are written).
    problems.sort((a, b) => (a.status === b.status ? a.category - b.category : a.status === "COMPLETED" ? -1 : 1));
    return { categories: CATEGORIES.slice(0, nCats), problems };
  });

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  frame: fc.boolean(),
  status: fc.constantFrom("sections", "lines", "table"),
  categories: fc.boolean(),
  heading: fc.constantFrom("arabic", "comma", "paren", "paren-cn", "question", "lost"),
  measures: fc.constantFrom("paren", "arabic", "points", "label-points"),
  restart: fc.boolean(),
  sectionWords: fc.tuple(fc.nat(3), fc.nat(3)),
  // PDF copies of A4 pages wrap at 20–40 characters; the parser recognises wrapping from 20 on.
  wrap: fc.option(fc.integer({ min: 20, max: 34 })),
  furniture: fc.boolean(),
});

const encodingArb = fc.constantFrom("utf8", "utf8-bom", "utf16le-bom", "gb18030");

function encode(text: string, enc: string): Uint8Array {
  if (enc === "utf8") return Buffer.from(text, "utf8");
  if (enc === "utf8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  if (enc === "utf16le-bom") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return iconv.encode(text, "gb18030");
}

const shape = (p: ParsedProblem) => {
  const { line: _line, measures, ...rest } = p;
  return { ...rest, measures: measures.map((m) => ({ number: m.number, numbered: m.numbered, text: m.text })) };
};

describe("re-layouts of one tree", () => {
  it("parse to the same tree", () => {
    fc.assert(
      fc.property(treeArb, layoutArb, encodingArb, (tree, layout, enc) => {
        const { text, expected, wrapped } = layOut(tree, layout);
        // Two wrapped lines in a whole report cannot be told from chance; real copies wrap every paragraph.
        fc.pre(layout.wrap === null || wrapped >= 3);
        const decoded = decodeText(encode(text, enc)).text;
        const r = parseReport(decoded);
        expect(r.problems.map(shape)).toEqual(expected);
        expect(r.warnings).toEqual([]);
        const accounted = new Set([...r.lineRoles.map((l) => l.line), ...r.skipped.map((s) => s.line)]);
        const lines = decoded.split("\n");
        expect(lines.flatMap((t, i) => (t.trim() === "" || accounted.has(i + 1) ? [] : [i + 1]))).toEqual([]);
      }),
      { numRuns: Number(process.env.RELAYOUT_RUNS ?? 300) },
    );
  });
});
