// Correcting a planned campaign (pure): the edit form's state from the campaign as read, the patch of only what
// changed (omitted fields stay on the server), the cancel reason's check (the server's rule: at least 2 characters
// once trimmed), a new period that would leave targets' own due days outside it (the server refuses it: they are
// re-planned first), the server's typed refusals turned into the form's own field checks so they show in Chinese,
// and the teams' changes (one call per changed team).
import { changedOnly } from "../lib/changed-only.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import type { CampaignPatch } from "./campaign-documents.ts";
import {
  checkFacts,
  splitOffices,
  type PlanCheck,
  type PlanFacts,
  type PlanField,
  type PlanState,
  type PlanTeam,
} from "./plan-model.ts";

export type EditField = Extract<PlanField, "name" | "period" | "dueDays"> | "offices";
export type EditCheck = PlanCheck | "badOffices" | "targetsOutside";

export interface CampaignFacts {
  name: string;
  offices: readonly string[];
  startsOn: string;
  endsOn: string;
  actionDueDays: number;
}

export function editStateOf(c: CampaignFacts): PlanFacts {
  return {
    name: c.name,
    offices: c.offices.join("、"),
    startsOn: c.startsOn.slice(0, 10),
    endsOn: c.endsOn.slice(0, 10),
    dueDays: String(c.actionDueDays),
  };
}

/** The form's checks; `dueOns`: the campaign's targets' own due days (null: none), which the period must hold. */
export function checkEdit(
  s: PlanFacts,
  dueOns: readonly (string | null)[] = [],
): Partial<Record<EditField, EditCheck>> {
  const out = checkFacts(s) as Partial<Record<EditField, EditCheck>>;
  if (!out.period && outsideOf(s, dueOns) > 0) out.period = "targetsOutside";
  return out;
}

/** How many own due days fall outside the form's period (as the server counts them on updateCampaign). */
export function outsideOf(s: Pick<PlanFacts, "startsOn" | "endsOn">, dueOns: readonly (string | null)[]): number {
  return dueOns.filter((d) => d && (d.slice(0, 10) < s.startsOn || d.slice(0, 10) > s.endsOn)).length;
}

/** Only the fields that differ from `before` (a checked form); {} when nothing changed. */
/** The campaign's editable facts as the server takes them. */
const inputOf = (f: PlanFacts) => ({
  name: f.name.trim(),
  offices: splitOffices(f.offices),
  startsOn: f.startsOn,
  endsOn: f.endsOn,
  actionDueDays: Number(f.dueDays),
});

export function toPatch(before: PlanFacts, after: PlanFacts): CampaignPatch {
  return changedOnly(inputOf(before), inputOf(after));
}

export const MIN_REASON = 2;

export function checkReason(reason: string): "needReason" | null {
  return reason.trim().length >= MIN_REASON ? null : "needReason";
}

/** The server's issue paths (last segment) → the form's fields. */
const FIELD_OF: Record<string, EditField> = {
  name: "name",
  startsOn: "period",
  endsOn: "period",
  actionDueDays: "dueDays",
  offices: "offices",
};
const CHECK_OF: Record<EditField, EditCheck> = {
  name: "needName",
  period: "needPeriod",
  dueDays: "needDueDays",
  offices: "badOffices",
};

export interface ServerRefusal {
  fields: Partial<Record<EditField, EditCheck>>;
  /** The campaign was cancelled meanwhile (the server refuses every change then). */
  cancelled: boolean;
  /** Targets whose own due day the new period would leave outside ("N targets outside" on an end), or 0. */
  outside: number;
}

/** Which fields a typed refusal names (issues on other paths, e.g. offices' items "offices.0", count too). */
export function refusalOf(f: FormFailure): ServerRefusal {
  const fields: Partial<Record<EditField, EditCheck>> = {};
  let cancelled = false;
  let outside = 0;
  for (const [path, message] of Object.entries(f.fields)) {
    const field = FIELD_OF[path];
    const targets = /^(\d+) targets? outside$/.exec(message);
    if (field === "period" && targets) {
      outside += Number(targets[1]);
      fields.period = "targetsOutside";
    } else if (field) fields[field] = CHECK_OF[field];
    else if (/^\d+$/.test(path)) fields.offices = "badOffices";
    else if ((path === "id" || path === "campaignId") && message.includes("cancelled")) cancelled = true;
  }
  return { fields, cancelled, outside };
}

export interface TeamChange {
  /** The team's global id (its key in the form). */
  id: string;
  name?: string;
  memberIds?: string[];
}

/** A plan holding only `teams` (the team fields and the target picker edit a plan; its other facts are unused when
 * correcting a campaign). */
export function planOfTeams(teams: PlanTeam[]): PlanState {
  return { name: "", offices: "", startsOn: "", endsOn: "", dueDays: "", teams, targets: [] };
}

/** The teams as the form edits them: keyed by their ids. */
export function teamsOf(
  teams: readonly { id: string; name: string; members: readonly { id: string }[] }[],
): PlanTeam[] {
  return teams.map((t) => ({ key: t.id, name: t.name, memberIds: t.members.map((m) => m.id) }));
}

/** One updateCampaignTeam per team whose name or members changed, with only what changed (members as a set). */
export function teamChanges(before: readonly PlanTeam[], after: readonly PlanTeam[]): TeamChange[] {
  const was = new Map(before.map((t) => [t.key, t]));
  const out: TeamChange[] = [];
  for (const t of after) {
    const b = was.get(t.key);
    if (!b) continue;
    const change: TeamChange = { id: t.key };
    if (t.name.trim() !== b.name.trim()) change.name = t.name.trim();
    const same = t.memberIds.length === b.memberIds.length && t.memberIds.every((m) => b.memberIds.includes(m));
    if (!same) change.memberIds = [...t.memberIds];
    if (change.name !== undefined || change.memberIds) out.push(change);
  }
  return out;
}
