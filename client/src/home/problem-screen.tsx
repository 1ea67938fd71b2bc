// Problem detail: everything an inspector checks on site (status, deadline, units, leader, every measure with its
// points), from the cache so it works offline; the main action "记录核查" sits at the bottom, in thumb reach.
// Online, each measure also shows its live light, status history and the close-out actions of the user's role.
import { rolledDeadline, rolledUnits } from "./problem-rollup.ts";
import { useEffect } from "react";
import type { CachedUser } from "../cache/cache-db.ts";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, problemLabel, type WsMeasure } from "../cache/working-set.ts";
import { supervisionView, type MeasureSupervision as Sv } from "../closeout/closeout-model.ts";
import { MeasureSupervision } from "../closeout/measure-supervision.tsx";
import { useProblemSupervision } from "../closeout/use-problem-supervision.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { newUuid } from "../lib/ids.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { href, navigate } from "../router.ts";
import { useOnline } from "../services.tsx";
import { PublicLinks } from "./public-links.tsx";
import { measureParagraphs } from "./measure-text.ts";

interface MeasureProps {
  m: WsMeasure;
  problemId: string;
  staff: boolean;
  sv: Sv | undefined;
  role: CachedUser["role"];
  onChanged: () => void;
}

function Measure({ m, problemId, staff, sv, role, onChanged }: MeasureProps) {
  const { t } = useI18n();
  const { lead, points } = measureParagraphs(m.text, m.subPoints);
  const title = m.numbered ? t("problem.measure", { number: m.number }) : t("problem.unnumbered");
  const status = sv?.status ?? m.status;
  return (
    <li className="measure" aria-labelledby={`m-${m.id}`}>
      <h3 id={`m-${m.id}`}>
        {title}
        <LightBadge light={sv?.light ?? m.light} />
        <span className={`chip status-${status}`}>{t(keyOf("status", status))}</span>
        {m.overdue && !sv ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
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
        {m.longTerm ? t("au.longTerm") : m.deadline ? `${t("problem.deadline")}：${m.deadline}` : null}
        {m.responsibleUnit ? ` · ${t("problem.responsibleUnit")}：${m.responsibleUnit}` : null}
      </p>
      {sv ? <MeasureSupervision m={sv} title={title} role={role} onChanged={onChanged} /> : null}
      <p className="item-actions">
        <a href={href({ name: "timeline", measureId: m.id })}>
          {t("pg.timeline.title")} · {title}
        </a>
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
  const { workingSet, loaded, markOpened, refresh } = useWorkingSet();
  const online = useOnline();
  const problem = findProblem(workingSet, id);
  const supervision = useProblemSupervision(problem?.id ?? id, supervisionView(user.role));
  const onChanged = () => {
    void supervision.state.reload();
    void refresh(); // statuses on the home list follow
  };

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
  const deadline = rolledDeadline(problem);
  const units = rolledUnits(problem);
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
            <LightBadge light={supervision.problemLight ?? problem.light} />
            <span className={`chip status-${problem.status}`}>{t(keyOf("status", problem.status))}</span>
            {problem.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("problem.deadline")}</dt>
          <dd>
            {deadline.value === null ? none : "date" in deadline.value ? deadline.value.date : t("au.longTerm")}
            {deadline.fromMeasures ? <span className="muted small">{t("problem.fromMeasures.deadline")}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("problem.leadLeader")}</dt>
          <dd>{problem.leadLeader ?? none}</dd>
        </div>
        <div>
          <dt>{t("problem.responsibleUnit")}</dt>
          <dd>
            {units.value.length ? units.value.join("、") : none}
            {units.fromMeasures ? <span className="muted small">{t("problem.fromMeasures.units")}</span> : null}
          </dd>
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
      <PublicLinks problem={problem} role={user.role} />
      <h2>{t("problem.measures", { count: problem.measures.length })}</h2>
      {!online ? <p className="notice">{t("closeout.offline")}</p> : null}
      {online && supervision.state.failure ? (
        <p className="notice attention" role="alert">
          {t("closeout.loadFailed", { message: supervision.state.failure.message })}
        </p>
      ) : null}
      <ol className="measures">
        {problem.measures.map((m) => (
          <Measure
            key={m.id}
            m={m}
            problemId={problem.id}
            staff={staff}
            sv={supervision.byMeasure.get(m.id)}
            role={user.role}
            onChanged={onChanged}
          />
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
