// Calendar days in Asia/Shanghai, the time zone every deadline of the ledger is read in.
// Invariant: a Date column holds UTC midnight of its day, so "today" is compared as UTC midnight of the local day.
const SHANGHAI = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// The last instant formatted: a page of lights asks for the same `now` tens of thousands of times, and Intl
// formatting was a tenth of a working-set download's CPU.
let last = { ms: NaN, day: "" };

// China has kept UTC+8 all year since its last daylight saving time ended on 1991-09-15 (at 02:00 CDT, 1991-09-14
// 17:00 UTC): from then on the local day is UTC+8 arithmetic, which costs nothing next to Intl (asked once or more
// per request, with a new `now` each time). Earlier instants keep the time-zone database's answer.
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 14, 17);
const UTC_PLUS_8 = 8 * 3_600_000;

/** YYYY-MM-DD of `now` in Asia/Shanghai. */
export function shanghaiDay(now: Date): string {
  const ms = now.getTime();
  if (ms !== last.ms) {
    const day = ms >= FIXED_OFFSET_SINCE ? new Date(ms + UTC_PLUS_8).toISOString().slice(0, 10) : SHANGHAI.format(now);
    last = { ms, day };
  }
  return last.day;
}

/** UTC midnight of the Asia/Shanghai day of `now`: the value to compare Date columns with. */
export function shanghaiToday(now: Date): Date {
  return new Date(`${shanghaiDay(now)}T00:00:00Z`);
}

/** Statuses for which a passed deadline no longer counts as overdue. */
export const DONE_STATUSES = ["COMPLETED", "CLOSE_REQUESTED", "CLOSED"] as const;
