// Traffic lights (红黄绿灯) on the client: the four lights in severity order, light counts as the server sends
// them, and the stable sort the dashboard tables use. Pure. A light is never shown by colour alone (light-badge.tsx).

export type Light = "GREEN" | "YELLOW" | "RED" | "GREY";

/** Most urgent first: the order of legends, table columns and summary tiles. */
export const LIGHTS: readonly Light[] = ["RED", "YELLOW", "GREEN", "GREY"];

export function isLight(value: unknown): value is Light {
  return typeof value === "string" && (LIGHTS as readonly string[]).includes(value);
}

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  grey: number;
  total: number;
  overdue: number;
  dueSoon: number;
  relapsed: number;
}

export const LIGHT_COUNTS_FIELDS = "green yellow red grey total overdue dueSoon relapsed";

export function countOf(counts: LightCounts, light: Light): number {
  return counts[light.toLowerCase() as "green" | "yellow" | "red" | "grey"];
}

export type SortDirection = "none" | "descending" | "ascending";

/** none → descending (most red first, what a supervisor wants) → ascending → none. */
export function nextDirection(d: SortDirection): SortDirection {
  return d === "none" ? "descending" : d === "descending" ? "ascending" : "none";
}

/** Sorts by red count; ties, and direction "none", keep the server's order (by name, or report order). */
export function sortByRed<T>(rows: readonly T[], counts: (row: T) => LightCounts, d: SortDirection): T[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  if (d === "none") return indexed.map((x) => x.row);
  const sign = d === "descending" ? -1 : 1;
  return indexed.sort((a, b) => sign * (counts(a.row).red - counts(b.row).red) || a.i - b.i).map((x) => x.row);
}
