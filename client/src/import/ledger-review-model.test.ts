// The ledger review's model: column corrections, warnings by row, rows that became no measure, deadlines and the
// import target.
import { describe, expect, it } from "vitest";
import type { LedgerColumn, LedgerProblem, LedgerWarning } from "./import-documents.ts";
import {
  allColumns,
  deadlineOf,
  mappingOf,
  rowKey,
  targetComplete,
  targetVariables,
  unplacedWarnings,
  warningsByRow,
} from "./ledger-review-model.ts";

const col = (index: number, header: string, detected: LedgerColumn["detected"]): LedgerColumn => ({
  index,
  header,
  detected,
  field: detected,
  imported: true,
});
const warning = (row: number | null, sheet = "台账"): LedgerWarning => ({
  code: "UNREADABLE_DEADLINE",
  sheet,
  row,
  column: null,
  message: "x",
});

describe("ledger review model", () => {
  it("sends only the columns corrected away from what was detected", () => {
    const columns = [col(1, "序号", "NUMBER"), col(2, "反馈问题", "PROBLEM"), col(3, "备忘", null)];
    expect(mappingOf(columns, {})).toEqual([]);
    expect(mappingOf(columns, { 序号: "NUMBER", 备忘: "REMARKS" })).toEqual([{ header: "备忘", field: "REMARKS" }]);
    expect(mappingOf(columns, { 备忘: "IGNORE" })).toEqual([]);
    const sheets = [{ columns: [columns[0]!, columns[1]!] }, { columns: [col(1, "序号", "NUMBER"), columns[2]!] }];
    expect(allColumns({ sheets } as never).map((c) => c.header)).toEqual(["序号", "反馈问题", "备忘"]);
  });

  it("files warnings by sheet and row, and finds those on rows that became no measure", () => {
    const ws = [warning(5), warning(5), warning(null), warning(5, "第二页"), warning(12)];
    const { byRow, general } = warningsByRow(ws);
    expect(byRow.get(rowKey("台账", 5))).toHaveLength(2);
    expect(byRow.get(rowKey("第二页", 5))).toHaveLength(1);
    expect(general).toHaveLength(1);
    const problems: LedgerProblem[] = [
      {
        row: 5,
        sheet: "台账",
        number: 1,
        title: "问题",
        category: null,
        section: "CONTINUING",
        measures: [
          {
            row: 5,
            sheet: "台账",
            number: 1,
            text: "措施",
            leadLeader: null,
            responsibleUnit: null,
            participants: [],
            deadline: null,
            deadlineUnreadable: null,
            longTerm: false,
            status: null,
            progress: null,
            remarks: null,
          },
        ],
      },
    ];
    expect(unplacedWarnings({ problems, warnings: ws }).map((w) => [w.sheet, w.row])).toEqual([
      ["第二页", 5],
      ["台账", 12],
    ]);
  });

  it("says a deadline as a date, 长期坚持, unreadable text or none", () => {
    expect(deadlineOf({ deadline: "2024-06-30", longTerm: false, deadlineUnreadable: null })).toEqual({
      kind: "date",
      date: "2024-06-30",
    });
    expect(deadlineOf({ deadline: null, longTerm: true, deadlineUnreadable: null })).toEqual({ kind: "longTerm" });
    expect(deadlineOf({ deadline: null, longTerm: false, deadlineUnreadable: "年底前" })).toEqual({
      kind: "unreadable",
      text: "年底前",
    });
    expect(deadlineOf({ deadline: null, longTerm: false, deadlineUnreadable: null })).toEqual({ kind: "none" });
  });

  it("turns the target into the mutation's arguments", () => {
    expect(targetVariables({ kind: "auto" })).toEqual({});
    expect(targetVariables({ kind: "existing", id: "SW5z" })).toEqual({ inspectionId: "SW5z" });
    expect(targetVariables({ kind: "new", team: " 市委第一巡察组 ", inspectedBody: "市财政局" })).toEqual({
      inspection: { team: "市委第一巡察组", inspectedBody: "市财政局" },
    });
    expect(targetComplete({ kind: "new", team: "组", inspectedBody: " " })).toBe(false);
    expect(targetComplete({ kind: "auto" })).toBe(true);
  });
});
