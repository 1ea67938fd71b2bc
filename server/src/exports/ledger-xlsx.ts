// The ledger (台账) as an .xlsx workbook a 巡察办 prints for a meeting: one sheet per section, one row per measure,
// each problem's cells merged over its measures' rows, A3 landscape fitted to the page width, wrapped text, the
// header row repeated on every printed page, the title in the page header and page numbers in the footer.
// Invariants: both sheets always exist (with their header on row 1) so a template or macro can rely on them;
// deadlines are real Excel dates, 长期坚持 where there is none; `pnpm cli import-ledger` reads the file back.
import ExcelJS from "exceljs";
import type { Section } from "../importer/report-types.ts";
import { LONG_TERM_LABEL } from "../ledger-sheet/deadline.ts";
import { SECTION_LABEL } from "./ledger-labels.ts";
import type { LedgerRow } from "./ledger-rows.ts";
import type { ProgressFn } from "./load-inspection.ts";

interface Column {
  header: string;
  key: keyof LedgerRow;
  width: number;
}

// Widths (in characters) add up to about one A3 landscape page at 100 %, so fitting to width keeps text legible.
export const LEDGER_COLUMNS: readonly Column[] = [
  { header: "问题编号", key: "problemNumber", width: 6 },
  { header: "问题", key: "problem", width: 24 },
  { header: "部分", key: "sectionLabel", width: 10 },
  { header: "措施编号", key: "measureNumber", width: 6 },
  { header: "措施内容", key: "measure", width: 60 },
  { header: "牵头领导", key: "leadLeader", width: 9 },
  { header: "责任单位", key: "responsibleUnit", width: 13 },
  { header: "参与单位", key: "participants", width: 16 },
  { header: "完成时限", key: "deadline", width: 11 },
  { header: "状态", key: "status", width: 8 },
  { header: "最近进展", key: "latestProgress", width: 26 },
  { header: "最近核查", key: "latestRecord", width: 16 },
  { header: "销号状态", key: "closeOut", width: 12 },
];

/** Columns that describe the problem rather than the measure: merged over the problem's rows. */
const PROBLEM_COLUMNS = 3;
const SECTIONS: readonly Section[] = ["COMPLETED", "CONTINUING"];
// OOXML paper size 8 is A3 (297 × 420 mm); exceljs's PaperSize enum lists only some of the sizes it writes.
const A3 = 8 as unknown as ExcelJS.PaperSize;

/** Excel's cell limit is 32,767 characters; a longer text would make the file unreadable. */
const MAX_CELL = 32_767;
const clip = (v: unknown) => (typeof v === "string" && v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v);

/** Points per wrapped line at the default 11 pt font, and the most Excel allows a row. */
const LINE_PT = 15;
const MAX_ROW_PT = 409;

/** Width of a text in column units: a CJK character is about two digits wide. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2.1 : 1.1;
  return w;
}

/** Lines a text wraps to in a column `width` units wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/**
 * LibreOffice does not size rows to wrapped text when it opens an .xlsx (Excel does), so a printout would show one
 * clipped line per row: the height is set here from the text.
 */
const heightOf = (lines: number) => Math.min(MAX_ROW_PT, lines * LINE_PT + 4);

/** Excel's page header codes treat "&" as a command. */
const headerText = (s: string) => s.replace(/&/g, "&&");

export interface XlsxOptions {
  /** Workbook title (document properties and page header), e.g. ledgerTitle(team, inspectedBody). */
  title?: string;
  onProgress?: ProgressFn;
  /** Creation time written into the file; fixed in tests. */
  now?: Date;
}

function cellValue(row: LedgerRow, key: keyof LedgerRow) {
  if (key === "deadline" && row.longTerm) return LONG_TERM_LABEL;
  return clip(row[key]) ?? null;
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
      pageSetup: {
        paperSize: A3,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
      },
      headerFooter: {
        oddHeader: `&C&"-,Bold"${headerText(opts.title ?? "整改台账")} — ${SECTION_LABEL[section]}`,
        oddFooter: "&C第 &P 页，共 &N 页",
      },
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
    let runStart = 0;
    let runKey = "";
    let runLines = 0;
    const closeRun = (end: number) => {
      if (end > runStart) {
        for (let c = 1; c <= PROBLEM_COLUMNS; c++) ws.mergeCells(runStart, c, end, c);
      }
      // The merged problem cell must fit in its rows together: the last row takes what is missing.
      let total = 0;
      for (let r = runStart; r <= end; r++) total += ws.getRow(r).height;
      const missing = heightOf(runLines) - total;
      if (end >= runStart && missing > 0) {
        ws.getRow(end).height = Math.min(MAX_ROW_PT, ws.getRow(end).height + missing);
      }
    };
    for (const row of rows) {
      if (row.section !== section) continue;
      const added = ws.addRow(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, cellValue(row, c.key)])));
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = thin;
      });
      const lines = LEDGER_COLUMNS.slice(PROBLEM_COLUMNS).map((c) => {
        const v = cellValue(row, c.key);
        return typeof v === "string" ? wrappedLines(v, c.width) : 1;
      });
      added.height = heightOf(Math.max(1, ...lines));
      const key = `${row.problemNumber}\u0000${row.problem}`;
      if (key !== runKey) {
        if (runKey) closeRun(added.number - 1);
        runStart = added.number;
        runKey = key;
        runLines = Math.max(
          ...LEDGER_COLUMNS.slice(0, PROBLEM_COLUMNS).map((c) =>
            wrappedLines(String(cellValue(row, c.key) ?? ""), c.width),
          ),
        );
      }
      opts.onProgress?.(++done, rows.length);
    }
    if (runKey) closeRun(ws.rowCount);
    // Repeats the header on every printed page and lets the reader filter by any column.
    ws.pageSetup.printTitlesRow = "1:1";
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const line = { style: "thin", color: { argb: "FF999999" } } as const;
const thin: Partial<ExcelJS.Borders> = { top: line, left: line, bottom: line, right: line };
