// The viewer's rectification actions as rows (light, status, due date, the finding) opening the action: on the
// liaison's home (the unit's actions not yet confirmed) and on staff's (answers to their findings waiting to be
// confirmed). Live: the ledger's change events (an action opened, answered…) re-read the list.
import { useCallback } from "react";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { MY_ACTIONS_QUERY, whyKey, type ActionSummary } from "./action-documents.ts";

export function ActionRow({ a }: { a: ActionSummary }) {
  const t = useT();
  const label = `${problemLabel(a.problem)}${a.measure ? `（${a.measure.number}）` : ""}`;
  return (
    <li>
      <a className="item-row" href={href({ name: "action", id: a.id })}>
        <span className="item-number">{label}</span>
        <span className="item-text">
          <span className="item-title">{a.findings || t(keyOf("cp.act.why", whyKey(a)))}</span>
          <span className="item-sub">{a.problem.title}</span>
          <span className="item-meta">
            <LightBadge light={a.light} />
            <span className={`chip action-${a.status}`}>{t(keyOf("cp.act.status", a.status))}</span>
            <span>{t("cp.act.due", { date: a.dueOn.slice(0, 10) })}</span>
            {a.overdue ? <span className="chip overdue">{t("cp.act.overdue")}</span> : null}
            <span>{a.unit.name}</span>
          </span>
        </span>
      </a>
    </li>
  );
}

function ActionList({
  show,
  id,
  title,
  hint,
  empty,
}: {
  show: (a: ActionSummary) => boolean;
  id: string;
  title: string;
  hint?: string;
  /** Shown when there are none; without it the whole section hides. */
  empty?: string;
}) {
  const q = useOnlineQuery(MY_ACTIONS_QUERY);
  const { reload } = q;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const list = (q.data?.myActions ?? []).filter(show);
  if (list.length === 0 && !empty) return null;
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {hint ? <p className="muted small">{hint}</p> : null}
      <LoadState state={q} />
      {q.data && list.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="item-list" aria-labelledby={id}>
        {list.map((a) => (
          <ActionRow key={a.id} a={a} />
        ))}
      </ul>
    </section>
  );
}

/** The liaison's home: what the unit must answer (and what waits for the inspector's check). */
export function MyActions() {
  const t = useT();
  return (
    <ActionList
      show={() => true}
      id="my-actions"
      title={t("cp.act.title")}
      hint={t("cp.act.hint")}
      empty={t("cp.act.empty")}
    />
  );
}

/** Staff's home: units' answers to their findings waiting for confirmation (hidden when none). */
export function ActionsToConfirm() {
  const t = useT();
  return (
    <ActionList show={(a) => a.status === "ANSWERED" && a.canCheck} id="to-confirm" title={t("cp.act.toConfirm")} />
  );
}
