// 批量交办: the selected measures get the same lead leader, units or deadline in one step (all or nothing);
// fields left empty stay as they are on each measure.
import { useState } from "react";
import { PanelForm } from "../closeout/form-bits.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { ASSIGN_MEASURES, bulkInput } from "./inspections-model.ts";
import { AssignFields, type AssignDraft } from "./measure-fields.tsx";

const EMPTY: AssignDraft = {
  leadLeader: "",
  responsibleUnit: "",
  participatingUnits: "",
  deadline: "",
  longTerm: false,
};

export function BulkAssignForm(props: { ids: string[]; onDone: () => void; onClear: () => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [d, setD] = useState<AssignDraft>(EMPTY);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof AssignDraft>(k: K) =>
    (v: AssignDraft[K]) =>
      setD((x) => ({ ...x, [k]: v }));

  async function submit() {
    const assignment = bulkInput(d);
    const own = checkFailure(Object.keys(assignment).length ? {} : { form: t("au.bulk.nothing") });
    if (own) return setFailure({ ...own, message: t("au.bulk.nothing") });
    setBusy(true);
    const r = await run(ASSIGN_MEASURES, { ids: props.ids, assignment }, "assignMeasures", [
      "MutationAssignMeasuresSuccess",
    ]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(t("au.bulk.done", { count: props.ids.length }));
    setD(EMPTY);
    props.onDone();
  }

  return (
    <PanelForm label={t("au.bulk.title", { count: props.ids.length })} onSubmit={submit}>
      <h2>{t("au.bulk.title", { count: props.ids.length })}</h2>
      <AssignFields prefix="bulk" draft={d} set={set} err={(n) => failure?.fields[n] ?? null} />
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("au.bulk.assign", { count: props.ids.length })}
        </button>
        <button type="button" className="secondary" onClick={props.onClear}>
          {t("au.bulk.clear")}
        </button>
      </div>
    </PanelForm>
  );
}
