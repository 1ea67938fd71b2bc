// The blocks say exactly what formatReport writes, on the sample and every variant, and carry the right kinds.
import { describe, expect, it } from "vitest";
import { formatReport } from "../importer/format-report.ts";
import { parseReport } from "../importer/parse-report.ts";
import { readFixture, readSample, VARIANT_FIXTURES } from "../importer/test-fixtures.ts";
import { blocksText, reportBlocks, reportLang, reportTitle } from "./report-blocks.ts";

describe("reportBlocks", () => {
  it("gives the sample's text exactly", () => {
    const r = parseReport(readSample());
    expect(blocksText(reportBlocks(r))).toBe(formatReport(r));
    expect(blocksText(reportBlocks(r, "full"))).toBe(formatReport(r, { brackets: "full" }));
  });

  it.each(VARIANT_FIXTURES)("gives %s's formatted text exactly", (name) => {
    const r = parseReport(readFixture(name));
    expect(blocksText(reportBlocks(r))).toBe(formatReport(r));
  });

  it("states changed summary figures the way the formatter does", () => {
    const r = parseReport(readFixture("simplified.txt"));
    const changed = { ...r, summary: { feedback: 9, completed: 2, inProgress: 7 } };
    expect(blocksText(reportBlocks(changed))).toBe(formatReport(changed));
  });

  it("types the sample's blocks: 3 headings, 2 sections, 36 problems, 120 measures, then contact, issuer, date", () => {
    const blocks = reportBlocks(parseReport(readSample()));
    const count = (k: string) => blocks.filter((b) => b.kind === k).length;
    expect([count("heading"), count("section"), count("problem"), count("measure")]).toEqual([3, 2, 36, 120]);
    expect(blocks.slice(-3).map((b) => b.kind)).toEqual(["contact", "issuer", "date"]);
    expect(blocks.at(-1)).toMatchObject({ kind: "date", iso: "2024-03-15", text: "2024年3月15日" });
  });

  it("marks sub-problems one level deeper", () => {
    const blocks = reportBlocks(parseReport(readFixture("sub-problems-paren.txt")));
    expect(blocks.filter((b) => b.kind === "problem").map((b) => ("depth" in b ? b.depth : -1))).toEqual([
      0, 1, 1, 0, 0,
    ]);
  });
});

describe("reportTitle and reportLang", () => {
  it("follow the report's script and kind", () => {
    const trad = parseReport(readSample());
    expect(reportTitle(trad)).toBe("中共常熟市委員會關于巡視整改進展情況的通報");
    expect(reportLang(trad)).toBe("zh-TW");
    const simp = parseReport(readFixture("simplified.txt"));
    expect(reportTitle(simp)).toBe("中共某市教育局委员会关于巡察整改进展情况的通报");
    expect(reportLang(simp)).toBe("zh-CN");
  });
});
