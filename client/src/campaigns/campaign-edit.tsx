// Correcting a campaign on its screen (supervisors, while it is not cancelled): 编辑 opens a form prefilled with its
// name, offices, period and due days, saved as a patch of what changed; 修改督查组 renames and re-staffs its teams
// (teams-edit.tsx); 添加督查组 and 添加核查对象 grow it (team-add.tsx, targets-add.tsx); 取消专项督查 asks for a
// reason and a confirmation. Own checks and the server's typed refusals mark the fields in Chinese; a refusal
// changes nothing.
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { TextField } from "../ui/field.tsx";
import { CANCEL_CAMPAIGN, UPDATE_CAMPAIGN, type CampaignDetail } from "./campaign-documents.ts";
import {
  checkEdit,
  checkReason,
  editStateOf,
  outsideOf,
  refusalOf,
  toPatch,
  type EditCheck,
  type EditField,
} from "./edit-model.ts";
import { FormButtons } from "./form-buttons.tsx";
import type { PlanFacts } from "./plan-model.ts";
import { AddTargetsForm } from "./targets-add.tsx";
import { AddTeamForm } from "./team-add.tsx";
import { TeamsForm } from "./teams-edit.tsx";
import { shown, useEditForm } from "./use-edit-form.ts";

type Mode = "view" | "edit" | "teams" | "addTeam" | "addTargets" | "cancel";

const messageKey = (check: EditCheck) =>
  check === "badOffices" || check === "targetsOutside" ? keyOf("cp.edit", check) : keyOf("cp.plan", check);

/** A typed refusal as the form shows it: fields marked in Chinese, the alert without the server's English. */
const localized = (f: FormFailure, cancelledText: string) => shown(f, refusalOf(f).cancelled ? cancelledText : "");

/** Keyboard and screen-reader users land in the form that just opened (its first field). */
function useFocusFirstField() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>("input, textarea")?.focus(), []);
  return ref;
}

function EditForm({ c, onDone }: { c: CampaignDetail; onDone: (saved: boolean) => void }) {
  const t = useT();
  const edit = useEditForm({ onDone, focus: "input, textarea" });
  const [before] = useState<PlanFacts>(() => editStateOf(c));
  const [form, setForm] = useState<PlanFacts>(before);
  const [checks, setChecks] = useState<Partial<Record<EditField, EditCheck>>>({});
  // Targets whose own due day the period typed would leave outside (the form's check or the server's count).
  const [outside, setOutside] = useState(0);
  const set = (patch: Partial<PlanFacts>) => setForm((f) => ({ ...f, ...patch }));
  const err = (f: EditField) => (checks[f] ? t(messageKey(checks[f]), { count: outside }) : null);

  async function save() {
    // A moved period must hold the targets' own due days, as read now (a live re-read may have re-planned some since
    // the form opened); an unmoved one is not checked (as the server does).
    const moved = form.startsOn !== before.startsOn || form.endsOn !== before.endsOn;
    const dueOns = moved ? c.targets.map((x) => x.dueOn ?? null) : [];
    const own = checkEdit(form, dueOns);
    setChecks(own);
    setOutside(outsideOf(form, dueOns));
    await edit.save(own, async () => {
      const input = toPatch(before, form);
      if (Object.keys(input).length === 0) return "nothing";
      const r = await edit.run(UPDATE_CAMPAIGN, { id: c.id, input }, "updateCampaign", ["Campaign"]);
      if (r.ok) return { saved: t("cp.edit.saved", { name: r.value.name }) };
      const refusal = refusalOf(r.failure);
      setChecks(refusal.fields);
      setOutside(refusal.outside);
      return localized(r.failure, t("cp.edit.cancelledMeanwhile"));
    });
  }

  return (
    <form {...edit.formProps(save)} className="panel" aria-labelledby="cpe-title">
      <h2 id="cpe-title">{t("cp.edit.title")}</h2>
      <TextField
        name="cpe-name"
        label={t("cp.plan.name")}
        value={form.name}
        maxLength={200}
        error={err("name")}
        onChange={(name) => set({ name })}
      />
      <TextField
        name="cpe-offices"
        label={t("cp.plan.offices")}
        hint={t("cp.plan.officesHint")}
        value={form.offices}
        maxLength={500}
        error={err("offices")}
        onChange={(offices) => set({ offices })}
      />
      <div className="meta-grid">
        <TextField
          name="cpe-starts"
          type="date"
          label={t("cp.plan.startsOn")}
          value={form.startsOn}
          error={err("period")}
          onChange={(startsOn) => set({ startsOn })}
        />
        <TextField
          name="cpe-ends"
          type="date"
          label={t("cp.plan.endsOn")}
          value={form.endsOn}
          onChange={(endsOn) => set({ endsOn })}
        />
      </div>
      <TextField
        name="cpe-due"
        inputMode="numeric"
        label={t("cp.plan.dueDays")}
        hint={t("cp.plan.dueDaysHint")}
        value={form.dueDays}
        error={err("dueDays")}
        onChange={(dueDays) => set({ dueDays })}
      />
      <FormButtons failure={edit.failure} save={t("cp.edit.save")} busy={edit.busy} onDiscard={() => onDone(false)} />
    </form>
  );
}

