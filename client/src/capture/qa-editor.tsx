// Questions and answers of an on-site questioning: pairs can be added and removed; each pair is a numbered group
// whose fields carry their own labels ("问 1", "答 1") and errors.
import { useT } from "../i18n/i18n-context.tsx";
import { TextField } from "../ui/field.tsx";
import type { FieldErrors } from "./form-errors.ts";
import type { QaPair } from "./form-model.ts";

interface Props {
  qa: QaPair[];
  onChange: (qa: QaPair[]) => void;
  errors: FieldErrors;
  message: (e: FieldErrors[keyof FieldErrors]) => string | null;
}

export function QaEditor({ qa, onChange, errors, message }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<QaPair>) => onChange(qa.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const groupError = message(errors.qa);
  return (
    <fieldset className={groupError ? "field qa has-error" : "field qa"} id="f-qa" tabIndex={-1}>
      <legend>{t("q.qa")}</legend>
      {groupError ? <p className="field-error">{groupError}</p> : null}
      <ol className="qa-list">
        {qa.map((p, i) => (
          <li key={i} className="qa-pair">
            <TextField
              name={`qa.${i}.question`}
              label={t("q.question", { n: i + 1 })}
              value={p.question}
              onChange={(question) => set(i, { question })}
              error={message(errors[`qa.${i}.question`])}
              multiline
              rows={2}
            />
            <TextField
              name={`qa.${i}.answer`}
              label={t("q.answer", { n: i + 1 })}
              value={p.answer}
              onChange={(answer) => set(i, { answer })}
              error={message(errors[`qa.${i}.answer`])}
              multiline
              rows={3}
            />
            {qa.length > 1 ? (
              <button type="button" className="secondary small" onClick={() => onChange(qa.filter((_, j) => j !== i))}>
                {t("q.remove", { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button type="button" className="secondary block" onClick={() => onChange([...qa, { question: "", answer: "" }])}>
        + {t("q.add")}
      </button>
    </fieldset>
  );
}
