// The ledger review: sheets and where their headers are, every row counted by what became of it, the columns as
// detected (correctable, then previewed again), warnings by row, and the problems with their measures as they
// would be written: leader, units, deadline (a date, 长期坚持, or what could not be read) and status.
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import {
  LEDGER_FIELDS,
  type LedgerField,
  type LedgerMeasure,
  type LedgerSummary,
  type LedgerWarning,
} from "./import-documents.ts";
import {
  allColumns,
  deadlineOf,
  rowKey,
  unplacedWarnings,
  warningsByRow,
  type ColumnEdits,
} from "./ledger-review-model.ts";

function Warnings({ list }: { list: LedgerWarning[] | undefined }) {
  const t = useT();
  if (!list?.length) return null;
  return (
    <ul className="row-warnings">
      {list.map((w, i) => (
        <li key={i}>
          {t("im.line.warned")}：{w.column ? `【${w.column}】` : ""}
          {w.message}
        </li>
      ))}
    </ul>
  );
}

function Deadline({ m }: { m: LedgerMeasure }) {
  const t = useT();
  const d = deadlineOf(m);
  if (d.kind === "date") return <>{d.date}</>;
  if (d.kind === "longTerm") return <>{t("im.ledger.longTerm")}</>;
  if (d.kind === "unreadable") return <span className="overdue">{t("im.ledger.unreadable", { text: d.text })}</span>;
  return <>{t("im.ledger.noDeadline")}</>;
}

function Columns({
  summary,
  edits,
  onEdit,
  onRepreview,
  busy,
}: {
  summary: LedgerSummary;
  edits: ColumnEdits;
  onEdit: (header: string, field: LedgerField) => void;
  onRepreview: () => void;
  busy: boolean;
}) {
  const t = useT();
  const columns = allColumns(summary);
  if (!columns.length) return null;
  // Folded on a phone unless something needs a look: a column nothing was detected for, or a correction made.
  const open = columns.some((c) => !c.detected) || Object.keys(edits).length > 0;
  return (
    <details className="filters" open={open}>
      <summary>
        {t("im.ledger.columns")}（{columns.length}）
      </summary>
      <p className="field-hint">{t("im.ledger.columnsHint")}</p>
      <ul className="column-list">
        {columns.map((c) => (
          <li key={c.header} className="field">
            <label htmlFor={`f-im-col-${c.index}`}>{c.header}</label>
            <select
              id={`f-im-col-${c.index}`}
              value={edits[c.header] ?? c.field ?? "IGNORE"}
              disabled={busy}
              onChange={(e) => onEdit(c.header, e.target.value as LedgerField)}
            >
              {LEDGER_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(keyOf("im.field", f))}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="secondary" disabled={busy || !Object.keys(edits).length} onClick={onRepreview}>
          {t("im.ledger.repreview")}
        </button>
      </p>
    </details>
  );
}

export function LedgerReview(props: {
  summary: LedgerSummary;
  edits: ColumnEdits;
  onEdit: (header: string, field: LedgerField) => void;
  onRepreview: () => void;
  busy: boolean;
}) {
  const t = useT();
  const { summary } = props;
  const { byRow, general } = warningsByRow(summary.warnings);
  // Row warnings show on their problem too; the list names every one, those on no measure's row first.
  const unplaced = unplacedWarnings(summary);
  const placed = summary.warnings.filter((w) => w.row != null && !unplaced.includes(w));
  return (
    <>
      <p className="notice">{t("im.ledger.into", { team: summary.team, body: summary.inspectedBody })}</p>
      <ul className="plain small">
        {summary.sheets.map((s) =>
          s.headerRow == null ? (
            <li key={s.name}>{t("im.ledger.noHeader", { name: s.name })}</li>
          ) : (
            <li key={s.name}>{t("im.ledger.sheet", { name: s.name, row: s.headerRow, rows: s.dataRows })}</li>
          ),
        )}
        <li>{t("im.ledger.rows", { ...summary.rows })}</li>
      </ul>
      <Columns {...props} />
      <section className="import-warnings" aria-labelledby="im-warn-title">
        <h2 id="im-warn-title">{t("im.warnings.title", { count: summary.warnings.length })}</h2>
        {summary.warnings.length === 0 ? <p className="notice ok">{t("im.warnings.none")}</p> : null}
        <ul className="warning-list">
          {[...general, ...unplaced, ...placed].map((w, i) => (
            <li key={i} className="notice attention">
              {w.row != null ? <strong>{t("im.ledger.row", { row: w.row })} </strong> : null}
              {w.column ? `【${w.column}】` : ""}
              {w.message}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="im-lp-title">
        <h2 id="im-lp-title">
          {t("im.ledger.problems", { problems: summary.problemCount, measures: summary.measureCount })}
        </h2>
        <ol className="tree-problems">
          {summary.problems.map((p) => (
            <li
              key={rowKey(p.sheet, p.row)}
              className={byRow.has(rowKey(p.sheet, p.row)) ? "tree-problem warned" : "tree-problem"}
            >
              {p.category ? <p className="eyebrow">{p.category}</p> : null}
              <p className="tree-head">
                <span className="item-number">{p.number}</span>
                <span className="tree-title">{p.title}</span>
              </p>
              <p className="tree-meta">
                <span className={`chip istatus-${p.section}`}>{t(keyOf("im.section", p.section))}</span>
                <span className="muted small">{t("im.ledger.row", { row: p.row })}</span>
              </p>
              <Warnings list={byRow.get(rowKey(p.sheet, p.row))} />
              <ol className="tree-measures">
                {p.measures.map((m) => (
                  <li key={rowKey(m.sheet, m.row)} className={byRow.has(rowKey(m.sheet, m.row)) ? "warned" : undefined}>
                    <span className="measure-no">（{m.number}）</span>
                    {m.text}
                    <dl className="measure-facts small">
                      <dt>{t("im.ledger.leader")}</dt>
                      <dd>{m.leadLeader ?? "—"}</dd>
                      <dt>{t("im.ledger.unit")}</dt>
                      <dd>{m.responsibleUnit ?? "—"}</dd>
                      <dt>{t("im.ledger.participants")}</dt>
                      <dd>{m.participants.join("、") || "—"}</dd>
                      <dt>{t("im.ledger.deadline")}</dt>
                      <dd>
                        <Deadline m={m} />
                      </dd>
                      <dt>{t("im.ledger.status")}</dt>
                      <dd>{m.status ? t(keyOf("status", m.status)) : "—"}</dd>
                    </dl>
                    <span className="muted small">{t("im.ledger.row", { row: m.row })}</span>
                    {m.row !== p.row ? <Warnings list={byRow.get(rowKey(m.sheet, m.row))} /> : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
