// The ledger table's pure parts: rows from the query, the light filter, the server filter, stored columns, CSV.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  applyClientFilter,
  cleanHidden,
  lightRank,
  serverFilter,
  toCsv,
  toRows,
  type LedgerMeasureNode,
} from "./ledger-model.ts";

const node = (over: Partial<LedgerMeasureNode> = {}): LedgerMeasureNode => ({
  id: "m1",
  number: 2,
  numbered: true,
  text: "建立长效机制",
  deadline: "2026-12-31",
  longTerm: false,
  overdue: false,
  light: "GREEN",
  status: "IN_PROGRESS",
  problem: { id: "p1", section: "CONTINUING", number: 3, title: "问题标题" },
  responsibleUnit: { id: "u1", name: "市财政局" },
  leadLeader: null,
  records: { edges: [{ node: { deviceTime: "2026-11-20T02:00:00Z", kind: "SITE_VISIT" } }] },
  lastProgress: null,
  ...over,
});

describe("ledger table model", () => {
  it("flattens a measure with its problem into one row", () => {
    const [r] = toRows({ measures: { totalCount: 1, edges: [{ node: node() }] } });
    expect(r).toMatchObject({
      id: "m1",
      problemId: "p1",
      measure: "(2) 建立长效机制",
      unit: "市财政局",
      leader: null,
      lastRecordAt: "2026-11-20T02:00:00Z",
      lastRecordKind: "SITE_VISIT",
      lastProgressAt: null,
    });
    expect(r!.problem).toContain("问题标题");
  });

  it("filters by light on the client and sends the other filters to the server", () => {
    const rows = toRows({
      measures: { totalCount: 2, edges: [{ node: node() }, { node: node({ id: "m2", light: "RED" }) }] },
    });
    expect(applyClientFilter(rows, { light: "RED" }).map((r) => r.id)).toEqual(["m2"]);
    expect(applyClientFilter(rows, { light: "" })).toHaveLength(2);
    expect(serverFilter({ inspectionId: null, unitId: "", overdue: false, text: "  " })).toEqual({});
    expect(serverFilter({ inspectionId: "i", unitId: "u", overdue: true, text: " 财政 " })).toEqual({
      inspectionId: "i",
      unitId: "u",
      overdue: true,
      search: "财政",
    });
    expect(lightRank("RED")).toBeGreaterThan(lightRank("YELLOW"));
    expect(lightRank("GREEN")).toBeGreaterThan(lightRank("GREY"));
  });

  it("keeps only known hideable columns from the device settings", () => {
    expect(cleanHidden(["unit", "problem", "nope", 3])).toEqual(["unit"]);
    expect(cleanHidden(undefined)).toEqual([]);
  });

  it("writes a CSV Excel opens: BOM, CRLF, quoted fields, formulas defused", () => {
    const csv = toCsv(
      ["问题", "措施"],
      [
        ["一-1 标题", '含"引号",逗号'],
        ["=SUM(A1)", "行\n二"],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n" }).data;
    expect(parsed).toEqual([
      ["问题", "措施"],
      ["一-1 标题", '含"引号",逗号'],
      ["'=SUM(A1)", "行\n二"],
    ]);
  });
});
