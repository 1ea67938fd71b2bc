// Planning a campaign (pure): the form's state, its checks (each failure names the field it belongs to), the
// ledger filter for picking targets (units, lights), and the GraphQL input. Invariants: every target names a team
// of the plan and at least one method; offices are trimmed, split on 、，, and never empty strings.
import { RECORD_KINDS, type RecordKind } from "@rectify/server/sync";
import type { WsMeasure, WsProblem } from "../cache/working-set.ts";
import type { Light } from "../lights/lights.ts";
import type { CampaignInput, TargetBatch } from "./campaign-documents.ts";

export interface PlanTeam {
  /** Local key (teams may be renamed while planning). */
  key: string;
  name: string;
  memberIds: string[];
}

export interface PlanTarget {
  /** The measure's global id. */
  measureId: string;
  methods: RecordKind[];
  teamKey: string;
}

export interface PlanState {
  name: string;
  offices: string;
  startsOn: string;
  endsOn: string;
  dueDays: string;
  teams: PlanTeam[];
  targets: PlanTarget[];
}

export type PlanCheck = "needName" | "needPeriod" | "needDueDays" | "needTeam" | "needTarget" | "needMethod";
export type PlanField = "name" | "period" | "dueDays" | "teams" | "targets";

export const DEFAULT_METHODS: RecordKind[] = ["SITE_VISIT"];

export function splitOffices(text: string): string[] {
  return text
    .split(/[、，,;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The campaign's own facts (name, period, due days): checked when planning and when editing one. */
export type PlanFacts = Pick<PlanState, "name" | "offices" | "startsOn" | "endsOn" | "dueDays">;

export function checkFacts(s: PlanFacts): Partial<Record<PlanField, PlanCheck>> {
  const out: Partial<Record<PlanField, PlanCheck>> = {};
  if (!s.name.trim()) out.name = "needName";
  if (!DAY.test(s.startsOn) || !DAY.test(s.endsOn) || s.endsOn < s.startsOn) out.period = "needPeriod";
  const days = Number(s.dueDays);
  if (!/^\d+$/.test(s.dueDays.trim()) || days < 1 || days > 365) out.dueDays = "needDueDays";
  return out;
}

/** Every team named and with at least one member (planning, and correcting a campaign's teams). */
export function checkTeams(teams: readonly PlanTeam[]): PlanCheck | null {
  return teams.length === 0 || teams.some((t) => !t.name.trim() || t.memberIds.length === 0) ? "needTeam" : null;
}

export function checkPlan(s: PlanState): Partial<Record<PlanField, PlanCheck>> {
  const out = checkFacts(s);
  const teams = checkTeams(s.teams);
  if (teams) out.teams = teams;
  if (s.targets.length === 0) out.targets = "needTarget";
  else if (s.targets.some((t) => t.methods.length === 0)) out.targets = "needMethod";
  return out;
}

export function toInput(s: PlanState, inspectionId: string): CampaignInput {
  return {
    name: s.name.trim(),
    offices: splitOffices(s.offices),
    inspectionId,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    actionDueDays: Number(s.dueDays),
    teams: s.teams.map((t) => ({ name: t.name.trim(), memberIds: [...t.memberIds] })),
  };
}

/** The targets grouped by team and methods (methods in the canonical order), one group per server call. */
export function targetBatches(s: PlanState): TargetBatch[] {
  const teamName = new Map(s.teams.map((t) => [t.key, t.name.trim()]));
  const batches = new Map<string, TargetBatch>();
  for (const t of s.targets) {
    const methods = RECORD_KINDS.filter((k) => t.methods.includes(k));
    const name = teamName.get(t.teamKey) ?? "";
    const key = `${name}\u0000${methods.join(",")}`;
    const batch = batches.get(key) ?? { teamName: name, methods, measureIds: [] };
    batch.measureIds.push(t.measureId);
    batches.set(key, batch);
  }
  return [...batches.values()];
}

export interface LedgerFilter {
  /** Responsible unit names; empty: every unit. */
  units: string[];
  /** Lights; empty: every light. */
  lights: Light[];
}

export interface MeasurePick {
  problem: WsProblem;
  measure: WsMeasure;
}

/** The measures matching the filter, in ledger order. A measure without a light counts as GREEN (older copies). */
export function filterMeasures(problems: readonly WsProblem[], f: LedgerFilter): MeasurePick[] {
  return problems.flatMap((problem) =>
    problem.measures
      .filter((m) => f.units.length === 0 || (m.responsibleUnit !== null && f.units.includes(m.responsibleUnit)))
      .filter((m) => f.lights.length === 0 || f.lights.includes(m.light ?? "GREEN"))
      .map((measure) => ({ problem, measure })),
  );
}

/** Every responsible unit named in the ledger, sorted by the Chinese collation. */
export function ledgerUnits(problems: readonly WsProblem[]): string[] {
  const names = new Set<string>();
  for (const p of problems) for (const m of p.measures) if (m.responsibleUnit) names.add(m.responsibleUnit);
  return [...names].sort((a, b) => a.localeCompare(b, "zh-CN"));
}

/** Adds the picks not yet targeted (default methods, the first team); keeps the existing targets as they are. */
export function addTargets(
  targets: readonly PlanTarget[],
  picks: readonly MeasurePick[],
  teamKey: string,
): PlanTarget[] {
  const have = new Set(targets.map((t) => t.measureId));
  const added = picks
    .filter((p) => !have.has(p.measure.id))
    .map((p) => ({ measureId: p.measure.id, methods: [...DEFAULT_METHODS], teamKey }));
  return [...targets, ...added];
}

/** Removes a team; its targets move to the first remaining team. */
export function removeTeam(s: PlanState, key: string): PlanState {
  const teams = s.teams.filter((t) => t.key !== key);
  const fallback = teams[0]?.key ?? "";
  return { ...s, teams, targets: s.targets.map((t) => (t.teamKey === key ? { ...t, teamKey: fallback } : t)) };
}
