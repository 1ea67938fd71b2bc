// The parsed tree of the report review: problems under their categories, each with its status (and what stated
// it), its source line and its measures with sub-points; a problem or measure on a warned line is marked.
import { useT } from "../i18n/i18n-context.tsx";
import { hasKey, keyOf } from "../i18n/i18n.ts";
import type { ImportedProblem } from "./import-documents.ts";
import { jumpToLine } from "./jump-to-line.ts";
import { byCategory, treeTotals } from "./report-review-model.ts";

function LineButton({ line }: { line: number }) {
  const t = useT();
  return (
    <button type="button" className="link-button line-link" onClick={() => jumpToLine(line)}>
      {t("im.tree.line", { line })}
    </button>
  );
}

function Problem({ p, warned }: { p: ImportedProblem; warned: Set<number> }) {
  const t = useT();
  return (
    <li className={warned.has(p.line) ? "tree-problem warned" : "tree-problem"}>
      <p className="tree-head">
        <span className="item-number">{p.number}</span>
        <span className="tree-title">{p.title}</span>
      </p>
      <p className="tree-meta">
        <span className={`chip istatus-${p.status}`}>{t(keyOf("im.istatus", p.status))}</span>
        {p.statusFrom ? (
          <span className="muted small">
            {t("im.tree.statusFrom", {
              from: hasKey(`im.from.${p.statusFrom}`) ? t(keyOf("im.from", p.statusFrom)) : p.statusFrom,
            })}
          </span>
        ) : null}
        <LineButton line={p.line} />
      </p>
      {p.measures.length ? (
        <ol className="tree-measures">
          {p.measures.map((m) => (
            <li key={m.line} className={warned.has(m.line) ? "warned" : undefined}>
              <span className="measure-no">{m.numbered ? `（${m.number}）` : "·"}</span>
              {m.text}
              {m.subPoints.length ? (
                <ul className="points">
                  {m.subPoints.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ul>
              ) : null}
              <LineButton line={m.line} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{t("im.tree.noMeasures")}</p>
      )}
      {p.children.length ? (
        <ol className="tree-children">
          {p.children.map((c) => (
            <Problem key={c.line} p={c} warned={warned} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function ReportTree({ tree, warned }: { tree: ImportedProblem[]; warned: Set<number> }) {
  const t = useT();
  const totals = treeTotals(tree);
  return (
    <section className="import-tree" aria-labelledby="im-tree-title">
      <h2 id="im-tree-title">{t("im.tree.title", { problems: totals.problems, measures: totals.measures })}</h2>
      {byCategory(tree).map((g, i) => (
        <div key={i} className="tree-group">
          <h3>{g.category ?? t("im.tree.noCategory")}</h3>
          <ol className="tree-problems">
            {g.problems.map((p) => (
              <Problem key={p.line} p={p} warned={warned} />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
