// 反馈问题: add a problem to an inspection or correct one — category (方面), title, body and report section.
import { useState } from "react";
import { changedOnly, isEmpty } from "../lib/changed-only.ts";
import { ChoiceField, PanelForm } from "../closeout/form-bits.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { TextField } from "../ui/field.tsx";
import { CREATE_PROBLEM, UPDATE_PROBLEM, type EditProblem } from "./inspections-model.ts";

type Section = EditProblem["section"];

const problemInputOf = (p: EditProblem) => ({
  title: p.title.trim(),
  category: p.category?.trim() || null,
  body: (p.body ?? "").trim(),
  section: p.section,
});

export function ProblemForm(props: {
  inspectionId: string;
  problem: EditProblem | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const p = props.problem;
  const prefix = `p-${p?.id ?? "new"}`;
  // What the form opened with (not the props of a later re-read): a correction sends only what differs from it.
  const [opened] = useState(() => (p ? problemInputOf(p) : null));
  const [title, setTitle] = useState(p?.title ?? "");
  const [category, setCategory] = useState(p?.category ?? "");
  const [body, setBody] = useState(p?.body ?? "");
  const [section, setSection] = useState<Section>(p?.section ?? "CONTINUING");
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (name: string) => failure?.fields[name] ?? null;

  async function submit() {
    const own = checkFailure(title.trim() ? {} : { title: t("closeout.check.required") });
    if (own) return setFailure(own);
    const now = { title: title.trim(), category: category.trim() || null, body: body.trim(), section };
    const input = opened ? changedOnly(opened, now) : now;
    if (opened && isEmpty(input)) return props.onDone();
    setBusy(true);
    const r = p
      ? await run(UPDATE_PROBLEM, { id: p.id, input }, "updateProblem", ["Problem"])
      : await run(CREATE_PROBLEM, { inspectionId: props.inspectionId, input }, "createProblem", ["Problem"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    if (!p) {
      setTitle("");
      setBody("");
    }
    props.onDone();
  }

  return (
    <PanelForm label={t(p ? "au.problem.edit" : "au.problem.new")} onSubmit={submit} busy={busy}>
      <TextField
        name={`${prefix}-category`}
        label={t("au.problem.category")}
        hint={t("au.problem.categoryHint")}
        value={category}
        onChange={setCategory}
        error={err("category")}
        maxLength={200}
      />
      <TextField
        name={`${prefix}-title`}
        label={t("au.problem.title")}
        value={title}
        onChange={setTitle}
        error={err("title")}
        required
        maxLength={500}
      />
      <TextField
        name={`${prefix}-body`}
        label={t("au.problem.body")}
        multiline
        rows={3}
        value={body}
        onChange={setBody}
        error={err("body")}
      />
      <ChoiceField
        vertical
        name={`${prefix}-section`}
        legend={t("au.problem.section")}
        value={section}
        onChange={setSection}
        options={[
          ["CONTINUING", t("au.section.CONTINUING")],
          ["COMPLETED", t("au.section.COMPLETED")],
        ]}
      />
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(p ? "au.save" : "au.problem.add")}
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
