// The ledger (台账) as an .xlsx workbook: one sheet per section, one row per measure, bold frozen header, set widths, wrapped text, deadlines as real Excel dates. Invariant: both sheets always exist (with their header) so a template or macro can rely on them.
import ExcelJS from "exceljs";
import type { Section } from "../importer/report-types.ts";
import { SECTION_LABEL } from "./ledger-labels.ts";
import type { LedgerRow } from "./ledger-rows.ts";
import type { ProgressFn } from "./load-inspection.ts";

interface Column {
  header: string;
  key: keyof LedgerRow;
  width: number;
}

export const LEDGER_COLUMNS: readonly Column[] = [
  { header: "问题编号", key: "problemNumber", width: 9 },
  { header: "问题", key: "problem", width: 32 },
  { header: "部分", key: "sectionLabel", width: 18 },
  { header: "措施编号", key: "measureNumber", width: 9 },
  { header: "措施内容", key: "measure", width: 70 },
  { header: "牵头领导", key: "leadLeader", width: 12 },
  { header: "责任单位", key: "responsibleUnit", width: 18 },
  { header: "参与单位", key: "participants", width: 24 },
  { header: "完成时限", key: "deadline", width: 12 },
  { header: "状态", key: "status", width: 10 },
  { header: "最近进展", key: "latestProgress", width: 40 },
  { header: "最近核查", key: "latestRecord", width: 26 },
  { header: "销号状态", key: "closeOut", width: 18 },
];

const SECTIONS: readonly Section[] = ["COMPLETED", "CONTINUING"];

/** Excel's cell limit is 32,767 characters; a longer text would make the file unreadable. */
const MAX_CELL = 32_767;
const clip = (v: unknown) => (typeof v === "string" && v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v);

export interface XlsxOptions {
  /** Workbook title (document properties), e.g. "常熟市 巡视整改台账". */
  title?: string;
  onProgress?: ProgressFn;
  /** Creation time written into the file; fixed in tests. */
  now?: Date;
}

export async function ledgerToXlsx(rows: readonly LedgerRow[], opts: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const now = opts.now ?? new Date();
  wb.creator = "整改通 Rectify";
  wb.created = now;
  wb.modified = now;
  if (opts.title) wb.title = opts.title;
  let done = 0;
  opts.onProgress?.(0, rows.length);
  for (const section of SECTIONS) {
    const ws = wb.addWorksheet(SECTION_LABEL[section], {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, activeCell: "A2" }],
      pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = LEDGER_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: { alignment: { vertical: "top", wrapText: true } },
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    });
    ws.getColumn("deadline").numFmt = "yyyy-mm-dd";
    for (const row of rows) {
      if (row.section !== section) continue;
      const values = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, clip(row[c.key]) ?? null]));
      ws.addRow(values);
      opts.onProgress?.(++done, rows.length);
    }
    // Repeats the header on every printed page and lets the reader filter by any column.
    ws.pageSetup.printTitlesRow = "1:1";
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
