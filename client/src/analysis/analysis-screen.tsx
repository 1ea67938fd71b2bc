// 整理分析: pick a month or a quarter (default: this month in Shanghai) → periodAnalysis: completion rate and overdue
// against the previous period (▲/▼), status distribution and per-unit completion as bar charts with tables,
// overdue items and field findings. The period is kept in the address, so a view can be bookmarked or shared.
import { useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { periodName } from "../lib/period-name.ts";
import { navigate } from "../router.ts";
import { LoadState, when } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { ANALYSIS_QUERY, formatRate, formFor, periodOf, yearOptions, type PeriodForm } from "./analysis-model.ts";
import { Change, FindingsSection, OverdueSection, StatusSection, UnitSection } from "./analysis-tables.tsx";

function PeriodPicker({ period }: { period: string | null }) {
  const t = useT();
  const [form, setForm] = useState<PeriodForm>(() => formFor(period, new Date()));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<PeriodForm>) => setForm((f) => ({ ...f, ...patch }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = periodOf(form);
    if (!p) return setError(t("notice.monthInvalid"));
    setError(null);
    navigate({ name: "analysis", period: p }, { replace: true });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="an-pick">
      <h2 id="an-pick" className="visually-hidden">
        {t("analysis.pick")}
      </h2>
      <fieldset className="field">
        <legend>{t("analysis.kind")}</legend>
        <div className="segmented">
          {(["MONTH", "QUARTER"] as const).map((k) => (
            <label key={k} className={form.kind === k ? "segment selected" : "segment"}>
              <input type="radio" name="period-kind" checked={form.kind === k} onChange={() => set({ kind: k })} />
              <span>{t(k === "MONTH" ? "analysis.monthly" : "analysis.quarterly")}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {form.kind === "MONTH" ? (
        <div className="field">
          <label htmlFor="f-an-month">{t("notice.month")}</label>
          <input id="f-an-month" type="month" value={form.month} onChange={(e) => set({ month: e.target.value })} />
        </div>
      ) : (
        <div className="meta-grid">
          <div className="field">
            <label htmlFor="f-an-year">{t("analysis.year")}</label>
            <select id="f-an-year" value={form.year} onChange={(e) => set({ year: e.target.value })}>
              {yearOptions(new Date()).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-an-quarter">{t("analysis.quarter")}</label>
            <select id="f-an-quarter" value={form.quarter} onChange={(e) => set({ quarter: e.target.value })}>
              {["1", "2", "3", "4"].map((q) => (
                <option key={q} value={q}>
                  {t("analysis.quarterN", { n: q })}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary block">
        {t("analysis.run")}
      </button>
    </form>
  );
}

export function AnalysisScreen({ period }: { period: string | null }) {
  const t = useT();
  const chosen = periodOf(formFor(period, new Date()))!;
  const { current } = useInspectionPick();
  const state = useOnlineQuery(ANALYSIS_QUERY, { period: chosen, inspection: current });
  const result = state.data?.periodAnalysis;
  const a = result?.__typename === "PeriodAnalysisSummary" ? result : null;
  return (
    <section className="screen" aria-labelledby="an-title">
      <h1 id="an-title">{t("analysis.title")}</h1>
      <InspectionPicker />
      <PeriodPicker key={chosen} period={chosen} />
      <LoadState state={state} />
      {result && !a ? (
        <p className="notice attention" role="alert">
          {result.__typename === "ValidationError" ? result.message : ""}
        </p>
      ) : null}
      {a ? (
        <>
          <h2 id="an-head">
            {t("analysis.heading", { period: periodName(t, a.period), previous: periodName(t, a.previousPeriod) })}
          </h2>
          <p className="muted small">{t("analysis.asOf", { from: a.firstDay, to: a.lastDay, at: when(a.asOf) })}</p>
          <p id="an-chart-note" className="visually-hidden">
            {t("analysis.chartNote")}
          </p>
          <dl className="key-figures">
            <div>
              <dt>{t("analysis.rate")}</dt>
              <dd>
                <strong>{formatRate(a.figures.completionRate)}</strong>
                <Change value={a.change.completionRate} kind="rate" better="up" />
              </dd>
            </div>
            <div>
              <dt>{t("dash.overdue")}</dt>
              <dd>
                <strong>{a.figures.overdue}</strong>
                <Change value={a.change.overdue} kind="count" better="down" />
              </dd>
            </div>
            <div>
              <dt>{t("analysis.measures")}</dt>
              <dd>
                <strong>{a.figures.statuses.total}</strong>
                <Change value={a.change.statuses.total} kind="count" />
              </dd>
            </div>
          </dl>
          <StatusSection a={a} />
          <UnitSection a={a} />
          <OverdueSection a={a} />
          <FindingsSection a={a} />
        </>
      ) : null}
    </section>
  );
}
