// Calendar days in Asia/Shanghai, the time zone every deadline of the ledger is read in.
// Invariant: a Date column holds UTC midnight of its day, so "today" is compared as UTC midnight of the local day.
const SHANGHAI = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** YYYY-MM-DD of `now` in Asia/Shanghai. */
export function shanghaiDay(now: Date): string {
  return SHANGHAI.format(now);
}

/** UTC midnight of the Asia/Shanghai day of `now`: the value to compare Date columns with. */
export function shanghaiToday(now: Date): Date {
  return new Date(`${shanghaiDay(now)}T00:00:00Z`);
}

/** Statuses for which a passed deadline no longer counts as overdue. */
export const DONE_STATUSES = ["COMPLETED", "CLOSE_REQUESTED", "CLOSED"] as const;
