// 申请销号: the unit (or a supervisor) asks for close-out with its evidence and a reason. The evidence gets a
// client-made UUID, so a retried submission is stored once; errors show next to the form.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { checkRequest, REQUEST_CLOSEOUT } from "./closeout-model.ts";
import { FormActions, Labelled, PanelForm, type FormCallbacks } from "./form-bits.tsx";
import { useMutationForm } from "./use-mutation-form.ts";
import { EvidencePicker } from "../progress/evidence-picker.tsx";

export function RequestForm(props: FormCallbacks & { measureId: string; measureTitle: string }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const [evidence, setEvidence] = useState("");
  const [reason, setReason] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  // One id per filled-in request: a resend after a lost answer is recognised by the server.
  const [evidenceId, setEvidenceId] = useState(newUuid);
  const key = props.measureId;

  async function submit() {
    const saved = await form.save(
      checkRequest({ evidence, reason }),
      REQUEST_CLOSEOUT,
      {
        measureId: props.measureId,
        evidenceId,
        evidence: evidence.trim(),
        reason: reason.trim(),
        evidenceFileIds: picked,
      },
      "requestCloseout",
      ["Measure"],
    );
    if (!saved) return;
    setEvidenceId(newUuid());
    announce(t("closeout.requested"));
    props.onDone();
  }

  return (
    <PanelForm label={`${t("closeout.request")} · ${props.measureTitle}`} onSubmit={submit}>
      <Labelled
        name={`evidence-${key}`}
        label={t("closeout.evidence")}
        hint={t("closeout.evidenceHint")}
        error={form.errorFor("evidence")}
      >
        {(common) => (
          <textarea
            {...common}
            rows={4}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            maxLength={20000}
          />
        )}
      </Labelled>
      <EvidencePicker measureId={props.measureId} picked={picked} onChange={setPicked} />
      <Labelled name={`reason-${key}`} label={t("closeout.requestReason")} error={form.errorFor("reason")}>
        {(common) => (
          <input {...common} type="text" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <FormAlert failure={form.failure} />
      <FormActions submit={t("closeout.submitRequest")} busy={form.busy} onCancel={props.onCancel} />
    </PanelForm>
  );
}
