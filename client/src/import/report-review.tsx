// The report review: the header facts and recognised layout, the warnings (each linked to its line), the report's
// own figures beside what was counted, then the parsed tree beside the source lines (side by side when wide).
import { useT } from "../i18n/i18n-context.tsx";
import { hasKey, keyOf } from "../i18n/i18n.ts";
import type { ImportWarning, ReportSummary } from "./import-documents.ts";
import { jumpToLine } from "./jump-to-line.ts";
import { ReportTree } from "./report-tree.tsx";
import { figureRows, sourceLines, warnedLines } from "./report-review-model.ts";
import { SourceLines } from "./source-lines.tsx";

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function WarningList({ warnings }: { warnings: ImportWarning[] }) {
  const t = useT();
  return (
    <section className="import-warnings" aria-labelledby="im-warn-title">
      <h2 id="im-warn-title">{t("im.warnings.title", { count: warnings.length })}</h2>
      {warnings.length === 0 ? <p className="notice ok">{t("im.warnings.none")}</p> : null}
      <ul className="warning-list">
        {warnings.map((w, i) => (
          <li key={i} className="notice attention">
            <strong>{t(keyOf("im.wcode", w.code))}</strong>
            {w.line != null ? (
              <button type="button" className="link-button line-link" onClick={() => jumpToLine(w.line!)}>
                {t("im.goLine", { line: w.line })}
              </button>
            ) : (
              <span className="small"> · {t("im.warnings.whole")}</span>
            )}
            <br />
            <span className="small">{w.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Figures({ summary }: { summary: ReportSummary }) {
  const t = useT();
  const rows = figureRows(summary);
  return (
    <section aria-labelledby="im-fig-title">
      <h2 id="im-fig-title">{t("im.figures.title")}</h2>
      <table className="figures-table" aria-labelledby="im-fig-title">
        <thead>
          <tr>
            <th scope="col">{t("im.figures.what")}</th>
            <th scope="col" className="num">
              {t("im.figures.stated")}
            </th>
            <th scope="col" className="num">
              {t("im.figures.counted")}
            </th>
            <th scope="col">{t("im.figures.check")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.agrees === false ? "mismatch" : undefined}>
              <th scope="row">{t(keyOf("im.figure", r.key))}</th>
              <td className="num">{r.stated ?? t("im.figures.notStated")}</td>
              <td className="num">{r.counted}</td>
              <td>{r.agrees == null ? "—" : t(r.agrees ? "im.figures.ok" : "im.figures.mismatch")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ReportReview({ summary }: { summary: ReportSummary }) {
  const t = useT();
  const layout = [
    summary.layout.parts.map((p) => (hasKey(`im.part.${p}`) ? t(keyOf("im.part", p)) : p)).join(" / "),
    summary.layout.sections ? t("im.layout.sections") : "",
    summary.layout.categories ? t("im.layout.categories") : "",
  ].filter(Boolean);
  const period = summary.startDate ? `${summary.startDate} — ${summary.endDate ?? ""}` : null;
  return (
    <>
      <section aria-labelledby="im-facts-title">
        <h2 id="im-facts-title">{t("im.review.facts")}</h2>
        <dl className="facts">
          <Fact label={t("im.fact.title")} value={summary.title} />
          <Fact label={t("im.fact.team")} value={summary.team} />
          <Fact label={t("im.fact.body")} value={summary.inspectedBody} />
          <Fact label={t("im.fact.kind")} value={summary.kind} />
          <Fact label={t("im.fact.period")} value={period} />
          <Fact label={t("im.fact.feedback")} value={summary.feedbackDate} />
          <Fact label={t("im.fact.reportDate")} value={summary.reportDate} />
          <Fact label={t("im.fact.issuer")} value={summary.issuer} />
          <Fact label={t("im.fact.source")} value={`${summary.format} · ${summary.encoding}`} />
          <Fact label={t("im.fact.layout")} value={layout.length ? layout.join("；") : t("im.layout.plain")} />
        </dl>
      </section>
      <WarningList warnings={summary.warnings} />
      <Figures summary={summary} />
      <div className="review-panes">
        <ReportTree tree={summary.tree} warned={warnedLines(summary.warnings)} />
        <SourceLines lines={sourceLines(summary)} />
      </div>
    </>
  );
}
