// Correcting one target of a running campaign (pure): the form's state from the target as read (methods, team, own
// due day; "" = none, the campaign's end applies), its own checks (a team of the campaign as read now, a due day
// within its period: the server's rules, said before it is asked), the patch of only what changed (one
// updateCampaignTarget; dueOn null clears the own day), and the server's typed refusals as the form's field checks
// so they show in Chinese.
import { RECORD_KINDS, type RecordKind } from "@rectify/server/sync";
import type { FormFailure } from "../supervision/typed-result.ts";

export interface TargetEditState {
  methods: RecordKind[];
  teamId: string;
  /** "YYYY-MM-DD" or "" (no own due day). */
  dueOn: string;
}

export type TargetField = "methods" | "teamId" | "dueOn";
export type TargetCheck = "needMethod" | "badTeam" | "badDue" | "dueOutside";

/** What the checks read of the campaign as it is now (a live re-read may have changed it under an open form). */
export interface TargetContext {
  teamIds: readonly string[];
  /** The campaign's period, "YYYY-MM-DD" (a Date's ISO form is cut to its day). */
  startsOn: string;
  endsOn: string;
}

export interface TargetPatch {
  methods?: RecordKind[];
  teamId?: string;
  dueOn?: string | null;
}

export function targetEditStateOf(t: {
  methods: readonly RecordKind[];
  team: { id: string };
  dueOn?: string | null;
}): TargetEditState {
  return { methods: [...t.methods], teamId: t.team.id, dueOn: t.dueOn ? t.dueOn.slice(0, 10) : "" };
}

/** A real calendar day written "YYYY-MM-DD" (what a date input gives, and what the server's Date takes). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function checkTarget(s: TargetEditState, c?: TargetContext): Partial<Record<TargetField, TargetCheck>> {
  const checks: Partial<Record<TargetField, TargetCheck>> = {};
  if (s.methods.length === 0) checks.methods = "needMethod";
  if (!s.teamId || (c && !c.teamIds.includes(s.teamId))) checks.teamId = "badTeam";
  const due = s.dueOn.trim();
  if (due !== "" && !isDay(due)) checks.dueOn = "badDue";
  else if (due !== "" && c && (due < c.startsOn.slice(0, 10) || due > c.endsOn.slice(0, 10)))
    checks.dueOn = "dueOutside";
  return checks;
}

const sameMethods = (a: readonly RecordKind[], b: readonly RecordKind[]) =>
  a.length === b.length && a.every((m) => b.includes(m));

/** Only what differs from `before` (a checked form); {} when nothing changed. Methods compare as a set. */
export function targetPatch(before: TargetEditState, after: TargetEditState): TargetPatch {
  const patch: TargetPatch = {};
  if (!sameMethods(before.methods, after.methods))
    patch.methods = RECORD_KINDS.filter((k) => after.methods.includes(k));
  if (after.teamId !== before.teamId) patch.teamId = after.teamId;
  const due = after.dueOn.trim();
  if (due !== before.dueOn.trim()) patch.dueOn = due === "" ? null : due;
  return patch;
}

const FIELD_OF: Record<string, TargetField> = { methods: "methods", teamId: "teamId", dueOn: "dueOn" };
const CHECK_OF: Record<TargetField, TargetCheck> = { methods: "needMethod", teamId: "badTeam", dueOn: "badDue" };

/** Which fields a typed refusal names, and whether the campaign was cancelled meanwhile. */
export function targetRefusalOf(f: FormFailure): {
  fields: Partial<Record<TargetField, TargetCheck>>;
  cancelled: boolean;
} {
  const fields: Partial<Record<TargetField, TargetCheck>> = {};
  let cancelled = false;
  for (const [path, message] of Object.entries(f.fields)) {
    const field = FIELD_OF[path];
    if (field) fields[field] = field === "dueOn" && message.includes("outside") ? "dueOutside" : CHECK_OF[field];
    else if (/^\d+$/.test(path)) fields.methods = "needMethod";
    else if ((path === "id" || path === "campaignId") && message.includes("cancelled")) cancelled = true;
  }
  return { fields, cancelled };
}
