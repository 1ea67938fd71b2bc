// Reads a problem table flattened to text (Word or a ledger copied as tab-separated rows: 序号, 问题, 整改措施, 完成情况 …):
// which column is which, from the header row; each row's number, title, measures (split on inline (1)/1./①/一是 markers) and
// status words. Pure; each row is read once, left to right.
import { cnToInt, toHalfWidth, trimText } from "./normalise.ts";
import { parseAboutHeading } from "./problem-heading.ts";
import { splitSubPoints } from "./sub-points.ts";

export interface TableColumns {
  /** Column indexes; null when the table has no such column. */
  number: number | null;
  problem: number;
  measures: number;
  status: number | null;
  category: number | null;
  width: number;
}

const NUMBER_COL = /^(?:序号|序號|编号|編號|No\.?)$/i;
const PROBLEM_COL =
  /^(?:(?:反馈|反饋|存在|巡[视視察])?的?[问問][题題](?:描述|清单|清單|内容|內容|表现|表現)?|[问問][题題]名称|[问問][题題]名稱)$/;
const MEASURES_COL =
  /^(?:整改(?:措施|举措|舉措|情况|情況|落实情况|落實情況|进展|進展|进展情况|進展情況|完成情况|完成情況)|(?:具体)?措施|落实情况|落實情況)$/;
const STATUS_COL =
  /^(?:完成情况|完成情況|整改状态|整改狀態|状态|狀態|完成状态|完成狀態|是否完成|整改结果|整改結果|进度|進度)$/;
const CATEGORY_COL = /^(?:类别|類別|[问問][题題]类别|[问問][题題]類別|方面|所属方面|所屬方面|领域|領域)$/;

/** The columns of a table header row ("序号\t问题\t整改措施\t完成情况"); null unless it names a problem and a measures column. */
export function matchTableHeader(text: string): TableColumns | null {
  if (!text.includes("\t")) return null;
  const cells = text.split("\t").map((c) => trimText(toHalfWidth(c)).replace(/\s+/g, ""));
  const find = (re: RegExp, skip: number[] = []) => {
    const i = cells.findIndex((c, at) => !skip.includes(at) && re.test(c));
    return i < 0 ? null : i;
  };
  const problem = find(PROBLEM_COL);
  // 完成情况 is the status column when another column holds the measures, else the measures column.
  const status0 = find(STATUS_COL);
  const measures = find(MEASURES_COL, status0 === null ? [] : [status0]) ?? find(MEASURES_COL);
  if (problem === null || measures === null || problem === measures) return null;
  const status = status0 !== null && status0 !== measures ? status0 : null;
  return { number: find(NUMBER_COL), problem, measures, status, category: find(CATEGORY_COL), width: cells.length };
}

export interface TableRow {
  /** The 序号 cell's number, null when the table has none or the cell is empty. */
  number: number | null;
  title: string;
  body: string;
  measures: Array<{ number: number; numbered: boolean; text: string }>;
  /** The status cell as written, "" when none. */
  status: string;
  /** The category cell, "" when none (a merged cell flattened to blanks continues the one above). */
  category: string;
}

const NUMBER_CELL = /^(\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?$/;

/** The cells of a data row aligned to the header: a leading empty 序号 cell lost to trimming is put back. */
function cellsOf(text: string, cols: TableColumns): string[] {
  const cells = text.split("\t").map(trimText);
  if (cols.number === 0 && cells.length < cols.width && !NUMBER_CELL.test(toHalfWidth(cells[0] ?? "")))
    cells.unshift("");
  while (cells.length < cols.width) cells.push("");
  return cells;
}

/** A data row, or a string saying what is missing. */
export function readTableRow(text: string, cols: TableColumns): TableRow | string {
  const cells = cellsOf(text, cols);
  const cell = (i: number | null): string => (i === null ? "" : (cells[i] ?? ""));
  const numberCell = toHalfWidth(cell(cols.number));
  const numbered = NUMBER_CELL.exec(numberCell);
  if (numberCell !== "" && !numbered) return "a number in the 序号 column";
  const problem = cell(cols.problem);
  if (problem === "") return "the problem in its column";
  const measuresText = cell(cols.measures);
  if (measuresText === "") return "the measures in their column";
  const n = numbered ? (/^\d/.test(numbered[1]!) ? Number(numbered[1]) : cnToInt(numbered[1]!)) : null;
  return {
    number: n,
    ...titleOf(problem),
    measures: splitCellMeasures(measuresText),
    status: cell(cols.status),
    category: cell(cols.category),
  };
}

/** "关于“…”问题" gives its quoted title; a described problem is titled by its first sentence, the rest is its body. */
function titleOf(cell: string): { title: string; body: string } {
  const about = parseAboutHeading(cell);
  if (about) return { title: about.title, body: about.inline };
  const stop = cell.search(/[。；]/);
  if (stop < 0) return { title: cell, body: "" };
  return { title: trimText(cell.slice(0, stop)), body: trimText(cell.slice(stop + 1)) };
}

// A marker starts the cell or follows the end of a sentence or clause (so 5.5% or 第(2)项 are not markers).
const BEFORE_MARKER = new Set([..."。；;:：，, \t）)"]);
const markerRes = (n: number): RegExp[] => [
  new RegExp(`[（(]${n}[）)]`, "g"),
  new RegExp(`${n}[.、．](?!\\d)`, "g"),
  new RegExp(String.fromCharCode(0x2460 + n - 1), "g"),
];

/** Start and end of each marker of one style, in order from 1; fewer than two found leaves the cell one measure. */
function markerRuns(text: string, style: number): Array<{ at: number; body: number }> {
  const runs: Array<{ at: number; body: number }> = [];
  let from = 0;
  for (let n = 1; n <= 99 && (style !== 2 || n <= 20); n++) {
    const re = markerRes(n)[style]!;
    re.lastIndex = from;
    let m = re.exec(text);
    while (m && m.index > 0 && !BEFORE_MARKER.has(text[m.index - 1]!)) m = re.exec(text);
    if (!m || (n === 1 && m.index !== 0)) break;
    runs.push({ at: m.index, body: m.index + m[0].length });
    from = m.index + m[0].length;
  }
  return runs;
}

/** A measures cell as measures: inline (1)(2) / 1.2. / ①② markers, or 一是/二是 points, else one unnumbered measure. */
export function splitCellMeasures(text: string): Array<{ number: number; numbered: boolean; text: string }> {
  for (let style = 0; style < 3; style++) {
    const runs = markerRuns(text, style);
    if (runs.length >= 2 || (runs.length === 1 && runs[0]!.at === 0)) {
      return runs.map((r, i) => ({
        number: i + 1,
        numbered: true,
        text: trimText(text.slice(r.body, runs[i + 1]?.at ?? text.length)),
      }));
    }
  }
  if (text.startsWith("一是")) {
    const points = splitSubPoints(text);
    if (points.length >= 2) return points.map((p, i) => ({ number: i + 1, numbered: true, text: p }));
  }
  return [{ number: 1, numbered: false, text }];
}
