// The analysis's figures as tables and lists: statuses now, before and the change; per-unit completion; overdue
// items; field findings. The charts above them are drawn from the same figures. Sections holding a table region
// carry no name of their own, so the region (named by the heading) is the one landmark.
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href } from "../router.ts";
import { when } from "../supervision/ui.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { BarChart } from "./bar-chart.tsx";
import { delta, formatRate, STATUS_ROWS, type Analysis } from "./analysis-model.ts";

/** A change with its arrow and words; coloured only where a direction is better (`better`), never by colour alone. */
export function Change({ value, kind, better }: { value: number; kind: "count" | "rate"; better?: "up" | "down" }) {
  const t = useT();
  const d = delta(value, kind);
  const tone = !better || d.direction === "same" ? "same" : d.direction === better ? "good" : "bad";
  const text = t(keyOf(kind === "rate" ? "analysis.changeRate" : "analysis.changeCount", d.direction), {
    amount: d.amount,
  });
  return (
    <span className={`delta delta-${tone}`}>
      <span aria-hidden="true">{d.symbol}</span> {text}
    </span>
  );
}

export function StatusSection({ a }: { a: Analysis }) {
  const t = useT();
  const bars = STATUS_ROWS.map((r) => ({
    key: r.status,
    label: t(keyOf("status", r.status)),
    value: a.figures.statuses[r.field],
    text: String(a.figures.statuses[r.field]),
  }));
  return (
    <section>
      <h2 id="an-status">{t("analysis.statusTitle")}</h2>
      <BarChart title={t("analysis.statusChart")} bars={bars} describedBy="an-chart-note" />
      <DataTable
        labelledBy="an-status"
        rows={STATUS_ROWS}
        rowKey={(r) => r.status}
        columns={[
          { label: t("analysis.status"), cell: (r) => t(keyOf("status", r.status)) },
          { label: t("analysis.now"), num: true, cell: (r) => a.figures.statuses[r.field] },
          { label: t("analysis.before"), num: true, cell: (r) => a.previous.statuses[r.field] },
          { label: t("analysis.change"), cell: (r) => <Change value={a.change.statuses[r.field]} kind="count" /> },
        ]}
      />
    </section>
  );
}

export function UnitSection({ a }: { a: Analysis }) {
  const t = useT();
  const name = (u: Analysis["units"][number]) => u.unit?.name ?? t("dash.noUnit");
  const bars = a.units.map((u) => ({
    key: u.unit?.id ?? "none",
    label: name(u),
    value: u.completionRate,
    text: formatRate(u.completionRate),
  }));
  return (
    <section>
      <h2 id="an-units">{t("analysis.unitsTitle")}</h2>
      {a.units.length === 0 ? <p className="muted">{t("analysis.none")}</p> : null}
      {a.units.length > 0 ? (
        <BarChart title={t("analysis.unitsChart")} bars={bars} max={1} describedBy="an-chart-note" />
      ) : null}
      {a.units.length > 0 ? (
        <DataTable
          labelledBy="an-units"
          rows={a.units}
          rowKey={(u) => u.unit?.id ?? "none"}
          columns={[
            { label: t("dash.unit"), cell: name },
            { label: t("analysis.measures"), num: true, cell: (u) => u.total },
            { label: t("analysis.done"), num: true, cell: (u) => u.done },
            { label: t("dash.overdue"), num: true, cell: (u) => u.overdue },
            { label: t("analysis.rate"), num: true, cell: (u) => formatRate(u.completionRate) },
          ]}
        />
      ) : null}
    </section>
  );
}

export function OverdueSection({ a }: { a: Analysis }) {
  const t = useT();
  return (
    <section aria-labelledby="an-overdue">
      <h2 id="an-overdue">{t("analysis.overdueTitle", { count: a.overdueItems.length })}</h2>
      {a.overdueItems.length === 0 ? <p className="muted">{t("analysis.none")}</p> : null}
      <ul className="card-list">
        {a.overdueItems.map((o) => (
          <li key={o.measure.id} className="card">
            <p>
              <a href={href({ name: "problem", id: o.measure.problem.id })}>
                <strong>{problemLabel(o.measure.problem)}</strong> {o.measure.problem.title}
              </a>
            </p>
            <p className="clamp">
              {o.measure.numbered ? <strong>{t("problem.measure", { number: o.measure.number })} </strong> : null}
              {o.measure.text}
            </p>
            <p className="item-meta">
              <span className="chip overdue">{t("analysis.daysOverdue", { days: o.daysOverdue })}</span>
              <span className={`chip status-${o.statusAtEnd}`}>{t(keyOf("status", o.statusAtEnd))}</span>
              <span>{t("plist.deadline", { date: o.deadline })}</span>
              {o.unit ? <span>{o.unit.name}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FindingsSection({ a }: { a: Analysis }) {
  const t = useT();
  const f = a.findings;
  const rows: [string, number][] = [
    [t("kind.SITE_VISIT"), f.byKind.siteVisit],
    [t("kind.LEDGER_CHECK"), f.byKind.ledgerCheck],
    [t("kind.ONSITE_QUESTIONING"), f.byKind.onsiteQuestioning],
    [t("rating.ON_TRACK"), f.byRating.onTrack],
    [t("rating.LAGGING"), f.byRating.lagging],
    [t("rating.PROBLEM_FOUND"), f.byRating.problemFound],
    [t("analysis.unrated"), f.byRating.unrated],
    [t("records.followUpBadge"), f.followUpsRequired],
  ];
  return (
    <section aria-labelledby="an-findings">
      <h2 id="an-findings">{t("analysis.findingsTitle", { count: f.total })}</h2>
      <dl className="facts">
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {f.problemsFound.length > 0 ? <h3>{t("analysis.problemsFound")}</h3> : null}
      <ul className="card-list">
        {f.problemsFound.map((r) => (
          <li key={r.id} className="card">
            <p className="item-meta">
              <span className="chip kind">{t(keyOf("kind", r.kind))}</span>
              <span>{when(r.deviceTime)}</span>
              <span>{r.inspectorName}</span>
            </p>
            <p>
              <a href={href({ name: "problem", id: r.problem.id })}>
                <strong>{problemLabel(r.problem)}</strong> {r.problem.title}
              </a>
            </p>
            <p className="record-findings">{r.findings}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
