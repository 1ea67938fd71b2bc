// Problem detail: everything an inspector checks on site (status, deadline, units, leader, every measure with its
// points), from the cache so it works offline; the main action "记录核查" sits at the bottom, in thumb reach.
import { useEffect } from "react";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, problemLabel, type WsMeasure } from "../cache/working-set.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { newUuid } from "../lib/ids.ts";
import { href, navigate } from "../router.ts";
import { measureParagraphs } from "./measure-text.ts";

function Measure({ m, problemId, staff }: { m: WsMeasure; problemId: string; staff: boolean }) {
  const { t } = useI18n();
  const { lead, points } = measureParagraphs(m.text, m.subPoints);
  const title = m.numbered ? t("problem.measure", { number: m.number }) : t("problem.unnumbered");
  return (
    <li className="measure" aria-labelledby={`m-${m.id}`}>
      <h3 id={`m-${m.id}`}>
        {title}
        <span className={`chip status-${m.status}`}>{t(keyOf("status", m.status))}</span>
        {m.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
      </h3>
      {lead ? <p>{lead}</p> : null}
      {points.length > 0 ? (
        <ol className="points">
          {points.map((p) => (
            <li key={p.marker}>
              <strong>{p.marker}</strong>
              {p.text}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="measure-meta muted">
        {m.deadline ? `${t("problem.deadline")}：${m.deadline}` : null}
        {m.responsibleUnit ? ` · ${t("problem.responsibleUnit")}：${m.responsibleUnit}` : null}
      </p>
      {staff ? (
        <p className="item-actions">
          <a className="link-button" href={href({ name: "capture", recordId: null, problemId, measureId: m.id })}>
            {t("problem.record")} · {title}
          </a>
          <a className="link-button" href={href({ name: "records", problemId, measureId: m.id })}>
            {t("problem.records")} · {title}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export function ProblemScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const user = useUser();
  const { workingSet, loaded, markOpened } = useWorkingSet();
  const problem = findProblem(workingSet, id);

  useEffect(() => {
    if (problem) markOpened(problem.id);
  }, [problem, markOpened]);

  if (!loaded) return <p className="muted">{t("common.loading")}</p>;
  if (!problem) {
    return (
      <section className="screen">
        <p className="notice">{t("problem.notFound")}</p>
        <a href={href({ name: "home" })}>{t("common.back")}</a>
      </section>
    );
  }
  const staff = user.role !== "UNIT_LIAISON";
  const none = t("common.none");
  return (
    <article className="screen problem" aria-labelledby="problem-title">
      <p className="eyebrow">
        {problemLabel(problem)} · {t(keyOf("section", problem.section))}
      </p>
      <h1 id="problem-title">{problem.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t("problem.status")}</dt>
          <dd>
            <span className={`chip status-${problem.status}`}>{t(keyOf("status", problem.status))}</span>
            {problem.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("problem.deadline")}</dt>
          <dd>{problem.deadline ?? none}</dd>
        </div>
        <div>
          <dt>{t("problem.leadLeader")}</dt>
          <dd>{problem.leadLeader ?? none}</dd>
        </div>
        <div>
          <dt>{t("problem.responsibleUnit")}</dt>
          <dd>{problem.responsibleUnit ?? none}</dd>
        </div>
        <div>
          <dt>{t("problem.participatingUnits")}</dt>
          <dd>{problem.participatingUnits.length ? problem.participatingUnits.join("、") : none}</dd>
        </div>
      </dl>
      {problem.body ? (
        <details className="body-text">
          <summary>{t("problem.body")}</summary>
          <p>{problem.body}</p>
        </details>
      ) : null}
      <h2>{t("problem.measures", { count: problem.measures.length })}</h2>
      <ol className="measures">
        {problem.measures.map((m) => (
          <Measure key={m.id} m={m} problemId={problem.id} staff={staff} />
        ))}
      </ol>
      {staff ? (
        <p>
          <a href={href({ name: "records", problemId: problem.id, measureId: null })}>{t("problem.records")}</a>
        </p>
      ) : null}
      {staff ? (
        <div className="bottom-actions">
          <button
            type="button"
            className="primary block"
            onClick={() => navigate({ name: "capture", recordId: newUuid(), problemId: problem.id, measureId: null })}
          >
            {t("problem.record")}
          </button>
        </div>
      ) : null}
    </article>
  );
}
