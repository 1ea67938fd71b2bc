// Turns the rows of a problem table (see table-rows.ts) into problems: numbering checked like headings (continuing, or restarting
// when the category column changes), a category column carried down over blank (merged) cells, the status column kept as the
// problem's stated status. Stops, without consuming, at the first line that is not a row.
import type { LineRole } from "./report-types.ts";
import type { LineCursor } from "./line-cursor.ts";
import { EXPECT } from "./line-patterns.ts";
import { titleKey } from "./normalise.ts";
import { finishMeasure } from "./parse-problem.ts";
import { statusOfWords } from "./sections.ts";
import { matchTableHeader, readTableRow, type TableColumns } from "./table-rows.ts";
import type { DraftProblem } from "./parse-progress.ts";

export interface TableContext {
  category: string | null;
  lastNumber: number;
  mayRestart: boolean;
  role: (line: number, role: LineRole) => void;
}

export const TABLE_ROW = 'a table row "序号\\t问题\\t整改措施\\t完成情况"';

/** Reads the header at the cursor and the rows under it; returns the problems and the last number used. */
export function parseTable(cur: LineCursor, cols: TableColumns, ctx: TableContext): DraftProblem[] {
  ctx.role(cur.next().no, "table");
  const problems: DraftProblem[] = [];
  let category = ctx.category;
  for (let line = cur.peek(); line && line.text.includes("\t"); line = cur.peek()) {
    // A header repeated on every page of a long table.
    if (matchTableHeader(line.text)) {
      ctx.role(cur.next().no, "table");
      continue;
    }
    const row = readTableRow(line.text, cols);
    if (typeof row === "string") throw cur.error(`${TABLE_ROW} with ${row}`);
    if (row.category !== "" && row.category !== category) [category, ctx.mayRestart] = [row.category, true];
    const n = row.number ?? ctx.lastNumber + 1;
    if (n !== ctx.lastNumber + 1 && !(ctx.mayRestart && n === 1)) {
      throw cur.error(EXPECT.problemNumber(ctx.lastNumber + 1));
    }
    cur.next();
    ctx.role(line.no, "table");
    const measures = row.measures.map((m) => finishMeasure({ ...m, parts: [m.text], line: line.no }));
    problems.push({
      section: "CONTINUING",
      status: "NOT_STATED",
      statusFrom: null,
      number: n,
      title: row.title,
      titleKey: titleKey(row.title),
      category,
      body: row.body,
      measures,
      children: [],
      line: line.no,
      statusStated: row.status === "" ? null : statusOfWords(row.status),
      ownWords: [row.title, row.body, ...row.measures.map((m) => m.text)].join("\n"),
    });
    [ctx.lastNumber, ctx.mayRestart] = [n, false];
  }
  return problems;
}
