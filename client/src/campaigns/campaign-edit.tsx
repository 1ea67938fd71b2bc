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
  refusalOf,
  toPatch,
  type EditCheck,
  type EditField,
} from "./edit-model.ts";
import type { PlanFacts } from "./plan-model.ts";
import { AddTargetsForm } from "./targets-add.tsx";
import { AddTeamForm } from "./team-add.tsx";
import { TeamsForm } from "./teams-edit.tsx";

type Mode = "view" | "edit" | "teams" | "addTeam" | "addTargets" | "cancel";

const messageKey = (check: EditCheck) => (check === "badOffices" ? "cp.edit.badOffices" : keyOf("cp.plan", check));

/** A typed refusal as the form shows it: fields marked in Chinese, the alert without the server's English. */
function localized(f: FormFailure, cancelledText: string): FormFailure {
  const typed = f.kind === "ValidationError" || f.kind === "NotFoundError";
  if (!typed) return f;
  return { ...f, message: refusalOf(f).cancelled ? cancelledText : "" };
}

/** Keyboard and screen-reader users land in the form that just opened (its first field). */
function useFocusFirstField() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>("input, textarea")?.focus(), []);
  return ref;
}

function EditForm({ c, onDone }: { c: CampaignDetail; onDone: (saved: boolean) => void }) {
  const t = useT();
  const ref = useFocusFirstField();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [before] = useState<PlanFacts>(() => editStateOf(c));
  const [form, setForm] = useState<PlanFacts>(before);
  const [checks, setChecks] = useState<Partial<Record<EditField, EditCheck>>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PlanFacts>) => setForm((f) => ({ ...f, ...patch }));
  const err = (f: EditField) => (checks[f] ? t(messageKey(checks[f])) : null);

  async function save() {
    const own = checkEdit(form);
    setChecks(own);
    if (Object.keys(own).length) {
      return setFailure({ kind: "ValidationError", message: "", fields: { ...own } });
    }
    const input = toPatch(before, form);
    if (Object.keys(input).length === 0) {
      announce(t("cp.edit.nothing"));
      return onDone(false);
    }
    setBusy(true);
    const r = await run(UPDATE_CAMPAIGN, { id: c.id, input }, "updateCampaign", ["Campaign"]);
    setBusy(false);
    if (!r.ok) {
      setChecks(refusalOf(r.failure).fields);
      return setFailure(localized(r.failure, t("cp.edit.cancelledMeanwhile")));
    }
    announce(t("cp.edit.saved", { name: r.value.name }));
    onDone(true);
  }

  return (
    <form
      ref={ref}
      className="panel"
      aria-labelledby="cpe-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
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
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy}>
        {t("cp.edit.save")}
      </button>
      <button type="button" className="secondary block" onClick={() => onDone(false)}>
        {t("cp.edit.discard")}
      </button>
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
