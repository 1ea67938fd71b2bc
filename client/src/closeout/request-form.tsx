// 申请销号: the unit (or a supervisor) asks for close-out with its evidence and a reason. The evidence gets a
// client-made UUID, so a retried submission is stored once; errors show next to the form.
import { useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { checkRequest, REQUEST_CLOSEOUT, type Checks, type MeasurePayload } from "./closeout-model.ts";
import { Labelled, useFieldError } from "./form-bits.tsx";

export function RequestForm(props: {
  measureId: string;
  measureTitle: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const fieldError = useFieldError();
  const [evidence, setEvidence] = useState("");
  const [reason, setReason] = useState("");
  // One id per filled-in request: a resend after a lost answer is recognised by the server.
  const [evidenceId, setEvidenceId] = useState(newUuid);
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const key = props.measureId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = checkRequest({ evidence, reason });
    setChecks(c);
    setFailure(checkFailure(c));
    if (Object.keys(c).length) return;
    setBusy(true);
    const r = await run<MeasurePayload>(
      REQUEST_CLOSEOUT,
      { measureId: props.measureId, evidenceId, evidence: evidence.trim(), reason: reason.trim() },
      "requestCloseout",
      ["Measure"],
    );
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    setEvidenceId(newUuid());
    announce(t("closeout.requested"));
    props.onDone();
  }

  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${t("closeout.request")} · ${props.measureTitle}`}
    >
      <Labelled
        name={`evidence-${key}`}
        label={t("closeout.evidence")}
        hint={t("closeout.evidenceHint")}
        error={fieldError(checks, failure?.fields, "evidence")}
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
      <Labelled
        name={`reason-${key}`}
        label={t("closeout.requestReason")}
        error={fieldError(checks, failure?.fields, "reason")}
      >
        {(common) => (
          <input {...common} type="text" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        )}
      </Labelled>
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("closeout.submitRequest")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
