// 核查销号: a supervisor approves (closes out) or rejects a requested close-out with a reason, optionally naming the
// field inspection record that verified it and a look-back day. Required records and dates are the server's call
// too; its answer shows next to the form.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { addDays, shanghaiDay } from "../lib/shanghai.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import {
  checkReasonAndDate,
  latestRequestAt,
  orderRecords,
  VERIFY_CLOSEOUT,
  type MeasureSupervision,
} from "./closeout-model.ts";
import { ChoiceField, DateField, FormActions, Labelled, PanelForm, type FormCallbacks } from "./form-bits.tsx";
import { RecordField } from "./record-select.tsx";
import { useMutationForm } from "./use-mutation-form.ts";

export function VerifyForm(props: FormCallbacks & { measure: MeasureSupervision; measureTitle: string }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const m = props.measure;
  const [approve, setApprove] = useState(true);
  const [reason, setReason] = useState("");
  const [recordId, setRecordId] = useState("");
  const [date, setDate] = useState("");
  const records = orderRecords(m.records?.edges.map((e) => e.node) ?? [], false);
  const requestedAt = latestRequestAt(m.statusHistory);
  const today = shanghaiDay(new Date());
  const key = m.id;

  async function submit() {
    const saved = await form.save(
      checkReasonAndDate({ reason, date: approve ? date : "", dateRequired: false }, today),
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
    if (!saved) return;
    announce(approve ? t("closeout.closed") : t("closeout.rejected"));
    props.onDone();
  }

  return (
    <PanelForm label={`${t("closeout.verify")} · ${props.measureTitle}`} onSubmit={submit}>
      {m.inspectionRequired ? <p className="notice">{t("closeout.inspectionNeeded")}</p> : null}
      <ChoiceField
        name={`decision-${key}`}
        legend={t("closeout.decision")}
        value={approve}
        onChange={setApprove}
        options={[
          [true, t("closeout.approve")],
          [false, t("closeout.reject")],
        ]}
      />
      <Labelled name={`vreason-${key}`} label={t("closeout.verifyReason")} error={form.errorFor("reason")}>
        {(common) => (
          <textarea {...common} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <RecordField
        name={`vrecord-${key}`}
        label={t("closeout.record")}
        hint={t("closeout.recordHint")}
        error={form.errorFor("recordId")}
        records={records}
        before={requestedAt}
        value={recordId}
        onChange={setRecordId}
      />
      {approve ? (
        <DateField
          name={`vdate-${key}`}
          label={t("closeout.lookBackDate")}
          hint={t("closeout.lookBackDateHint")}
          error={form.errorFor("date", "lookBackDate")}
          value={date}
          min={addDays(today, 1)}
          onChange={setDate}
        />
      ) : null}
      <FormAlert failure={form.failure} />
      <FormActions submit={t("closeout.submitVerify")} busy={form.busy} onCancel={props.onCancel} />
    </PanelForm>
  );
}
