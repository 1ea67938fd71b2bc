// Correcting a planned campaign (pure): the edit form's state from the campaign as read, the patch of only what
// changed (omitted fields stay on the server), the cancel reason's check (the server's rule: at least 2 characters
// once trimmed), the server's typed refusals turned into the form's own field checks so they show in Chinese, and
// the teams' changes (one call per changed team).
import type { FormFailure } from "../supervision/typed-result.ts";
import type { CampaignPatch } from "./campaign-documents.ts";
import {
  checkFacts,
  splitOffices,
  type PlanCheck,
  type PlanFacts,
  type PlanField,
  type PlanTeam,
} from "./plan-model.ts";

export type EditField = Extract<PlanField, "name" | "period" | "dueDays"> | "offices";
export type EditCheck = PlanCheck | "badOffices";

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

export function checkEdit(s: PlanFacts): Partial<Record<EditField, EditCheck>> {
  return checkFacts(s) as Partial<Record<EditField, EditCheck>>;
}

/** Only the fields that differ from `before` (a checked form); {} when nothing changed. */
export function toPatch(before: PlanFacts, after: PlanFacts): CampaignPatch {
  const patch: CampaignPatch = {};
  if (after.name.trim() !== before.name.trim()) patch.name = after.name.trim();
  const offices = splitOffices(after.offices);
  if (offices.join("\u0000") !== splitOffices(before.offices).join("\u0000")) patch.offices = offices;
  if (after.startsOn !== before.startsOn) patch.startsOn = after.startsOn;
  if (after.endsOn !== before.endsOn) patch.endsOn = after.endsOn;
  if (Number(after.dueDays) !== Number(before.dueDays)) patch.actionDueDays = Number(after.dueDays);
  return patch;
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
}

/** Which fields a typed refusal names (issues on other paths, e.g. offices' items "offices.0", count too). */
export function refusalOf(f: FormFailure): ServerRefusal {
  const fields: Partial<Record<EditField, EditCheck>> = {};
  let cancelled = false;
  for (const [path, message] of Object.entries(f.fields)) {
    const field = FIELD_OF[path];
    if (field) fields[field] = CHECK_OF[field];
    else if (/^\d+$/.test(path)) fields.offices = "badOffices";
    else if ((path === "id" || path === "campaignId") && message.includes("cancelled")) cancelled = true;
  }
  return { fields, cancelled };
}

export interface TeamChange {
  /** The team's global id (its key in the form). */
  id: string;
  name?: string;
  memberIds?: string[];
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
