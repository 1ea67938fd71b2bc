// Turns the bytes of a ledger file into sheet grids: .xlsx through exceljs (merged ranges kept), .csv decoded
// from UTF-8, UTF-16 or GBK/GB18030/Big5 (BOM, strict UTF-8, then chardet) and split by papaparse. Invariants:
// a password-protected, legacy .xls, corrupt or oversized file is a SheetParseError naming why, never a crash.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import iconv from "iconv-lite";
import chardet from "chardet";
import { SheetParseError, type CellValue, type SheetGrid } from "./types.ts";

/** Bigger files are refused before parsing (a real ledger is well under 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Data rows over all sheets; more is not a ledger kept by hand and would hold a transaction too long. */
export const MAX_ROWS = 20_000;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isCfb = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export interface ReadResult {
  format: "xlsx" | "csv";
  encoding: string | null;
  grids: SheetGrid[];
  /** The workbook's title property: the inspection's name when no title row sits above the header. */
  title?: string | null;
}

export async function readLedgerFile(bytes: Uint8Array, fileName = ""): Promise<ReadResult> {
  if (bytes.length === 0) throw new SheetParseError("EMPTY", "文件是空的");
  if (bytes.length > MAX_FILE_BYTES) {
    throw new SheetParseError("TOO_LARGE", `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  if (isCfb(bytes)) {
    // Encrypted .xlsx files are OLE containers holding an "EncryptedPackage" stream (named in UTF-16LE).
    if (Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      throw new SheetParseError("PASSWORD_PROTECTED", "工作簿有密码保护：请另存一份不加密码的副本再导入");
    }
    throw new SheetParseError("UNSUPPORTED_FORMAT", "这是旧版 Excel（.xls）文件：请另存为 .xlsx 或 .csv 再导入");
  }
  if (isZip(bytes)) return { format: "xlsx", encoding: null, ...(await readXlsx(bytes)) };
  if (/\.xlsx?$/i.test(fileName)) throw new SheetParseError("CORRUPT", "文件不是可读的 .xlsx 工作簿");
  return readCsv(bytes);
}

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return null;
  }
  return String(v as unknown);
}

async function readXlsx(bytes: Uint8Array): Promise<{ grids: SheetGrid[]; title: string | null }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetParseError("CORRUPT", `工作簿已损坏，无法读取（${(err as Error).message.slice(0, 120)}）`);
  }
  let total = 0;
  const grids = wb.worksheets
    .filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden")
    .map((ws) => {
      total += ws.rowCount;
      if (total > MAX_ROWS + 100) {
        throw new SheetParseError("TOO_LARGE", `超过 ${MAX_ROWS} 行：请把台账拆分成较小的文件`);
      }
      const width = ws.columnCount;
      const rows: CellValue[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const out: CellValue[] = [];
        for (let c = 1; c <= width; c++) {
          const cell = row.getCell(c);
          // A merged cell's slaves repeat the master's value here; `master` tells the caller they are one cell.
          out.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
        }
        rows.push(out);
      }
      const master = (row: number, col: number) => {
        const cell = ws.getRow(row).getCell(col);
        return cell.isMerged ? { row: Number(cell.master.row), col: Number(cell.master.col) } : null;
      };
      return { name: ws.name, rows, master };
    });
  return { grids, title: wb.title?.trim() || null };
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString("utf8"), encoding: "UTF-8" };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), "utf16le"), encoding: "UTF-16LE" };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), "utf16be"), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: Chinese offices' Excel saves CSV as GBK (GB18030 is its superset) or, in Taiwan/HK, Big5.
    const guess = chardet.detect(buf) ?? "GB18030";
    const encoding = /big5/i.test(guess) ? "Big5" : /utf-?16le/i.test(guess) ? "UTF-16LE" : "GB18030";
    return { text: iconv.decode(buf, encoding), encoding };
  }
}

function readCsv(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decode(bytes);
  if (text.includes("\u0000")) throw new SheetParseError("UNSUPPORTED_FORMAT", "文件既不是 .xlsx 也不是文本 .csv");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: MAX_ROWS + 101 });
  const rows = parsed.data;
  if (rows.length > MAX_ROWS + 100) {
    throw new SheetParseError("TOO_LARGE", `超过 ${MAX_ROWS} 行：请把台账拆分成较小的文件`);
  }
  // A final line break yields one empty row; it is not a row of the ledger.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === "")) rows.pop();
  const grid = rows.map((r) => r.map((c) => (c.trim() === "" ? null : c)));
  return { format: "csv", encoding, grids: [{ name: "CSV", rows: grid }] };
}
