// The workbook read back with exceljs: both sheets, bold frozen header, widths, wrapped text, real dates.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { LEDGER_COLUMNS, ledgerToXlsx } from "./ledger-xlsx.ts";
import type { LedgerRow } from "./ledger-rows.ts";

function row(over: Partial<LedgerRow>): LedgerRow {
  return {
    section: "CONTINUING",
    sectionLabel: "按计划持续推进",
    problemNumber: "1",
    problem: "问题",
    measureNumber: 1,
    measure: "措施",
    leadLeader: "",
    responsibleUnit: "",
    participants: "",
    deadline: null,
    longTerm: false,
    status: "整改中",
    latestProgress: "",
    latestRecord: "",
    closeOut: "未销号",
    ...over,
  };
}

describe("ledgerToXlsx", () => {
  it("writes one sheet per section with a bold frozen header, widths, wrapped text and real dates", async () => {
    const rows = [
      row({
        section: "COMPLETED",
        sectionLabel: "集中整改期内已完成",
        problemNumber: "1",
        closeOut: "已销号（2024-05-02）",
      }),
      row({ problemNumber: "1", measureNumber: 1, deadline: new Date("2024-06-30T00:00:00Z"), leadLeader: "张三" }),
      row({ problemNumber: "1.1", measureNumber: 2, measure: "=1+1 不是公式" }),
    ];
    const progress: number[] = [];
    const buf = await ledgerToXlsx(rows, { title: "台账", onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([0, 1, 2, 3]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["集中整改期内已完成", "按计划持续推进"]);
    const ws = wb.getWorksheet("按计划持续推进")!;
    expect(ws.rowCount).toBe(3);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(5).width).toBe(60);
    const deadline = ws.getRow(2).getCell(9);
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString()).toBe("2024-06-30T00:00:00.000Z");
    expect(deadline.numFmt).toBe("yyyy-mm-dd");
    expect(ws.getRow(2).getCell(5).alignment?.wrapText).toBe(true);
    expect(ws.getRow(3).getCell(5).value).toBe("=1+1 不是公式");
    expect(ws.getRow(3).getCell(1).value).toBe("1.1");
    expect(wb.getWorksheet("集中整改期内已完成")!.getRow(2).getCell(13).value).toBe("已销号（2024-05-02）");
  });

  it("keeps both sheets, with headers, when there are no rows", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ledgerToXlsx([])) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.rowCount)).toEqual([1, 1]);
  });
});

describe("ledgerToXlsx for print", () => {
  it("merges each problem's cells over its measures' rows, prints A3 landscape fitted to width with the header repeated", async () => {
    const rows = [
      row({ problemNumber: "1", problem: "甲", measureNumber: 1, measure: "一" }),
      row({ problemNumber: "1", problem: "甲", measureNumber: 2, measure: "二", longTerm: true }),
      row({ problemNumber: "1", problem: "甲", measureNumber: 3, measure: "三" }),
      row({ problemNumber: "2", problem: "乙", measureNumber: null, measure: "唯一一段" }),
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await ledgerToXlsx(rows, { title: "常熟市落实省委第二巡视组反馈意见整改台账" })) as unknown as ArrayBuffer,
    );
    expect(wb.title).toBe("常熟市落实省委第二巡视组反馈意见整改台账");
    const ws = wb.getWorksheet("按计划持续推进")!;
    expect([...(ws.model.merges as string[])].sort()).toEqual(["A2:A4", "B2:B4", "C2:C4"]);
    expect(ws.getRow(3).getCell(9).value).toBe("长期坚持");
    expect(ws.getRow(5).getCell(4).value).toBeNull();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    expect(ws.headerFooter.oddFooter).toContain("&P");
  });
});
