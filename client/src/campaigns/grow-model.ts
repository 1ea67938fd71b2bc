// Growing a campaign that exists (pure): a fresh default name for a team added to it, the ledger's measures it may
// still target (its own inspection's, not yet targeted), the picked targets as addCampaignTargets inputs (one per
// team and methods, teams keyed by their ids), and what a refusal to remove a team means.
import type { WsProblem } from "../cache/working-set.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import type { RecordKind } from "@rectify/server/sync";
import { targetBatches, type PlanState, type PlanTarget } from "./plan-model.ts";

/** The first of make(n), make(n+1)… (n = teams + 1) that no team of the campaign is named. */
export function freshTeamName(names: readonly string[], make: (n: number) => string): string {
  const taken = new Set(names.map((x) => x.trim()));
  for (let n = names.length + 1; ; n++) if (!taken.has(make(n))) return make(n);
}

/**
 * The campaign's inspection's problems (copies without an inspection id count, as when planning), each with only
 * the measures not yet targeted; problems left without any are dropped.
 */
export function untargeted(
  problems: readonly WsProblem[],
  inspectionId: string,
  targetedMeasureIds: readonly string[],
): WsProblem[] {
  const taken = new Set(targetedMeasureIds);
  return problems
    .filter((p) => !p.inspectionId || p.inspectionId === inspectionId)
    .map((p) => ({ ...p, measures: p.measures.filter((m) => !taken.has(m.id)) }))
    .filter((p) => p.measures.length > 0);
}

/** The picks' own check: at least one, each with a method (as planning checks them). */
export function checkPicked(targets: readonly PlanTarget[]): "needTarget" | "needMethod" | null {
  if (targets.length === 0) return "needTarget";
  return targets.some((t) => t.methods.length === 0) ? "needMethod" : null;
}

export interface TargetsCall {
  teamId: string;
  methods: RecordKind[];
  measureIds: string[];
}

/** One addCampaignTargets input per team and methods; the plan's teams are the campaign's, keyed by their ids. */
export function targetCalls(plan: Pick<PlanState, "teams" | "targets">): TargetsCall[] {
  const idOf = new Map(plan.teams.map((t) => [t.name.trim(), t.key]));
  return targetBatches({ ...plan, name: "", offices: "", startsOn: "", endsOn: "", dueDays: "" }).map((b) => ({
    teamId: idOf.get(b.teamName) ?? "",
    methods: b.methods,
    measureIds: b.measureIds,
  }));
}

export type TeamRefusal =
  | { kind: "hasTargets"; count: number | null }
  | { kind: "lastTeam" }
  | { kind: "gone" }
  | { kind: "cancelled" }
  | { kind: "other" };

/** The server refuses removing a team that still has targets ("N targets" on the id), the campaign's last team
 * ("last team": a campaign without a team cannot be worked on), or one already gone. */
export function teamRefusalOf(f: FormFailure): TeamRefusal {
  if (f.kind === "NotFoundError") return { kind: "gone" };
  if (f.kind !== "ValidationError") return { kind: "other" };
  const why = f.fields.id ?? f.fields.campaignId ?? "";
  const targets = /^(\d+) targets?$/.exec(why);
  if (targets) return { kind: "hasTargets", count: Number(targets[1]) };
  if (why === "last team") return { kind: "lastTeam" };
  if (why.includes("cancelled")) return { kind: "cancelled" };
  return { kind: "other" };
}
