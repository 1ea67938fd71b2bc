// 核查销号: a supervisor approves (closes out) or rejects a requested close-out with a reason, optionally naming the
// field inspection record that verified it and a look-back day. Required records and dates are the server's call
// too; its answer shows next to the form.
import { useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { addDays, shanghaiDay } from "../lib/shanghai.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import {
  checkReasonAndDate,
  latestRequestAt,
  orderRecords,
  VERIFY_CLOSEOUT,
  type Checks,
  type MeasurePayload,
  type MeasureSupervision,
} from "./closeout-model.ts";
import { Labelled, useFieldError } from "./form-bits.tsx";
import { RecordOptions } from "./record-select.tsx";

export function VerifyForm(props: {
  measure: MeasureSupervision;
  measureTitle: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const fieldError = useFieldError();
  const m = props.measure;
  const [approve, setApprove] = useState(true);
  const [reason, setReason] = useState("");
  const [recordId, setRecordId] = useState("");
  const [date, setDate] = useState("");
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const records = orderRecords(m.records?.edges.map((e) => e.node) ?? [], false);
  const requestedAt = latestRequestAt(m.statusHistory);
  const today = shanghaiDay(new Date());
  const key = m.id;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = checkReasonAndDate({ reason, date: approve ? date : "", dateRequired: false }, today);
    setChecks(c);
    setFailure(checkFailure(c));
    if (Object.keys(c).length) return;
    setBusy(true);
    const r = await run<MeasurePayload>(
      VERIFY_CLOSEOUT,
      {
        measureId: m.id,
        approve,
        reason: reason.trim(),
        recordId: recordId || null,
        lookBackDate: approve && date ? date : null,
      },
      "verifyCloseout",
      ["Measure"],
    );
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(approve ? t("closeout.closed") : t("closeout.rejected"));
    props.onDone();
  }

  const radio = (value: boolean, label: string) => (
    <label className={approve === value ? "segment selected" : "segment"}>
      <input type="radio" name={`decision-${key}`} checked={approve === value} onChange={() => setApprove(value)} />
      <span>{label}</span>
    </label>
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${t("closeout.verify")} · ${props.measureTitle}`}
    >
      {m.inspectionRequired ? <p className="notice">{t("closeout.inspectionNeeded")}</p> : null}
      <fieldset className="field">
        <legend>{t("closeout.decision")}</legend>
        <div className="segmented">
          {radio(true, t("closeout.approve"))}
          {radio(false, t("closeout.reject"))}
        </div>
      </fieldset>
      <Labelled
        name={`vreason-${key}`}
        label={t("closeout.verifyReason")}
        error={fieldError(checks, failure?.fields, "reason")}
      >
        {(common) => (
          <textarea {...common} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <Labelled
        name={`vrecord-${key}`}
        label={t("closeout.record")}
        hint={records.length ? t("closeout.recordHint") : t("closeout.noRecords")}
        error={fieldError(checks, failure?.fields, "recordId")}
      >
        {(common) => (
          <select {...common} value={recordId} onChange={(e) => setRecordId(e.target.value)}>
            <RecordOptions records={records} before={requestedAt} />
          </select>
        )}
      </Labelled>
      {approve ? (
        <Labelled
          name={`vdate-${key}`}
          label={t("closeout.lookBackDate")}
          hint={t("closeout.lookBackDateHint")}
          error={fieldError(checks, failure?.fields, "date", "lookBackDate")}
        >
          {(common) => (
            <input
              {...common}
              type="date"
              value={date}
              min={addDays(today, 1)}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Labelled>
      ) : null}
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("closeout.submitVerify")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
