// Correcting one target of a running campaign, inside its row: its methods (at least one), its team (a select of the
// campaign's teams, only when it has more than one) and its own due day (empty: the campaign's end). Saved as one
// updateCampaignTarget with only what changed; own checks and the server's typed refusals mark the fields in
// Chinese, and a refusal changes nothing.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { describedBy, FieldMessages, fieldId, TextField } from "../ui/field.tsx";
import { UPDATE_TARGET, type CampaignTargetRow } from "./campaign-documents.ts";
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

const messageKey = (check: TargetCheck) => (check === "needMethod" ? "cp.plan.needMethod" : keyOf("cp.target", check));

export function TargetEditor({
  target,
  teams,
  label,
  onDone,
}: {
  target: CampaignTargetRow;
  teams: readonly { id: string; name: string }[];
  label: string;
  onDone: (changed: boolean) => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [before] = useState<TargetEditState>(() => targetEditStateOf(target));
  const [form, setForm] = useState<TargetEditState>(before);
  const [checks, setChecks] = useState<Partial<Record<TargetField, TargetCheck>>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // A changed field is no longer what was refused: its mark goes (the alert stays until the next save).
  const set = (patch: Partial<TargetEditState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setChecks((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !(k in patch))));
  };
  const err = (f: TargetField) => (checks[f] ? t(messageKey(checks[f])) : null);
  const teamId = fieldId(`tgt-team-${target.id}`);

  async function save() {
    const own = checkTarget(form);
    setChecks(own);
    if (Object.keys(own).length) return setFailure({ kind: "ValidationError", message: "", fields: { ...own } });
    const patch = targetPatch(before, form);
    if (Object.keys(patch).length === 0) {
      announce(t("cp.edit.nothing"));
      return onDone(false);
    }
    setBusy(true);
    const r = await run(UPDATE_TARGET, { id: target.id, ...patch }, "updateCampaignTarget", ["CampaignTarget"]);
    setBusy(false);
    if (!r.ok) {
      const refusal = targetRefusalOf(r.failure);
      setChecks(refusal.fields);
      const typed = r.failure.kind === "ValidationError" || r.failure.kind === "NotFoundError";
      const message = refusal.cancelled ? t("cp.edit.cancelledMeanwhile") : "";
      return setFailure(typed ? { ...r.failure, message } : r.failure);
    }
    announce(t("cp.target.saved", { label }));
    onDone(true);
  }

  return (
    <form
      className="target-options"
      aria-label={t("cp.target.editOf", { label })}
      aria-busy={busy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <MethodsField
        legend={t("cp.plan.methodsOf", { label })}
        methods={form.methods}
        onChange={(methods) => set({ methods })}
      />
      {err("methods") ? (
        <p className="field-error" role="alert">
          {err("methods")}
        </p>
      ) : null}
      {teams.length > 1 ? (
        <div className={checks.teamId ? "field has-error" : "field"}>
          <label htmlFor={teamId}>{t("cp.plan.teamOf", { label })}</label>
          <select
            id={teamId}
            value={form.teamId}
            aria-invalid={checks.teamId ? true : undefined}
            aria-describedby={describedBy(teamId, false, checks.teamId)}
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
        value={form.dueOn}
        error={err("dueOn")}
        onChange={(dueOn) => set({ dueOn })}
      />
      <FormAlert failure={failure} />
      <div className="card-actions">
        <button type="submit" className="primary small" disabled={busy}>
          {t("cp.target.save")}
        </button>
        <button type="button" className="secondary small" onClick={() => onDone(false)}>
          {t("cp.edit.discard")}
        </button>
      </div>
    </form>
  );
}
