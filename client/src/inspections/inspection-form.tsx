// 巡察信息: create or correct an inspection (kind, round, team, inspected body, period, feedback date, end of
// 集中整改期, published). The server checks the rules; its issues show on the fields.
import { useState } from "react";
import { changedOnly, isEmpty } from "../lib/changed-only.ts";
import { Labelled, PanelForm } from "../closeout/form-bits.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { TextField } from "../ui/field.tsx";
import { CREATE_INSPECTION, INSPECTION_KINDS, UPDATE_INSPECTION, type EditInspection } from "./inspections-model.ts";

type Draft = Omit<EditInspection, "__typename" | "id" | "published" | "round"> & { round: string; published: boolean };

const DATES = ["startDate", "endDate", "feedbackDate", "rectificationEnd"] as const;

const inspectionInput = (d: Draft) => ({
  kind: d.kind,
  round: d.round.trim() || null,
  team: d.team.trim(),
  inspectedBody: d.inspectedBody.trim(),
  published: d.published,
  ...Object.fromEntries(DATES.map((k) => [k, d[k] || null])),
});

export function InspectionForm(props: { inspection: EditInspection | null; onSaved: (id: string) => void }) {
  const t = useT();
  const run = useMutationRunner();
  const i = props.inspection;
  // What the form opened with: a correction sends only what differs from it (lib/changed-only.ts).
  const [opened] = useState<Draft>(() => ({
    kind: i?.kind ?? "巡察",
    round: i?.round ?? "",
    team: i?.team ?? "",
    inspectedBody: i?.inspectedBody ?? "",
    startDate: i?.startDate ?? "",
    endDate: i?.endDate ?? "",
    feedbackDate: i?.feedbackDate ?? "",
    rectificationEnd: i?.rectificationEnd ?? "",
    published: i?.published ?? false,
  }));
  const [d, setD] = useState<Draft>(opened);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setD((x) => ({ ...x, [k]: v }));
  const err = (name: string) => failure?.fields[name] ?? null;

  async function submit() {
    const own: Record<string, string> = {};
    if (!d.team.trim()) own.team = t("closeout.check.required");
    if (!d.inspectedBody.trim()) own.inspectedBody = t("closeout.check.required");
    const check = checkFailure(own);
    if (check) return setFailure(check);
    const patch = i ? changedOnly(inspectionInput(opened), inspectionInput(d)) : null;
    if (i && patch && isEmpty(patch)) return props.onSaved(i.id);
    setBusy(true);
    const r =
      i && patch
        ? await run(UPDATE_INSPECTION, { id: i.id, input: patch }, "updateInspection", ["Inspection"])
        : await run(CREATE_INSPECTION, { input: inspectionInput(d) }, "createInspection", ["Inspection"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    props.onSaved(r.value.id!);
  }

  return (
    <PanelForm label={t(i ? "au.inspection.edit" : "au.inspection.new")} onSubmit={submit}>
      {/* Five kinds do not fit side by side at 360 px: a select, not segments. */}
      <Labelled name="inspection-kind" label={t("au.inspection.kind")} error={err("kind")}>
        {(common) => (
          <select {...common} value={d.kind} onChange={(e) => set("kind")(e.target.value)}>
            {INSPECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <TextField
        name="round"
        label={t("au.inspection.round")}
        hint={t("au.inspection.roundHint")}
        value={d.round}
        onChange={set("round")}
        error={err("round")}
        maxLength={100}
      />
      <TextField
        name="team"
        label={t("au.inspection.team")}
        value={d.team}
        onChange={set("team")}
        error={err("team")}
        required
        maxLength={100}
      />
      <TextField
        name="inspectedBody"
        label={t("au.inspection.body")}
        value={d.inspectedBody}
        onChange={set("inspectedBody")}
        error={err("inspectedBody")}
        required
        maxLength={100}
      />
      {DATES.map((k) => (
        <TextField
          key={k}
          name={k}
          type="date"
          label={t(`au.inspection.${k}`)}
          value={d[k] ?? ""}
          onChange={set(k)}
          error={err(k)}
        />
      ))}
      <Labelled
        name="published"
        label={t("au.inspection.published")}
        error={null}
        hint={t("au.inspection.publishedHint")}
      >
        {(common) => (
          <input
            {...common}
            type="checkbox"
            checked={d.published}
            onChange={(e) => set("published")(e.target.checked)}
          />
        )}
      </Labelled>
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(i ? "au.save" : "au.inspection.create")}
        </button>
      </div>
    </PanelForm>
  );
}
