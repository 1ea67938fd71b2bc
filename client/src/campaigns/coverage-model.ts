// Campaign coverage (覆盖情况), pure: rows of targets done / not yet / overdue per team and per unit, in first-seen
// order, and the total. The state of each target is the server's (it knows records not on this device).
// Invariant: done + notYet + overdue = total in every row (a target is counted in exactly one column).

export type TargetState = "DONE" | "NOT_YET" | "OVERDUE";

export interface CoverageTarget {
  id: string;
  teamId: string;
  teamName: string;
  unitId: string | null;
  unitName: string | null;
  state: TargetState;
}

export interface CoverageRow {
  key: string;
  label: string | null;
  done: number;
  notYet: number;
  overdue: number;
  total: number;
}

function emptyRow(key: string, label: string | null): CoverageRow {
  return { key, label, done: 0, notYet: 0, overdue: 0, total: 0 };
}

function add(row: CoverageRow, state: TargetState): void {
  row.total++;
  if (state === "DONE") row.done++;
  else if (state === "OVERDUE") row.overdue++;
  else row.notYet++;
}

export function coverageBy(
  targets: readonly CoverageTarget[],
  group: (t: CoverageTarget) => { key: string; label: string | null },
): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const t of targets) {
    const { key, label } = group(t);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key, label)));
    add(row, t.state);
  }
  return [...rows.values()];
}

export const byTeam = (t: CoverageTarget) => ({ key: t.teamId, label: t.teamName });
/** Targets of measures with no responsible unit share one row (label null: "no unit"). */
export const byUnit = (t: CoverageTarget) => ({ key: t.unitId ?? "", label: t.unitName });

export function coverageTotal(targets: readonly CoverageTarget[]): CoverageRow {
  const row = emptyRow("total", null);
  for (const t of targets) add(row, t.state);
  return row;
}
