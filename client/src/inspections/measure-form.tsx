// 整改措施: add a measure to a problem or correct one — text, sub-points (one per line) and its assignment.
import { useState } from "react";
import { changedOnly, isEmpty } from "../lib/changed-only.ts";
import { PanelForm } from "../closeout/form-bits.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { TextField } from "../ui/field.tsx";
import {
  CREATE_MEASURE,
  draftOf,
  measureInput,
  UPDATE_MEASURE,
  type EditMeasure,
  type MeasureDraft,
} from "./inspections-model.ts";
import { AssignFields } from "./measure-fields.tsx";

export function MeasureForm(props: {
  problemId: string;
  measure: EditMeasure | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const prefix = `m-${props.measure?.id ?? `new-${props.problemId}`}`;
  // What the form opened with: a correction sends only what differs from it (lib/changed-only.ts).
  const [opened] = useState<MeasureDraft>(() => draftOf(props.measure));
  const [d, setD] = useState<MeasureDraft>(opened);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof MeasureDraft>(k: K) =>
    (v: MeasureDraft[K]) =>
      setD((x) => ({ ...x, [k]: v }));
  const err = (name: string) => failure?.fields[name] ?? null;

  async function submit() {
    const own = checkFailure(d.text.trim() ? {} : { text: t("closeout.check.required") });
    if (own) return setFailure(own);
    const input = props.measure ? changedOnly(measureInput(opened), measureInput(d)) : measureInput(d);
    if (props.measure && isEmpty(input)) return props.onDone();
    setBusy(true);
    const r = props.measure
      ? await run(UPDATE_MEASURE, { id: props.measure.id, input }, "updateMeasure", ["Measure"])
      : await run(CREATE_MEASURE, { problemId: props.problemId, input }, "createMeasure", ["Measure"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    if (!props.measure) setD(draftOf(null));
    props.onDone();
  }

  return (
    <PanelForm label={t(props.measure ? "au.measure.edit" : "au.measure.new")} onSubmit={submit} busy={busy}>
      <TextField
        name={`${prefix}-text`}
        label={t("au.measure.text")}
        multiline
        rows={3}
        value={d.text}
        onChange={set("text")}
        error={err("text")}
        required
        maxLength={5000}
      />
      <TextField
        name={`${prefix}-sub`}
        label={t("au.measure.subPoints")}
        hint={t("au.measure.subPointsHint")}
        multiline
        rows={2}
        value={d.subPoints}
        onChange={set("subPoints")}
        error={err("subPoints")}
      />
      <AssignFields prefix={prefix} draft={d} set={set} err={err} />
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(props.measure ? "au.save" : "au.measure.add")}
        </button>
        {props.onCancel ? (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t("au.cancel")}
          </button>
        ) : null}
      </div>
    </PanelForm>
  );
}
