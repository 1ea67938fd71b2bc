// 完成回头看: a supervisor records whether the rectification held or relapsed (反弹回潮 reopens the measure, RED on
// the dashboard), with a note and optionally the look-back inspection record (look-back records offered first).
import { useState } from "react";
import { checkReasonAndDate, COMPLETE_LOOK_BACK, orderRecords, type Checks } from "../closeout/closeout-model.ts";
import { ChoiceField, FormActions, Labelled, PanelForm, type FormCallbacks } from "../closeout/form-bits.tsx";
import { RecordField } from "../closeout/record-select.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import type { LookBackNode } from "./lookbacks-model.ts";

export function CompleteForm({ lb, title, onDone, onCancel }: FormCallbacks & { lb: LookBackNode; title: string }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const [relapsed, setRelapsed] = useState(false);
  const [note, setNote] = useState("");
  const [recordId, setRecordId] = useState("");
  const records = orderRecords(
    lb.measure.records.edges.map((e) => e.node),
    true,
  );

  async function submit() {
    // The note is checked like a reason, but the field (and the server's issue) is called `note`.
    const c = checkReasonAndDate({ reason: note, date: "", dateRequired: false }, "");
    const own: Checks = c.reason ? { note: c.reason } : {};
    const saved = await form.save(
      own,
      COMPLETE_LOOK_BACK,
      { id: lb.id, relapsed, note: note.trim(), recordId: recordId || null },
      "completeLookBack",
      ["LookBack"],
    );
    if (!saved) return;
    announce(relapsed ? t("lookback.relapsedDone") : t("lookback.heldDone"));
    onDone();
  }

  return (
    <PanelForm label={`${t("lookback.complete")} · ${title}`} onSubmit={submit}>
      <ChoiceField
        name={`outcome-${lb.id}`}
        legend={t("lookback.result")}
        value={relapsed}
        onChange={setRelapsed}
        options={[
          [false, t("lookback.held")],
          [true, t("lookback.relapsed")],
        ]}
        vertical
      />
      <Labelled name={`lbnote-${lb.id}`} label={t("lookback.note")} error={form.errorFor("note")}>
        {(common) => (
          <textarea {...common} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <RecordField
        name={`lbrecord-${lb.id}`}
        label={t("lookback.record")}
        hint={t("lookback.recordHint")}
        error={form.errorFor("recordId")}
        records={records}
        before={null}
        value={recordId}
        onChange={setRecordId}
      />
      <FormAlert failure={form.failure} />
      <FormActions
        submit={t("lookback.submit")}
        submitClass={relapsed ? "danger" : "primary"}
        busy={form.busy}
        onCancel={onCancel}
      />
    </PanelForm>
  );
}