function CancelForm({ c, onDone }: { c: CampaignDetail; onDone: (cancelled: boolean) => void }) {
  const t = useT();
  const ref = useFocusFirstField();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [reason, setReason] = useState("");
  const [check, setCheck] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function cancel() {
    const own = checkReason(reason);
    setCheck(own ? t("cp.cancel.needReason") : null);
    if (own) return setFailure({ kind: "ValidationError", message: "", fields: { reason: own } });
    if (!window.confirm(t("cp.cancel.confirm", { name: c.name }))) return;
    setBusy(true);
    const r = await run(CANCEL_CAMPAIGN, { id: c.id, reason: reason.trim() }, "cancelCampaign", ["Campaign"]);
    setBusy(false);
    if (!r.ok) {
      if (r.failure.fields.reason) setCheck(t("cp.cancel.needReason"));
      return setFailure(localized(r.failure, t("cp.edit.cancelledMeanwhile")));
    }
    announce(t("cp.cancel.done", { name: c.name }));
    onDone(true);
  }

  return (
    <form
      ref={ref}
      className="panel"
      aria-labelledby="cpc-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void cancel();
      }}
    >
      <h2 id="cpc-title">{t("cp.cancel.open")}</h2>
      <TextField
        name="cpc-reason"
        multiline
        required
        label={t("cp.cancel.reason")}
        hint={t("cp.cancel.reasonHint")}
        value={reason}
        maxLength={2000}
        error={check}
        onChange={setReason}
      />
      <FormAlert failure={failure} />
      <button type="submit" className="danger block" disabled={busy}>
        {t("cp.cancel.submit")}
      </button>
      <button type="button" className="secondary block" onClick={() => onDone(false)}>
        {t("cp.cancel.back")}
      </button>
    </form>
  );
}

/** The editing controls of a campaign not cancelled; `onChanged` re-reads the campaign after a change. */
export function CampaignEdit({ c, onChanged }: { c: CampaignDetail; onChanged: () => void }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>("view");
  // A closed form hands the focus back to the button that opened it (keyboard users stay where they were).
  const [last, setLast] = useState<Mode>("view");
  const buttons = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mode === "view" && last !== "view")
      buttons.current?.querySelector<HTMLElement>(`[data-mode="${last}"]`)?.focus();
  }, [mode, last]);
  const open = (next: Mode) => {
    setLast(next);
    setMode(next);
  };
  const done = (changed: boolean) => {
    setMode("view");
    if (changed) onChanged();
  };
  if (mode === "edit") return <EditForm c={c} onDone={done} />;
  if (mode === "teams") return <TeamsForm c={c} onDone={done} />;
  if (mode === "addTeam") return <AddTeamForm c={c} onDone={done} />;
  if (mode === "addTargets") return <AddTargetsForm c={c} onDone={done} />;
  if (mode === "cancel") return <CancelForm c={c} onDone={done} />;
  return (
    <div className="actions" ref={buttons}>
      <button type="button" className="secondary" data-mode="edit" onClick={() => open("edit")}>
        {t("cp.edit.open")}
      </button>
      <button type="button" className="secondary" data-mode="teams" onClick={() => open("teams")}>
        {t("cp.team.edit")}
      </button>
      <button type="button" className="secondary" data-mode="addTeam" onClick={() => open("addTeam")}>
        {t("cp.team.add")}
      </button>
      <button type="button" className="secondary" data-mode="addTargets" onClick={() => open("addTargets")}>
        {t("cp.targets.add")}
      </button>
      <button type="button" className="secondary" data-mode="cancel" onClick={() => open("cancel")}>
        {t("cp.cancel.open")}
      </button>
    </div>
  );
}
