// 意见建议: opinions the public sent from the disclosure pages, newest first, filtered by status (new by default),
// for supervisors to triage, answer or dismiss.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { OpinionCard } from "./opinion-card.tsx";
import { OPINION_STATUSES, OPINIONS_QUERY, type OpinionStatus } from "./opinions-model.ts";

export function OpinionsScreen() {
  const t = useT();
  const [status, setStatus] = useState<OpinionStatus | "">("NEW");
  const state = useOnlineQuery(OPINIONS_QUERY, { status: status || null });
  const items = state.data?.opinions.edges.map((e) => e.node) ?? [];
  return (
    <section className="screen" aria-labelledby="op-title">
      <h1 id="op-title">{t("opinion.title")}</h1>
      <div className="field">
        <label htmlFor="f-op-status">{t("opinion.filter")}</label>
        <select id="f-op-status" value={status} onChange={(e) => setStatus(e.target.value as OpinionStatus | "")}>
          {OPINION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(keyOf("opinion.status", s))}
            </option>
          ))}
          <option value="">{t("common.any")}</option>
        </select>
      </div>
      <LoadState state={state} />
      {state.data ? <p className="summary">{t("opinion.count", { count: state.data.opinions.totalCount })}</p> : null}
      {state.data && items.length === 0 ? <p className="muted">{t("opinion.none")}</p> : null}
      <ul className="card-list">
        {items.map((o) => (
          <OpinionCard key={o.id} o={o} onChanged={() => void state.reload()} />
        ))}
      </ul>
    </section>
  );
}
