// Reads a rectification ledger (整改台账) spreadsheet into problems and measures: header found below titles,
// columns detected (then corrected by the user), merged or repeated problem cells read as one problem, category
// rows (一、……方面) carried to the problems below; pure apart from reading the bytes. Invariants: every row
// below a header is accounted for in `rows`; whatever cannot be read fully is a warning, never a silent guess;
// a file with no usable header is a SheetParseError.
import { titleKey } from "../importer/normalise.ts";
import { cellText, detectColumns, findHeaderRow, headerKey } from "./columns.ts";
import { isDone, readPerson, readSection, readStatus, splitNames } from "./cell-words.ts";
import { parseDeadline } from "./deadline.ts";
import { guessInspection } from "./inspection-title.ts";
import { MAX_ROWS, readLedgerFile, type ReadResult } from "./read-file.ts";
import {
  IGNORE,
  SheetParseError,
  type CellValue,
  type ColumnMapping,
  type LedgerField,
  type LedgerWarning,
  type ParsedLedger,
  type SheetGrid,
  type SheetMeasure,
  type SheetProblem,
  type SheetSummary,
  type WarningCode,
} from "./types.ts";

export async function parseLedgerFile(
  bytes: Uint8Array,
  opts: { fileName?: string; mapping?: ColumnMapping } = {},
): Promise<ParsedLedger> {
  return parseGrids(await readLedgerFile(bytes, opts.fileName), opts.mapping);
}

const NUMBERING =
  /^\s*(?:[（(]\s*([0-9一二三四五六七八九十]+)\s*[)）]|([0-9]+)\s*[.．、](?![0-9])|([一二三四五六七八九十]+)\s*、|问题\s*([0-9一二三四五六七八九十]+)\s*[:：])\s*/;
const CATEGORY = /^\s*(?:[（(]?[一二三四五六七八九十]+[)）、．.]|第[一二三四五六七八九十]+部分)|方面/;

/** Leading "1." / "（1）" / "一、" taken off a cell, with the number it gave. */
function stripNumbering(text: string): { text: string; number: number | null } {
  const m = text.match(NUMBERING);
  if (!m) return { text, number: null };
  const n = m[1] ?? m[2] ?? m[4] ?? null;
  const rest = text.slice(m[0].length);
  return { text: rest || text, number: n && /^\d+$/.test(n) ? Number(n) : null };
}

const intOf = (v: CellValue): number | null => {
  const t = typeof v === "number" ? String(v) : cellText(v);
  const m = t.match(/^(\d{1,5})(?:\.0+)?$/);
  return m ? Number(m[1]) : null;
};

