// The kind-specific part of the form (site visit, ledger check, on-site questioning) and the common conclusion
// (findings, rating, follow-up). Labels come from the catalogue; errors arrive already translated.
import type { Rating } from "@rectify/server/sync";
import { RATINGS } from "@rectify/server/sync";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { TextField } from "../ui/field.tsx";
import type { FieldErrors, FieldKey } from "./form-errors.ts";
import type { FormState, Stroke } from "./form-model.ts";
import { QaEditor } from "./qa-editor.tsx";
import { SignaturePad } from "./signature-pad.tsx";

interface Props {
  form: FormState;
  errors: FieldErrors;
  message: (e: FieldErrors[FieldKey]) => string | null;
  update: (patch: (f: FormState) => FormState) => void;
  onSignature: (strokes: Stroke[]) => void;
  onSignatureClear: () => void;
}

export function KindFields({ form, errors, message, update, onSignature, onSignatureClear }: Props) {
  const t = useT();
  if (form.kind === "SITE_VISIT") {
    const site = (patch: Partial<FormState["site"]>) => update((f) => ({ ...f, site: { ...f.site, ...patch } }));
    return (
      <>
        <TextField
          name="place"
          label={t("site.place")}
          value={form.site.place}
          onChange={(place) => site({ place })}
          error={message(errors.place)}
          required
        />
        <TextField
          name="peopleMet"
          label={t("site.peopleMet")}
          value={form.site.peopleMet}
          onChange={(peopleMet) => site({ peopleMet })}
          error={message(errors.peopleMet)}
        />
        <TextField
          name="observations"
          label={t("site.observations")}
          value={form.site.observations}
          onChange={(observations) => site({ observations })}
          error={message(errors.observations)}
          multiline
          rows={4}
        />
      </>
    );
  }
  if (form.kind === "LEDGER_CHECK") {
    const ledger = (patch: Partial<FormState["ledger"]>) =>
      update((f) => ({ ...f, ledger: { ...f.ledger, ...patch } }));
    return (
      <>
        <TextField
          name="ledgers"
          label={t("ledger.ledgers")}
          value={form.ledger.ledgers}
          onChange={(ledgers) => ledger({ ledgers })}
          error={message(errors.ledgers)}
          required
          multiline
          rows={3}
        />
        <TextField
          name="observations"
          label={t("ledger.observations")}
          value={form.ledger.observations}
          onChange={(observations) => ledger({ observations })}
          error={message(errors.observations)}
          multiline
          rows={4}
        />
      </>
    );
  }
  const q = form.questioning;
  const setQ = (patch: Partial<FormState["questioning"]>) =>
    update((f) => ({ ...f, questioning: { ...f.questioning, ...patch } }));
  return (
    <>
      <fieldset className="field group">
        <legend>{t("q.interviewee")}</legend>
        <TextField
          name="intervieweeName"
          label={t("q.name")}
          value={q.name}
          onChange={(name) => setQ({ name })}
          error={message(errors.intervieweeName)}
          required
        />
        <TextField
          name="intervieweePost"
          label={t("q.post")}
          value={q.post}
          onChange={(post) => setQ({ post })}
          error={message(errors.intervieweePost)}
        />
        <TextField
          name="intervieweeUnit"
          label={t("q.unit")}
          value={q.unit}
          onChange={(unit) => setQ({ unit })}
          error={message(errors.intervieweeUnit)}
        />
      </fieldset>
      <QaEditor qa={q.qa} onChange={(qa) => setQ({ qa })} errors={errors} message={message} />
      <SignaturePad
        strokes={form.signature.strokes}
        savedPhotoId={form.signature.ref?.id ?? null}
        onChange={onSignature}
        onClear={onSignatureClear}
        error={message(errors.signature)}
      />
    </>
  );
}

export function ConclusionFields({ form, errors, message, update }: Omit<Props, "onSignature" | "onSignatureClear">) {
  const t = useT();
  return (
    <>
      <TextField
        name="findings"
        label={t("capture.findings")}
        value={form.findings}
        onChange={(findings) => update((f) => ({ ...f, findings }))}
        error={message(errors.findings)}
        multiline
        rows={4}
      />
      <fieldset className={errors.rating ? "field has-error" : "field"}>
        <legend>{t("capture.rating")}</legend>
        <div className="segmented vertical">
          {[null, ...RATINGS].map((r: Rating | null) => (
            <label
              key={r ?? "none"}
              className={form.rating === r ? `segment selected rating-${r ?? "none"}` : "segment"}
            >
              <input
                type="radio"
                name="rating"
                checked={form.rating === r}
                onChange={() => update((f) => ({ ...f, rating: r }))}
              />
              <span>{r ? t(keyOf("rating", r)) : t("capture.ratingNone")}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="check big" htmlFor="f-followUp">
        <input
          id="f-followUp"
          type="checkbox"
          checked={form.followUpRequired}
          onChange={(e) => {
            const followUpRequired = e.target.checked;
            update((f) => ({ ...f, followUpRequired }));
          }}
        />
        <span>{t("capture.followUp")}</span>
      </label>
      <label className="check big" htmlFor="f-lookBack">
        <input
          id="f-lookBack"
          type="checkbox"
          checked={!!form.lookBack}
          onChange={(e) => {
            const lookBack = e.target.checked;
            update((f) => ({ ...f, lookBack }));
          }}
        />
        <span>{t("capture.lookBack")}</span>
      </label>
    </>
  );
}
