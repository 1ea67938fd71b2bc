// Reads a ledger's 完成时限 cell: a real Excel date, an Excel serial number, or the ways offices write a deadline
// (2024年6月底, 2024.06.30, 2024-06, 2024年上半年, 长期坚持 / 持续推进); pure. Invariant: a month without a day
// means the month's last day (a deadline is "by the end of"), and text that cannot be read is reported, never guessed.
import type { CellValue, Deadline } from "./types.ts";

const LONG_TERM = /长期坚持|长期|持续推进|持续整改|常态化|久久为功|持续抓好/;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function day(y: number, m: number, d: number | "end"): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return null;
  const dd = d === "end" ? lastDay(y, m) : d;
  if (dd < 1 || dd > lastDay(y, m)) return null;
  return `${y}-${pad(m)}-${pad(dd)}`;
}

/** Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was: serial 25569 is 1970-01-01. */
function fromSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 32874 || n > 73415) return null; // 1990 … 2100
  const d = new Date(Math.round((Math.floor(n) - 25569) * 86_400_000));
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** The first date written in `s`, as YYYY-MM-DD, or null. */
function dateIn(raw: string): string | null {
  const s = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
  let m = s.match(/(\d{4})年(\d{1,2})月(\d{1,2})[日号]/);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  m = s.match(/(\d{4})年(\d{1,2})月(上旬|中旬|下旬)/);
  if (m) return day(+m[1]!, +m[2]!, m[3] === "上旬" ? 10 : m[3] === "中旬" ? 20 : "end");
  m = s.match(/(\d{4})年(\d{1,2})月/);
  if (m) return day(+m[1]!, +m[2]!, "end");
  m = s.match(/(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})/);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  m = s.match(/(\d{4})[.\-/](\d{1,2})(?!\d)/);
  if (m) return day(+m[1]!, +m[2]!, "end");
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  m = s.match(/(\d{4})年(?:第)?([一二三四1-4])季度/);
  if (m) return day(+m[1]!, CN_NUM[m[2]!]! * 3, "end");
  m = s.match(/(\d{4})年(上半年|下半年)/);
  if (m) return day(+m[1]!, m[2] === "上半年" ? 6 : 12, "end");
  m = s.match(/(\d{4})年(?:年底|底|末|年末|内|全年)?/);
  if (m) return day(+m[1]!, 12, "end");
  return null;
}

export function parseDeadline(cell: CellValue): Deadline {
  if (cell === null) return { kind: "none" };
  if (cell instanceof Date) {
    const d = day(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return d ? { kind: "date", day: d } : { kind: "unreadable", text: cell.toISOString() };
  }
  if (typeof cell === "number") {
    const d = fromSerial(cell);
    return d ? { kind: "date", day: d } : { kind: "unreadable", text: String(cell) };
  }
  const text = cell.trim();
  if (text === "" || text === "/" || text === "-" || text === "—" || text === "无") return { kind: "none" };
  // A date wins over a long-term phrase: "2024年6月底前完成并长期坚持" has a deadline.
  const d = dateIn(text);
  if (d) return { kind: "date", day: d };
  if (/^\d+(\.\d+)?$/.test(text)) {
    const serial = fromSerial(Number(text));
    if (serial) return { kind: "date", day: serial };
  }
  if (LONG_TERM.test(text)) return { kind: "longTerm" };
  return { kind: "unreadable", text };
}

/** The cell text the export writes for a deadline, which parseDeadline reads back. */
export const LONG_TERM_LABEL = "长期坚持";
