// A problem's facts as its header shows them: its own deadline and responsible unit, or — when the problem has none
// of its own, the usual case once measures are assigned — the roll-up of its live measures (earliest dated deadline,
// else 长期坚持 if a measure is long-term; every responsible unit, in measure order). Pure.
import type { WsProblem } from "../cache/working-set.ts";

export interface Rolled<T> {
  value: T;
  /** true: taken from the measures, not set on the problem itself. */
  fromMeasures: boolean;
}

export type RolledDeadline = Rolled<{ date: string } | { longTerm: true } | null>;

export function rolledDeadline(p: Pick<WsProblem, "deadline" | "measures">): RolledDeadline {
  if (p.deadline) return { value: { date: p.deadline }, fromMeasures: false };
  // ISO dates (YYYY-MM-DD) order as strings.
  const dated = p.measures.filter((m) => !m.longTerm && m.deadline).map((m) => m.deadline!);
  if (dated.length) return { value: { date: dated.sort()[0]! }, fromMeasures: true };
  if (p.measures.some((m) => m.longTerm)) return { value: { longTerm: true }, fromMeasures: true };
  return { value: null, fromMeasures: false };
}

export function rolledUnits(p: Pick<WsProblem, "responsibleUnit" | "measures">): Rolled<string[]> {
  if (p.responsibleUnit) return { value: [p.responsibleUnit], fromMeasures: false };
  const units = [...new Set(p.measures.map((m) => m.responsibleUnit).filter((u): u is string => !!u))];
  return { value: units, fromMeasures: units.length > 0 };
}
