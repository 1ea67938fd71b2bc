// 回头看: look-backs by outcome (pending by default), soonest first, overdue marked. Supervisors record the outcome;
// inspectors read, and can go straight to recording the look-back inspection on that measure.
import { useCallback, useState } from "react";
import { useUser } from "../auth/session.tsx";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { isSupervisor } from "../supervision/menu.ts";
import { LoadState, when } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { CompleteForm } from "./complete-form.tsx";
import { LOOK_BACKS_QUERY, OUTCOMES, type Outcome } from "./lookbacks-model.ts";

export function LookBacksScreen() {
  const t = useT();
  const user = useUser();
  const supervisor = isSupervisor(user.role);
  const [outcome, setOutcome] = useState<Outcome | "">("PENDING");
  const [open, setOpen] = useState<string | null>(null);
  const state = useOnlineQuery(LOOK_BACKS_QUERY, { outcome: outcome || null });
  const { reload } = state;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const items = state.data?.lookBacks.edges.map((e) => e.node) ?? [];
  return (
    <section className="screen" aria-labelledby="lb-title">
      <h1 id="lb-title">{t("lookback.title")}</h1>
      <div className="field">
        <label htmlFor="f-lb-outcome">{t("lookback.filter")}</label>
        <select id="f-lb-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | "")}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(keyOf("lookback.outcome", o))}
            </option>
          ))}
          <option value="">{t("common.any")}</option>
        </select>
      </div>
      <LoadState state={state} />
      {state.data ? <p className="summary">{t("lookback.count", { count: state.data.lookBacks.totalCount })}</p> : null}
      {state.data && items.length === 0 ? <p className="muted">{t("lookback.none")}</p> : null}
      <ul className="card-list">
        {items.map((lb) => {
          const m = lb.measure;
          const title = `${problemLabel(m.problem)} ${m.numbered ? t("problem.measure", { number: m.number }) : t("problem.unnumbered")}`;
          return (
            <li key={lb.id} className={lb.overdue ? "card overdue-card" : "card"}>
              <p className="item-meta">
                <strong>{t("lookback.due", { date: lb.dueDate })}</strong>
                {lb.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
                <span className="chip">{t(keyOf("lookback.outcome", lb.outcome))}</span>
                <LightBadge light={m.light} />
              </p>
              <h2 className="card-title">
                <a href={href({ name: "problem", id: m.problem.id })}>
                  {title} · {m.problem.title}
                </a>
              </h2>
              <p className="clamp">{m.text}</p>
              <p className="muted small">{t("lookback.closedAt", { time: when(lb.closedAt) })}</p>
              {lb.note ? <p>{t("lookback.noteIs", { note: lb.note })}</p> : null}
              {lb.outcome === "PENDING" && supervisor ? (
                open === lb.id ? (
                  <CompleteForm
                    lb={lb}
                    title={title}
                    onCancel={() => setOpen(null)}
                    onDone={() => {
                      setOpen(null);
                      void reload();
                    }}
                  />
                ) : (
                  <button type="button" className="primary" onClick={() => setOpen(lb.id)}>
                    {t("lookback.complete")}
                    <span className="visually-hidden"> · {title}</span>
                  </button>
                )
              ) : null}
              {lb.outcome === "PENDING" && !supervisor ? (
                <a
                  className="link-button"
                  href={href({ name: "capture", recordId: null, problemId: m.problem.id, measureId: m.id })}
                >
                  {t("lookback.recordLink")}
                  <span className="visually-hidden"> · {title}</span>
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
