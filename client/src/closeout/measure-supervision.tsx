// The supervision part of a measure on the problem screen (online): whether a field inspection is needed before
// close-out (supervisors toggle it), the status history, look-backs, and by role and status the actions
// 申请销号 (request), 核查销号 (verify) and 安排回头看 (schedule a look-back).
import { useEffect, useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { addDays, shanghaiDay } from "../lib/shanghai.ts";
import type { Role } from "../supervision/menu.ts";
import { FormAlert } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { fieldId } from "../ui/field.tsx";
import {
  actionsFor,
  checkReasonAndDate,
  SCHEDULE_LOOK_BACK,
  SET_INSPECTION_REQUIRED,
  type MeasureSupervision as Sv,
} from "./closeout-model.ts";
import { DateField, PanelForm } from "./form-bits.tsx";
import { RequestForm } from "./request-form.tsx";
import { StatusHistory } from "./status-history.tsx";
import { useMutationForm } from "./use-mutation-form.ts";
import { VerifyForm } from "./verify-form.tsx";

function InspectionToggle({ m, title, onDone }: { m: Sv; title: string; onDone: () => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // Shown at once while saving; the server's value takes over when it changes (or the save fails).
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  useEffect(() => {
    setOptimistic(null);
  }, [m.inspectionRequired]);
  const id = fieldId(`inspect-${m.id}`);
  async function toggle(required: boolean) {
    setOptimistic(required);
    setBusy(true);
    const r = await run(SET_INSPECTION_REQUIRED, { measureId: m.id, required }, "setInspectionRequired", ["Measure"]);
    setBusy(false);
    if (!r.ok) {
      setOptimistic(null);
      return setFailure(r.failure);
    }
    setFailure(null);
    announce(required ? t("closeout.inspectionOn") : t("closeout.inspectionOff"));
    onDone();
  }
  return (
    <div>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={optimistic ?? m.inspectionRequired}
          aria-busy={busy || undefined}
          onChange={(e) => !busy && void toggle(e.target.checked)}
        />
        <span>
          {t("closeout.inspectionRequired")}
          <span className="visually-hidden"> · {title}</span>
        </span>
      </label>
      <FormAlert failure={failure} />
    </div>
  );
}

function ScheduleLookBack({ m, title, onDone }: { m: Sv; title: string; onDone: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const today = shanghaiDay(new Date());
  const [date, setDate] = useState(addDays(today, 90));
  async function submit() {
    const saved = await form.save(
      checkReasonAndDate({ reason: "--", date, dateRequired: true }, today),
      SCHEDULE_LOOK_BACK,
      { measureId: m.id, dueDate: date },
      "scheduleLookBack",
      ["LookBack"],
    );
    if (!saved) return;
    announce(t("lookback.scheduled", { date }));
    onDone();
  }
  return (
    <PanelForm label={`${t("lookback.schedule")} · ${title}`} onSubmit={submit}>
      <DateField
        name={`lbdate-${m.id}`}
        label={t("lookback.dueDate")}
        error={form.errorFor("date", "dueDate")}
        value={date}
        min={addDays(today, 1)}
        onChange={setDate}
      />
      <FormAlert failure={form.failure} />
      <button type="submit" className="secondary">
        {t("lookback.schedule")}
        <span className="visually-hidden"> · {title}</span>
      </button>
    </PanelForm>
  );
}

export function MeasureSupervision(props: { m: Sv; title: string; role: Role; onChanged: () => void }) {
  const t = useT();
  const { m, title, role } = props;
  const [open, setOpen] = useState<"request" | "verify" | null>(null);
  const actions = actionsFor(role, m.status);
  const done = () => {
    setOpen(null);
    props.onChanged();
  };
  const formId = fieldId(`sv-form-${m.id}`);
  // Request and verify share one slot below, so opening one closes the other.
  const opener = (form: "request" | "verify") => (
    <button
      type="button"
      className={open === form ? "secondary" : "primary"}
      aria-expanded={open === form}
      aria-controls={formId}
      onClick={() => setOpen(open === form ? null : form)}
    >
      {t(form === "request" ? "closeout.request" : "closeout.verify")}
      <span className="visually-hidden"> · {title}</span>
    </button>
  );
  return (
    <div className="sv-panel">
      {actions.toggleInspection ? (
        <InspectionToggle m={m} title={title} onDone={props.onChanged} />
      ) : m.inspectionRequired ? (
        <p className="chip">{t("closeout.inspectionRequired")}</p>
      ) : null}
      {m.statusHistory.length > 0 ? <StatusHistory history={m.statusHistory} label={title} /> : null}
      {m.lookBacks && m.lookBacks.length > 0 ? (
        <ul className="lookback-mini">
          {m.lookBacks.map((lb) => (
            <li key={lb.id}>
              {t("lookback.item", { date: lb.dueDate, outcome: t(keyOf("lookback.outcome", lb.outcome)) })}
              {lb.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {actions.request || actions.verify ? (
        <p className="item-actions">
          {actions.request ? opener("request") : null}
          {actions.verify ? opener("verify") : null}
        </p>
      ) : null}
      <div id={formId}>
        {open === "request" && actions.request ? (
          <RequestForm measureId={m.id} measureTitle={title} onDone={done} onCancel={() => setOpen(null)} />
        ) : null}
        {open === "verify" && actions.verify ? (
          <VerifyForm measure={m} measureTitle={title} onDone={done} onCancel={() => setOpen(null)} />
        ) : null}
      </div>
      {actions.scheduleLookBack ? <ScheduleLookBack m={m} title={title} onDone={props.onChanged} /> : null}
    </div>
  );
}
