// One problem while authoring: its heading with edit / move / remove, its measures with a checkbox (for bulk
// assignment), edit / move / remove each, and a form to add a measure. Removing asks first; the server deletes
// what nothing hangs off and archives the rest, and the announcement says which.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { FormAlert } from "../supervision/ui.tsx";
import type { FormFailure, MutationOutcome } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import {
  moved,
  REMOVE_MEASURE,
  REMOVE_PROBLEM,
  REORDER_MEASURES,
  type EditMeasure,
  type EditProblem,
} from "./inspections-model.ts";
import { MeasureForm } from "./measure-form.tsx";
import { ProblemForm } from "./problem-form.tsx";

export function ProblemCard(props: {
  inspectionId: string;
  problem: EditProblem;
  label: string;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  onMove: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const p = props.problem;
  const measures = p.measures.edges.map((e) => e.node);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  function settle<T>(r: MutationOutcome<T>, done: (v: T) => string) {
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(done(r.value));
    props.onChanged();
  }

  const removal = (v: { outcome: string }) => t(keyOf("au.removed", v.outcome));

  function removeProblem() {
    if (!window.confirm(t("au.problem.confirmRemove", { title: p.title }))) return;
    void run(REMOVE_PROBLEM, { id: p.id }, "removeProblem", ["RemovalResult"]).then((r) => settle(r, removal));
  }
  function removeMeasure(m: EditMeasure) {
    if (!window.confirm(t("au.measure.confirmRemove", { number: m.number }))) return;
    void run(REMOVE_MEASURE, { id: m.id }, "removeMeasure", ["RemovalResult"]).then((r) => settle(r, removal));
  }
  function moveMeasure(index: number, by: -1 | 1) {
    const ids = moved(
      measures.map((m) => m.id),
      index,
      by,
    );
    void run(REORDER_MEASURES, { problemId: p.id, ids }, "reorderMeasures", ["Problem"]).then((r) =>
      settle(r, () => t("au.moved")),
    );
  }

  const headingId = `au-p-${p.id.replace(/[^\w-]/g, "")}`;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="item-number">{props.label}</span> {p.title}
      </h3>
      {p.category ? <p className="muted small">{p.category}</p> : null}
      {editing === p.id ? (
        <ProblemForm
          inspectionId={props.inspectionId}
          problem={p}
          onDone={() => (setEditing(null), props.onChanged())}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="item-actions">
          <button type="button" className="secondary small" onClick={() => setEditing(p.id)}>
            {t("au.edit")}
            <span className="visually-hidden"> · {props.label}</span>
          </button>
          <button type="button" className="secondary small" disabled={props.first} onClick={() => props.onMove(-1)}>
            {t("au.up")}
            <span className="visually-hidden"> · {props.label}</span>
          </button>
          <button type="button" className="secondary small" disabled={props.last} onClick={() => props.onMove(1)}>
            {t("au.down")}
            <span className="visually-hidden"> · {props.label}</span>
          </button>
          <button type="button" className="secondary small" onClick={removeProblem}>
            {t("au.remove")}
            <span className="visually-hidden"> · {props.label}</span>
          </button>
        </div>
      )}
      <ol className="item-list" aria-label={t("au.measure.list", { label: props.label })}>
        {measures.map((m, i) => (
          <li key={m.id} className="item-row">
            <div className="item-text">
              <label className="check">
                <input
                  type="checkbox"
                  checked={props.selected.has(m.id)}
                  onChange={(e) => props.onSelect(m.id, e.target.checked)}
                />
                <span>
                  ({m.number}) {m.text}
                </span>
              </label>
              <span className="item-sub">
                {[
                  m.leadLeader?.name,
                  m.responsibleUnit?.name,
                  m.participatingUnits.map((u) => u.name).join("、"),
                  m.longTerm ? t("au.measure.longTerm") : m.deadline,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              {editing === m.id ? (
                <MeasureForm
                  problemId={p.id}
                  measure={m}
                  onDone={() => (setEditing(null), props.onChanged())}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <span className="item-actions">
                  <button type="button" className="secondary small" onClick={() => setEditing(m.id)}>
                    {t("au.edit")}
                    <span className="visually-hidden"> · ({m.number})</span>
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={i === 0}
                    onClick={() => moveMeasure(i, -1)}
                  >
                    {t("au.up")}
                    <span className="visually-hidden"> · ({m.number})</span>
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={i === measures.length - 1}
                    onClick={() => moveMeasure(i, 1)}
                  >
                    {t("au.down")}
                    <span className="visually-hidden"> · ({m.number})</span>
                  </button>
                  <button type="button" className="secondary small" onClick={() => removeMeasure(m)}>
                    {t("au.remove")}
                    <span className="visually-hidden"> · ({m.number})</span>
                  </button>
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
      <FormAlert failure={failure} />
      <details>
        <summary>{t("au.measure.new")}</summary>
        <MeasureForm problemId={p.id} measure={null} onDone={props.onChanged} />
      </details>
    </article>
  );
}
