// Correcting one target of a running campaign, inside its row: its methods (at least one), its team (a select of the
// campaign's teams, only when it has more than one) and its own due day (empty: the campaign's end; else within its
// period). Saved as one updateCampaignTarget with only what changed; own checks and the server's typed refusals mark
// the fields in Chinese, and a refusal changes nothing. The form is read once from the target when it opens: a live
// re-read underneath keeps what is typed, and is checked against (a team removed meanwhile, a changed period); a
// target removed meanwhile is said so, and nothing is saved.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { describedBy, FieldMessages, fieldId, TextField } from "../ui/field.tsx";
import { UPDATE_TARGET, type CampaignTargetRow } from "./campaign-documents.ts";
import { FormButtons } from "./form-buttons.tsx";
import { MethodsField } from "./methods-field.tsx";
import {
  checkTarget,
  targetEditStateOf,
  targetPatch,
  targetRefusalOf,
  type TargetCheck,
  type TargetEditState,
  type TargetField,
} from "./target-edit-model.ts";
import { shown, useEditForm } from "./use-edit-form.ts";

const messageKey = (check: TargetCheck) => (check === "needMethod" ? "cp.plan.needMethod" : keyOf("cp.target", check));

export function TargetEditor({
  target,
  teams,
  period,
  gone = false,
  label,
  onDone,
}: {
  target: CampaignTargetRow;
  teams: readonly { id: string; name: string }[];
  /** The campaign's period as read now ("YYYY-MM-DD…"): an own due day lies within it. */
  period: { startsOn: string; endsOn: string };
  /** The campaign as re-read no longer has this target (removed meanwhile). */
  gone?: boolean;
  label: string;
  onDone: (changed: boolean) => void;
}) {
  const t = useT();
  const form = useEditForm({ onDone, focus: null });
  const [before] = useState<TargetEditState>(() => targetEditStateOf(target));
  const [state, setState] = useState<TargetEditState>(before);
  const [checks, setChecks] = useState<Partial<Record<TargetField, TargetCheck>>>({});
  const context = { teamIds: teams.map((x) => x.id), ...period };
  // A changed field is no longer what was refused: its mark goes (the alert stays until the next save).
  const set = (patch: Partial<TargetEditState>) => {
    setState((f) => ({ ...f, ...patch }));
    setChecks((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !(k in patch))));
  };
  const from = period.startsOn.slice(0, 10);
  const to = period.endsOn.slice(0, 10);
  // The team chosen is gone from the campaign as re-read: said at once, not only when saving.
  const teamGone = !teams.some((x) => x.id === state.teamId);
  const check = (f: TargetField) => checks[f] ?? (f === "teamId" && teamGone ? "badTeam" : undefined);
  const err = (f: TargetField) => {
    const c = check(f);
    return c ? t(messageKey(c), { from, to }) : null;
  };
  const teamId = fieldId(`tgt-team-${target.id}`);

  async function save() {
    if (gone) return;
    const own = checkTarget(state, context);
    setChecks(own);
    await form.save(own, async () => {
      const patch = targetPatch(before, state);
      if (Object.keys(patch).length === 0) return "nothing";
      const r = await form.run(UPDATE_TARGET, { id: target.id, ...patch }, "updateCampaignTarget", ["CampaignTarget"]);
      if (r.ok) return { saved: t("cp.target.saved", { label }) };
      const refusal = targetRefusalOf(r.failure);
      setChecks(refusal.fields);
      return shown(r.failure, refusal.cancelled ? t("cp.edit.cancelledMeanwhile") : "");
    });
  }

  return (
    <form {...form.formProps(save)} className="target-options" aria-label={t("cp.target.editOf", { label })}>
      {gone ? (
        <p className="notice attention" role="alert">
          {t("cp.target.gone")}
        </p>
      ) : null}
      <MethodsField
        legend={t("cp.plan.methodsOf", { label })}
        methods={state.methods}
        onChange={(methods) => set({ methods })}
      />
      {err("methods") ? (
        <p className="field-error" role="alert">
          {err("methods")}
        </p>
      ) : null}
      {teams.length > 1 || teamGone ? (
        <div className={check("teamId") ? "field has-error" : "field"}>
          <label htmlFor={teamId}>{t("cp.plan.teamOf", { label })}</label>
          <select
            id={teamId}
            value={state.teamId}
            aria-invalid={check("teamId") ? true : undefined}
            aria-describedby={describedBy(teamId, false, check("teamId"))}
            onChange={(e) => set({ teamId: e.target.value })}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <FieldMessages id={teamId} error={err("teamId")} />
        </div>
      ) : null}
      <TextField
        name={`tgt-due-${target.id}`}
        type="date"
        label={t("cp.target.dueOf", { label })}
        hint={t("cp.target.dueHint")}
        value={state.dueOn}
        error={err("dueOn")}
        onChange={(dueOn) => set({ dueOn })}
      />
      <FormButtons
        failure={form.failure}
        save={t("cp.target.save")}
        busy={form.busy}
        disabled={gone}
        onDiscard={() => onDone(false)}
        small
      />
    </form>
  );
}
