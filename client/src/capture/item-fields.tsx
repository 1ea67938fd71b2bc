// The "what and when" part of the form, essentials first (issue 13 §6): the kind of inspection, the item inspected
// (changeable, searched offline), the automatic time and the position state, then the measures covered as a
// collapsible list of checkboxes — folded, with its choice summed up, when the inspector came from a measure.
import { useMemo, useState } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { formatDateTime } from "../lib/time.ts";
import { searchProblems } from "../search/search.ts";
import { FieldMessages } from "../ui/field.tsx";
import type { RecordKind } from "@rectify/server/sync";
import { RECORD_KINDS } from "@rectify/server/sync";
import { geoLabel, type GeoStatus } from "./geolocation.ts";
import type { FormState } from "./form-model.ts";

interface Props {
  form: FormState;
  messages: Partial<Record<"item" | "measures" | "kind" | "time" | "position", string | null>>;
  onProblem: (rawProblemId: string) => void;
  onMeasures: (rawMeasureIds: string[]) => void;
  onKind: (kind: RecordKind) => void;
  geoStatus: GeoStatus;
  onLocate: () => void;
}

export function ItemFields({ form, messages, onProblem, onMeasures, onKind, geoStatus, onLocate }: Props) {
  const t = useT();
  const { workingSet, recent } = useWorkingSet();
  const problem = form.problemId ? findProblem(workingSet, form.problemId) : null;
  const [picking, setPicking] = useState(!form.problemId);
  const [query, setQuery] = useState("");
  const hits = useMemo(
    () => (picking ? searchProblems(workingSet?.problems ?? [], query, recent).slice(0, 8) : []),
    [picking, workingSet, query, recent],
  );
  const geo = geoLabel(geoStatus, form.position);
  // Came from a measure (it is preselected): the list starts folded, its choice summed up in the summary.
  const [fromMeasure] = useState(() => form.measureIds.length > 0);
  const [measuresOpen, setMeasuresOpen] = useState(() => form.measureIds.length === 0);

  return (
    <>
      <fieldset className={messages.kind ? "field has-error" : "field"}>
        <legend>{t("capture.kind")}</legend>
        <div className="segmented vertical">
          {RECORD_KINDS.map((k) => (
            <label key={k} className={form.kind === k ? "segment selected" : "segment"}>
              <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => onKind(k)} />
              <span>{t(keyOf("kind", k))}</span>
            </label>
          ))}
        </div>
        <FieldMessages id="f-kind" error={messages.kind} />
      </fieldset>

      <fieldset className={messages.item ? "field has-error" : "field"} id="f-item" tabIndex={-1}>
        <legend>{t("capture.item")}</legend>
        {problem ? (
          <p className="chosen-item">
            <strong>{problemLabel(problem)}</strong> {problem.title}
          </p>
        ) : form.problemId ? (
          <p className="chosen-item muted">{form.problemId}</p>
        ) : null}
        <FieldMessages id="f-item" error={messages.item} />
        {picking ? (
          <div className="item-picker">
            <label htmlFor="f-item-search">{t("capture.itemSearch")}</label>
            <input
              id="f-item-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
            />
            <ul className="pick-list">
              {hits.map((h) => (
                <li key={h.problem.id}>
                  <button
                    type="button"
                    className="pick"
                    onClick={() => {
                      onProblem(h.problem.rawId);
                      setPicking(false);
                      setQuery("");
                    }}
                  >
                    <strong>{problemLabel(h.problem)}</strong> {h.problem.title}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <button type="button" className="secondary small" onClick={() => setPicking(true)}>
            {problem ? t("capture.changeItem") : t("capture.chooseItem")}
          </button>
        )}
      </fieldset>

      <div className="meta-grid">
        <div className={messages.time ? "field has-error" : "field"} role="group" aria-labelledby="f-time-label">
          <span className="label" id="f-time-label">
            {t("capture.time")}
          </span>
          <p id="f-time" className="readonly" tabIndex={-1}>
            {formatDateTime(new Date(form.deviceTime))}
          </p>
          <FieldMessages id="f-time" hint={t("capture.timeAuto")} error={messages.time} />
        </div>
        <div
          className={messages.position ? "field has-error" : "field"}
          role="group"
          aria-labelledby="f-position-label"
        >
          <span className="label" id="f-position-label">
            {t("capture.position")}
          </span>
          <p id="f-position" className="readonly" aria-live="polite">
            <span className={`geo geo-${form.position && geoStatus !== "locating" ? "located" : geoStatus}`}>
              {t(geo.key, geo.params)}
            </span>
          </p>
          <button type="button" className="secondary small" onClick={onLocate} disabled={geoStatus === "locating"}>
            {t("geo.locate")}
          </button>
          <FieldMessages id="f-position" error={messages.position} />
        </div>
      </div>
      {problem && problem.measures.length > 0 ? (
        <details
          className={messages.measures ? "field measures-fold has-error" : "field measures-fold"}
          open={measuresOpen || !!messages.measures}
          onToggle={(e) => setMeasuresOpen(e.currentTarget.open)}
        >
          <summary>
            {t("misc.capture.measures")}
            <span className="muted small">
              {" "}
              · {t("misc.capture.measuresPicked", { count: form.measureIds.length })}
            </span>
            {fromMeasure && form.measureIds.length > 0 ? (
              <span className="muted small"> · {t("misc.capture.fromMeasure")}</span>
            ) : null}
          </summary>
          <fieldset id="f-measures" tabIndex={-1} aria-describedby="f-measures-hint">
            <legend className="visually-hidden">{t("capture.measures")}</legend>
            <p id="f-measures-hint" className="field-hint">
              {t("capture.measuresHint")}
            </p>
            {problem.measures.map((m) => {
              const checked = form.measureIds.includes(m.rawId);
              const label = m.numbered ? t("problem.measure", { number: m.number }) : t("problem.unnumbered");
              return (
                <label key={m.id} className="check">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      onMeasures(checked ? form.measureIds.filter((x) => x !== m.rawId) : [...form.measureIds, m.rawId])
                    }
                  />
                  <span>
                    <strong>{label}</strong> {m.text.length > 40 ? `${m.text.slice(0, 40)}…` : m.text}
                  </span>
                </label>
              );
            })}
            <FieldMessages id="f-measures" error={messages.measures} />
          </fieldset>
        </details>
      ) : null}
    </>
  );
}
