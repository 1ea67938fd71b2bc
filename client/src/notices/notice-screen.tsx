// One monthly notice as issued (a snapshot): items due this month, overdue, without progress, and the month's field
// findings and its rectification actions (督促整改事项); "打印" opens the server's A4 page, "下载 Word" the .docx; a liaison confirms having read it.
import { useUser } from "../auth/session.tsx";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { periodName } from "../lib/period-name.ts";
import { href } from "../router.ts";
import { LoadState, when } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { AcknowledgeButton, AckState } from "./acknowledge-button.tsx";
import { NOTICE_LISTS, NOTICE_QUERY, type NoticeItem } from "./notices-model.ts";

function Items({ id, items }: { id: string; items: NoticeItem[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t("notice.noItems")}</p>;
  return (
    <ol className="card-list" aria-labelledby={id}>
      {items.map((i) => (
        <li key={i.measureId} className="card">
          <p>
            <a href={href({ name: "problem", id: i.problemId })}>
              <strong>{problemLabel({ section: i.section, number: i.problemNumber })}</strong> {i.problemTitle}
            </a>
          </p>
          <p>
            <strong>{t("problem.measure", { number: i.measureNumber })}</strong> {i.text}
          </p>
          <p className="item-meta">
            <span className={`chip status-${i.status}`}>{t(keyOf("status", i.status))}</span>
            <span>{i.deadline ? t("plist.deadline", { date: i.deadline }) : t("notice.noDeadline")}</span>
            {i.leadLeaderName ? <span>{i.leadLeaderName}</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function NoticeScreen({ id }: { id: string }) {
  const t = useT();
  const user = useUser();
  const state = useOnlineQuery(NOTICE_QUERY, { id });
  const node = state.data?.node;
  const n = node?.__typename === "MonthlyNotice" ? node : null;
  return (
    <article className="screen" aria-labelledby="notice-title">
      <p>
        <a href={href({ name: "notices" })}>{t("notice.back")}</a>
      </p>
      <LoadState state={state} />
      {state.data && !n ? <p className="notice attention">{t("notice.notFound")}</p> : null}
      {n ? (
        <>
          <p className="eyebrow">
            {periodName(t, n.month)} · {n.unit.name}
          </p>
          <h1 id="notice-title">{n.title}</h1>
          <p className="muted small">
            {t("notice.issuedBy", { name: n.issuedByName, date: when(n.issuedAt) })} ·{" "}
            {t("notice.range", { from: n.content.firstDay, to: n.content.lastDay })}
          </p>
          <p>
            <AckState n={n} />
          </p>
          {user.role === "UNIT_LIAISON" && !n.acknowledged ? (
            <AcknowledgeButton id={n.id} title={n.title} onDone={() => void state.reload()} />
          ) : null}
          <p className="item-actions">
            <a className="button secondary" href={n.printUrl} target="_blank" rel="noopener">
              {t("notice.print")}
            </a>
            <a className="button secondary" href={n.docxUrl}>
              {t("notice.docx")}
            </a>
          </p>
          {NOTICE_LISTS.map((list) => (
            <section key={list} aria-labelledby={`notice-${list}`}>
              <h2 id={`notice-${list}`}>{t(keyOf("notice.section", list), { count: n.content[list].length })}</h2>
              <Items id={`notice-${list}`} items={n.content[list]} />
            </section>
          ))}
          <section aria-labelledby="notice-findings">
            <h2 id="notice-findings">{t("notice.findings", { count: n.content.findings.length })}</h2>
            {n.content.findings.length === 0 ? <p className="muted">{t("notice.noItems")}</p> : null}
            <ul className="card-list">
              {n.content.findings.map((f) => (
                <li key={f.recordId} className="card">
                  <p className="item-meta">
                    <span className="chip kind">{t(keyOf("kind", f.kind))}</span>
                    <span>{f.date}</span>
                    {f.rating ? (
                      <span className={`chip rating-${f.rating}`}>{t(keyOf("rating", f.rating))}</span>
                    ) : null}
                    {f.followUpRequired ? <span className="chip attention">{t("records.followUpBadge")}</span> : null}
                  </p>
                  <p>
                    <strong>{f.problemTitle}</strong>
                    {f.measureNumbers.length
                      ? ` · ${t("records.measures", { numbers: f.measureNumbers.map((x) => `(${x})`).join("") })}`
                      : ""}
                  </p>
                  <p className="record-findings">{f.findings}</p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="notice-actions">
            <h2 id="notice-actions">{t("notice.actions", { count: n.content.actions.length })}</h2>
            {n.content.actions.length === 0 ? <p className="muted">{t("notice.noItems")}</p> : null}
            <ul className="card-list">
              {n.content.actions.map((a) => (
                <li key={a.actionId} className="card">
                  <p className="item-meta">
                    <span className={`chip action-${a.status}`}>{t(keyOf("cp.act.status", a.status))}</span>
                    <span>{t("cp.act.due", { date: a.dueOn })}</span>
                    {a.overdue ? <span className="chip attention">{t("cp.act.overdue")}</span> : null}
                  </p>
                  <p>
                    <a href={href({ name: "action", id: a.actionId })}>
                      <strong>{a.problemTitle}</strong>
                    </a>
                  </p>
                  <p className="record-findings">{a.findings}</p>
                  {a.measureNumber !== null ? (
                    <p>
                      <strong>{t("problem.measure", { number: a.measureNumber })}</strong> {a.measureText}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </article>
  );
}