export function parseGrids(read: ReadResult, mapping: ColumnMapping = []): ParsedLedger {
  const warnings: LedgerWarning[] = [];
  const warn = (code: WarningCode, sheet: string, row: number | null, column: string | null, message: string) =>
    warnings.push({ code, sheet, row, column, message });
  const out: ParsedLedger = {
    format: read.format,
    encoding: read.encoding,
    sheets: [],
    problems: [],
    rows: [],
    warnings,
    title: null,
    inspection: null,
  };
  const byKey = new Map<string, number>();
  let dataRows = 0;

  for (const grid of read.grids) {
    const nonEmpty = grid.rows.some((r) => r.some((c) => cellText(c) !== ""));
    const headerRow = findHeaderRow(grid.rows);
    const summary: SheetSummary = { name: grid.name, headerRow, title: null, columns: [], dataRows: 0 };
    out.sheets.push(summary);
    if (!headerRow) {
      if (nonEmpty) warn("SKIPPED_SHEET", grid.name, null, null, `工作表“${grid.name}”没有可识别的表头，已跳过`);
      continue;
    }
    summary.title =
      grid.rows
        .slice(0, headerRow - 1)
        .flat()
        .map(cellText)
        .find((t) => t !== "") ?? null;
    out.title ??= summary.title;
    const header = grid.rows[headerRow - 1]!;
    const { columns, duplicates } = detectColumns(header, mapping);
    summary.columns = columns;
    for (const c of columns) {
      if (c.field === null && !duplicates.includes(c)) {
        warn("UNKNOWN_COLUMN", grid.name, headerRow, c.header, `未识别的列“${c.header}”，不导入`);
      }
    }
    for (const c of duplicates) {
      warn("DUPLICATE_COLUMN", grid.name, headerRow, c.header, `列“${c.header}”与前面的列含义相同，不导入`);
    }
    const col = new Map<LedgerField, number>();
    for (const c of columns) if (c.field && c.field !== IGNORE) col.set(c.field, c.index);
    for (const need of ["problem", "measure"] as const) {
      if (!col.has(need)) {
        throw new SheetParseError(
          "MISSING_COLUMN",
          `工作表“${grid.name}”第${headerRow}行的表头中没有${need === "problem" ? "问题" : "整改措施"}列`,
        );
      }
    }
    const headerKeys = header.map((c) => headerKey(cellText(c)));
    readRows(grid, headerRow, col, headerKeys, summary);
  }
  if (!out.sheets.some((s) => s.headerRow !== null)) {
    throw new SheetParseError(
      out.sheets.some((s) => s.dataRows > 0) || read.grids.some((g) => g.rows.length > 0) ? "NO_HEADER" : "EMPTY",
      "没有找到表头：前15行中应有一行写明“反馈问题”“整改措施”等列名",
    );
  }
  out.title ??= read.title ?? null;
  out.inspection = guessInspection(out.title);
  settleSections(out.problems);
  return out;

  function readRows(
    grid: SheetGrid,
    headerRow: number,
    col: Map<LedgerField, number>,
    headerKeys: string[],
    summary: SheetSummary,
  ) {
    const sheet = grid.name;
    let current: number | null = null;
    let category: string | null = null;
    for (let r = headerRow + 1; r <= grid.rows.length; r++) {
      const cells = grid.rows[r - 1]!;
      summary.dataRows++;
      if (++dataRows > MAX_ROWS) {
        throw new SheetParseError("TOO_LARGE", `超过 ${MAX_ROWS} 行：请把台账拆分成较小的文件`);
      }
      const raw = (f: LedgerField): CellValue => (col.has(f) ? (cells[col.get(f)! - 1] ?? null) : null);
      const text = (f: LedgerField): string => cellText(raw(f));
      const texts = cells.map(cellText);
      const filled = texts.filter((t) => t !== "");
      if (filled.length === 0) {
        out.rows.push({ sheet, row: r, outcome: "blank" });
        continue;
      }
      if (texts.filter((t, i) => t !== "" && headerKey(t) === headerKeys[i]).length >= 2) {
        out.rows.push({ sheet, row: r, outcome: "header", note: "repeated header" });
        continue;
      }
      // A category row (一、在……方面): one text, merged across or alone in the first columns, never only a measure.
      const only = filled[0]!;
      if (new Set(filled).size === 1 && CATEGORY.test(only) && !(filled.length === 1 && text("measure") === only)) {
        category = stripNumbering(only).text.replace(/^在/, "").trim();
        out.rows.push({ sheet, row: r, outcome: "category", note: category });
        current = null;
        continue;
      }
      const problemCell = text("problem");
      if (problemCell) {
        const lines = problemCell
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean);
        // A 序号 column numbers the problem; a number written in the cell too is taken off only when it agrees.
        const numbered = stripNumbering(lines[0]!);
        const given = intOf(raw("number"));
        const head = given === null || numbered.number === given ? numbered : { text: lines[0]!, number: null };
        const key = titleKey(head.text);
        const known = byKey.get(key);
        if (known !== undefined) current = known;
        else {
          const sectionText = text("section");
          const section = readSection(sectionText);
          if (sectionText && !section) {
            warn("UNKNOWN_SECTION", sheet, r, null, `无法识别的部分“${sectionText}”，按各措施的完成情况确定`);
          }
          const problem: SheetProblem = {
            sectionGiven: section !== null,
            sheet,
            row: r,
            number: intOf(raw("number")) ?? head.number ?? 0,
            title: head.text,
            titleKey: key,
            body: lines.slice(1).join("\n"),
            category: text("category") || category,
            section: section ?? "CONTINUING",
            measures: [],
          };
          out.problems.push(problem);
          current = out.problems.length - 1;
          byKey.set(key, current);
        }
      } else if (current === null) {
        warn("SKIPPED_ROW", sheet, r, null, `第${r}行没有所属问题，已跳过`);
        out.rows.push({ sheet, row: r, outcome: "skipped", note: "no problem" });
        continue;
      }
      const problem = out.problems[current!]!;
      const measureCell = text("measure");
      if (!measureCell) {
        warn("EMPTY_MEASURE", sheet, r, null, `第${r}行整改措施为空，此行不导入`);
        out.rows.push({ sheet, row: r, outcome: "skipped", problem: current!, note: "empty measure" });
        continue;
      }
      const m = readMeasure(sheet, r, raw, text, measureCell, problem, col.has("measureNumber"));
      problem.measures.push(m);
      out.rows.push({ sheet, row: r, outcome: "measure", problem: current!, measure: problem.measures.length - 1 });
    }
  }

  function readMeasure(
    sheet: string,
    r: number,
    raw: (f: LedgerField) => CellValue,
    text: (f: LedgerField) => string,
    measureCell: string,
    problem: SheetProblem,
    hasNumberColumn: boolean,
  ): SheetMeasure {
    // With a 措施编号 column the cell is the text itself (which may begin with its own "（1）").
    const stripped = hasNumberColumn ? { text: measureCell, number: null } : stripNumbering(measureCell);
    const given = intOf(raw("measureNumber")) ?? stripped.number;
    let number = given ?? Math.max(0, ...problem.measures.map((x) => x.number)) + 1;
    if (problem.measures.some((x) => x.number === number)) {
      const next = Math.max(...problem.measures.map((x) => x.number)) + 1;
      warn("DUPLICATE_NUMBER", sheet, r, null, `措施编号${number}在该问题中重复，改为${next}`);
      number = next;
    }
    const leaders = splitNames(text("leadLeader"));
    if (leaders.length > 1) {
      warn("SEVERAL_LEADERS", sheet, r, null, `牵头领导有多人（${leaders.join("、")}），只记录第一位：${leaders[0]}`);
    }
    const units = splitNames(text("responsibleUnit"));
    // The first unit named leads; the others named with it share the work, as participants.
    const participants = [...units.slice(1), ...splitNames(text("participants"))].filter(
      (u, i, all) => u !== units[0] && all.indexOf(u) === i,
    );
    const deadline = parseDeadline(raw("deadline"));
    if (deadline.kind === "unreadable") {
      warn("UNREADABLE_DATE", sheet, r, null, `无法识别的完成时限“${deadline.text}”，不记录时限`);
    }
    const statusText = text("status");
    const status = readStatus(statusText);
    if (statusText && !status)
      warn("UNKNOWN_STATUS", sheet, r, null, `无法识别的完成情况“${statusText}”，按整改中处理`);
    return {
      sheet,
      row: r,
      number,
      // With a 措施编号 column an empty number marks a problem's single unnumbered paragraph (as exported).
      numbered: hasNumberColumn ? intOf(raw("measureNumber")) !== null : true,
      text: stripped.text,
      leadLeader: leaders[0] ? readPerson(leaders[0]) : null,
      responsibleUnit: units[0] ?? null,
      participants,
      deadline,
      progress: text("progress") || null,
      status,
      remarks: text("remarks") || null,
    };
  }
}

/**
 * Sections not given by a 部分 column follow the measures (all done → completed in the concentrated period);
 * problems without a number are numbered after the others of their section.
 */
function settleSections(problems: SheetProblem[]): void {
  const n = { COMPLETED: 0, CONTINUING: 0 };
  for (const p of problems) {
    if (!p.sectionGiven) {
      p.section = p.measures.length > 0 && p.measures.every((m) => isDone(m.status)) ? "COMPLETED" : "CONTINUING";
    }
    if (p.number) n[p.section] = Math.max(n[p.section], p.number);
  }
  for (const p of problems) if (!p.number) p.number = ++n[p.section];
}
