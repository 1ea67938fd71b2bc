// 完成回头看: a supervisor records whether the rectification held or relapsed (反弹回潮 reopens the measure, RED on
// the dashboard), with a note and optionally the look-back inspection record (look-back records offered first).
import { useState, type FormEvent } from "react";
import { checkReasonAndDate, COMPLETE_LOOK_BACK, orderRecords, type Checks } from "../closeout/closeout-model.ts";
import { Labelled, useFieldError } from "../closeout/form-bits.tsx";
import { RecordOptions } from "../closeout/record-select.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure, type TypedPayload } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import type { LookBackNode } from "./lookbacks-model.ts";

export function CompleteForm({
  lb,
  title,
  onDone,
  onCancel,
}: {
  lb: LookBackNode;
  title: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const fieldError = useFieldError();
  const [relapsed, setRelapsed] = useState(false);
  const [note, setNote] = useState("");
  const [recordId, setRecordId] = useState("");
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const records = orderRecords(
    lb.measure.records.edges.map((e) => e.node),
    true,
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = checkReasonAndDate({ reason: note, date: "", dateRequired: false }, "");
    const own: Checks = c.reason ? { note: c.reason } : {};
    setChecks(own);
    setFailure(checkFailure(own));
    if (c.reason) return;
    setBusy(true);
    const r = await run<TypedPayload>(
      COMPLETE_LOOK_BACK,
      { id: lb.id, relapsed, note: note.trim(), recordId: recordId || null },
      "completeLookBack",
      ["LookBack"],
    );
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(relapsed ? t("lookback.relapsedDone") : t("lookback.heldDone"));
    onDone();
  }

  const radio = (value: boolean, label: string) => (
    <label className={relapsed === value ? "segment selected" : "segment"}>
      <input type="radio" name={`outcome-${lb.id}`} checked={relapsed === value} onChange={() => setRelapsed(value)} />
      <span>{label}</span>
    </label>
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${t("lookback.complete")} · ${title}`}
    >
      <fieldset className="field">
        <legend>{t("lookback.result")}</legend>
        <div className="segmented vertical">
          {radio(false, t("lookback.held"))}
          {radio(true, t("lookback.relapsed"))}
        </div>
      </fieldset>
      <Labelled name={`lbnote-${lb.id}`} label={t("lookback.note")} error={fieldError(checks, failure?.fields, "note")}>
        {(common) => (
          <textarea {...common} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <Labelled
        name={`lbrecord-${lb.id}`}
        label={t("lookback.record")}
        hint={records.length ? t("lookback.recordHint") : t("closeout.noRecords")}
        error={fieldError(checks, failure?.fields, "recordId")}
      >
        {(common) => (
          <select {...common} value={recordId} onChange={(e) => setRecordId(e.target.value)}>
            <RecordOptions records={records} before={null} />
          </select>
        )}
      </Labelled>
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className={relapsed ? "danger" : "primary"} disabled={busy}>
          {t("lookback.submit")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
