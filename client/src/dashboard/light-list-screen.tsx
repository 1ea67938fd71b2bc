// The list a dashboard count opens (issue 13 §8): exactly the measures (or problems) counted — a light, or a flag
// (overdue, due soon, relapsed) — red first, each opening its problem. Online, kept current by the live subscription.
import { useCallback } from "react";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf, type MessageKey } from "../i18n/i18n.ts";
import { ProblemRow } from "./problem-row.tsx";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { LightBadge } from "../lights/light-badge.tsx";
import { isLight, type Light } from "../lights/lights.ts";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import {
  byUrgency,
  isFlag,
  LIGHT_MEASURES_QUERY,
  LIGHT_PROBLEMS_QUERY,
  matches,
  type LightFlag,
} from "./light-list-model.ts";

function useTitle(of: "measures" | "problems", light: Light | null, flag: LightFlag | null): string {
  const t = useT();
  if (flag) return t(`misc.list.measures.${flag}` as MessageKey);
  if (!light) return t("misc.list.all");
  return t(of === "problems" ? "misc.list.problems.light" : "misc.list.measures.light", {
    light: t(keyOf("lightName", light)),
  });
}

function MeasureList({ light, flag }: { light: Light | null; flag: LightFlag | null }) {
  const t = useT();
  const { current } = useInspectionPick();
  const filter = { ...(current ? { inspectionId: current } : {}), ...(flag === "overdue" ? { overdue: true } : {}) };
  const state = useOnlineQuery(LIGHT_MEASURES_QUERY, { filter });
  const { reload } = state;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const data = state.data;
  const days = data?.trafficLightThresholds.dueSoonDays ?? 15;
  const now = new Date();
  const all = data?.measures.edges.map((e) => e.node) ?? [];
  const items = byUrgency(
    all.filter((m) => matches(m, { light, flag }, now, days)),
    (m) => m.problem.section,
  );
  return (
    <>
      <LoadState state={state} />
      {data ? <p className="summary">{t("misc.list.count", { count: items.length })}</p> : null}
      {data && data.measures.totalCount > all.length ? (
        <p className="notice">{t("misc.list.truncated", { shown: all.length, total: data.measures.totalCount })}</p>
      ) : null}
      {data && items.length === 0 ? <p className="muted">{t("misc.list.empty")}</p> : null}
      <ul className="item-list" aria-label={t("misc.list.count", { count: items.length })}>
        {items.map((m) => (
          <li key={m.id}>
            <a className="item-row" href={href({ name: "problem", id: m.problem.id })}>
              <span className="item-number">
                {problemLabel(m.problem)}
                {m.numbered ? `(${m.number})` : ""}
              </span>
              <span className="item-text">
                <span className="item-title">{m.text}</span>
                <span className="item-meta">
                  <LightBadge light={m.light} />
                  <span className={`chip status-${m.status}`}>{t(keyOf("status", m.status))}</span>
                  {m.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
                  {m.longTerm ? <span>{t("misc.list.longTerm")}</span> : null}
                  {m.deadline ? <span>{t("misc.list.deadline", { date: m.deadline })}</span> : null}
                  {m.responsibleUnit ? <span>{m.responsibleUnit.name}</span> : null}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function ProblemList({ light }: { light: Light | null }) {
  const t = useT();
  const { current } = useInspectionPick();
  const state = useOnlineQuery(LIGHT_PROBLEMS_QUERY, {
    filter: current ? { inspectionId: current } : {},
  });
  const { reload } = state;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const all = state.data?.problems.edges.map((e) => e.node) ?? [];
  const items = byUrgency(
    all.filter((p) => !light || p.light === light),
    (p) => p.section,
  );
  return (
    <>
      <LoadState state={state} />
      {state.data ? <p className="summary">{t("misc.list.count", { count: items.length })}</p> : null}
      {state.data && items.length === 0 ? <p className="muted">{t("misc.list.empty")}</p> : null}
      <ul className="item-list" aria-label={t("misc.list.count", { count: items.length })}>
        {items.map((p) => (
          <ProblemRow key={p.id} p={p} deadline={p.deadline ? t("misc.list.deadline", { date: p.deadline }) : null} />
        ))}
      </ul>
    </>
  );
}

export function LightListScreen(props: { of: "measures" | "problems"; light: string | null; flag: string | null }) {
  const t = useT();
  const light = isLight(props.light) ? props.light : null;
  const flag = isFlag(props.flag) ? props.flag : null;
  const title = useTitle(props.of, light, flag);
  return (
    <section className="screen" aria-labelledby="llist-title">
      <p>
        <a href={href({ name: "dashboard" })}>{t("dash.back")}</a>
      </p>
      <h1 id="llist-title">{title}</h1>
      <InspectionPicker />
      {props.of === "problems" && !flag ? <ProblemList light={light} /> : <MeasureList light={light} flag={flag} />}
    </section>
  );
}
