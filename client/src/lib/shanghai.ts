// Calendar days, months and quarters in Asia/Shanghai (UTC+8 all year, no daylight saving), as the server counts
// deadlines and periods, whatever the device's own zone. Pure.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** "YYYY-MM-DD" in Asia/Shanghai. */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM" in Asia/Shanghai. */
export function shanghaiMonth(now: Date): string {
  return shanghaiDay(now).slice(0, 7);
}

/** "YYYY-Qn" in Asia/Shanghai. */
export function shanghaiQuarter(now: Date): string {
  const [y, m] = shanghaiMonth(now).split("-").map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** A "YYYY-MM-DD" day plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_RE = /^\d{4}-Q[1-4]$/;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}
export function isQuarter(s: string): boolean {
  return QUARTER_RE.test(s);
}

/** "2024-03" → month 3 of 2024, "2024-Q1" → quarter 1 (the catalogues name them: 2024年3月, 2024年第1季度). */
export function periodParts(period: string): { kind: "MONTH" | "QUARTER"; year: number; n: number } | null {
  const q = period.match(/^(\d{4})-Q([1-4])$/);
  if (q) return { kind: "QUARTER", year: Number(q[1]), n: Number(q[2]) };
  const m = period.match(/^(\d{4})-(0[1-9]|1[0-2])$/);
  return m ? { kind: "MONTH", year: Number(m[1]), n: Number(m[2]) } : null;
}
