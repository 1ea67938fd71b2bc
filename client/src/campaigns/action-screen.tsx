// One rectification action (督促整改事项): the finding and the record behind it, due date and light, the unit's
// answers with their evidence; the unit answers through the progress-with-evidence flow (报送整改进展 naming this
// action), the inspector or a supervisor confirms or reopens an answered one. Live: re-read on ledger changes.
import { useCallback } from "react";
import { useUser } from "../auth/session.tsx";
import { problemLabel, rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { LoadState, when } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { ACTION_QUERY, whyKey, type ActionDetail } from "./action-documents.ts";
import { ActionReview } from "./action-review.tsx";

function Answers({ a }: { a: ActionDetail }) {
  const t = useT();
  return (
    <section aria-labelledby="act-answers">
      <h2 id="act-answers">{t("cp.act.answers")}</h2>
      {a.answers.length === 0 ? <p className="muted">{t("cp.act.noAnswers")}</p> : null}
      <ul className="card-list">
        {a.answers.map((ans) => (
          <li key={ans.id} className="card">
            <p className="muted small">
              {ans.authorName} · {when(ans.createdAt)}
            </p>
            <p className="prewrap">{ans.text}</p>
            <ul className="plain">
              {ans.attachments.map((f) =>
                f.mimeType.startsWith("image/") && f.complete ? (
                  <li key={f.id}>
                    <img className="evidence-thumb" src={f.url} alt={f.fileName} />
                  </li>
                ) : (
                  <li key={f.id}>
                    <a href={f.url} target="_blank" rel="noopener">
                      {f.fileName}
                    </a>
                  </li>
                ),
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ActionScreen({ id }: { id: string }) {
  const t = useT();
  const user = useUser();
  const q = useOnlineQuery(ACTION_QUERY, { id });
  const { reload } = q;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const node = q.data?.node;
  const a = node?.__typename === "RectificationAction" ? node : null;
  const liaison = user.role === "UNIT_LIAISON";
  const label = a ? `${problemLabel(a.problem)}${a.measure ? `（${a.measure.number}）` : ""}` : "";

  return (
    <section className="screen" aria-labelledby="act-title">
      <h1 id="act-title">{t("cp.act.detail")}</h1>
      <LoadState state={q} />
      {q.data && !a ? <p className="notice attention">{t("cp.act.unknown")}</p> : null}
      {a ? (
        <>
          <p className="item-meta">
            <LightBadge light={a.light} />
            <span className={`chip action-${a.status}`}>{t(keyOf("cp.act.status", a.status))}</span>
            <span>{t("cp.act.due", { date: a.dueOn.slice(0, 10) })}</span>
            {a.overdue ? <span className="chip overdue">{t("cp.act.overdue")}</span> : null}
          </p>
          <dl className="facts">
            <div>
              <dt>{t("cp.act.finding")}</dt>
              <dd>
                <strong>{t(keyOf("cp.act.why", whyKey(a)))}</strong>
                {a.findings ? <span className="prewrap">：{a.findings}</span> : null}
                <br />
                <span className="muted small">
                  {t("cp.act.record", {
                    kind: t(keyOf("kind", a.recordKind)),
                    who: a.inspectorName,
                    date: when(a.recordedAt),
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t("cp.act.measure")}</dt>
              <dd>
                <a href={href({ name: "problem", id: a.problem.id })}>
                  <span className="item-number">{label}</span> {a.problem.title}
                </a>
                {a.measure ? <span className="item-sub block-text">{a.measure.text}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t("cp.act.unit")}</dt>
              <dd>{a.unit.name}</dd>
            </div>
            {a.campaignName ? (
              <div>
                <dt>{t("cp.act.campaign")}</dt>
                <dd>{a.campaignName}</dd>
              </div>
            ) : null}
          </dl>
          {a.status === "REOPENED" && a.reopenReason ? (
            <p className="notice attention">{t("cp.act.reopenReason", { reason: a.reopenReason })}</p>
          ) : null}
          {liaison && (a.status === "OPEN" || a.status === "REOPENED") ? (
            <a
              className="button primary block"
              href={href({
                name: "report",
                id: null,
                measureIds: a.measure ? [rawId(a.measure.id)] : [],
                answers: null,
                action: a.id,
              })}
            >
              {t("cp.act.answer")}
            </a>
          ) : null}
          <Answers a={a} />
          {a.status === "CONFIRMED" ? (
            <p className="notice">
              {t("cp.act.confirmedBy", {
                who: a.confirmedByName ?? "",
                date: a.confirmedAt ? when(a.confirmedAt) : "",
              })}
            </p>
          ) : null}
          {a.canCheck && a.status === "ANSWERED" ? <ActionReview actionId={a.id} onDone={() => void reload()} /> : null}
          {a.canCheck ? (
            // A re-check on site is a new field record on the same measure.
            <a
              className="button secondary block"
              href={href({
                name: "capture",
                recordId: null,
                problemId: a.problem.id,
                measureId: a.measure?.id ?? null,
              })}
            >
              {t("cp.act.recheck")}
            </a>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
