// 督办看板: traffic-light counts of the measures the viewer may see (a liaison: their unit's), overall and per unit,
// lead leader and problem; tables sort by red count; rows open the filtered problem list or the problem. Live: the
// ledgerChanged subscription re-runs the query, and "已更新 HH:MM" says when the figures were read.
import { useCallback } from "react";
import { useUser } from "../auth/session.tsx";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";

import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { countOf, LIGHTS, type LightCounts } from "../lights/lights.ts";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { isSupervisor } from "../supervision/menu.ts";
import { hhmm, LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { DASHBOARD_QUERY } from "./dashboard-model.ts";
import { LightTable } from "./light-table.tsx";
import { ThresholdsForm } from "./thresholds-form.tsx";

/** Every count opens the list of exactly what it counts (issue 13 §8); red first, as LIGHTS is ordered. */
function Summary({ measures, problems }: { measures: LightCounts; problems: LightCounts }) {
  const t = useT();
  const flags = [
    ["overdue", "dash.overdue", measures.overdue],
    ["dueSoon", "dash.dueSoon", measures.dueSoon],
    ["relapsed", "dash.relapsed", measures.relapsed],
  ] as const;
  return (
    <section aria-labelledby="dash-summary">
      <h2 id="dash-summary">{t("dash.summary", { measures: measures.total, problems: problems.total })}</h2>
      <ul className="light-tiles">
        {LIGHTS.map((l) => {
          const light = t(keyOf("lightName", l));
          const m = countOf(measures, l);
          const p = countOf(problems, l);
          return (
            <li key={l} className={`light-tile light-${l}`}>
              <LightBadge light={l} />
              <a
                className="tile-link"
                href={href({ name: "lights", of: "measures", light: l, flag: null })}
                aria-label={t("misc.tile.measuresLabel", { light, count: m })}
              >
                <span className="tile-count">{m}</span> <span>{t("misc.tile.measuresUnit")}</span>
              </a>
              <a
                className="tile-link small"
                href={href({ name: "lights", of: "problems", light: l, flag: null })}
                aria-label={t("misc.tile.problemsLabel", { light, count: p })}
              >
                {t("misc.tile.problems", { light, count: p })}
              </a>
            </li>
          );
        })}
      </ul>
      <dl className="flag-counts">
        {flags.map(([flag, key, count]) => (
          <div key={flag}>
            <dt>{t(key)}</dt>
            <dd>
              <a
                className="tile-link"
                href={href({ name: "lights", of: "measures", light: null, flag })}
                aria-label={t("misc.flag.open", { flag: t(key), count })}
              >
                {count}
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function DashboardScreen() {
  const t = useT();
  const user = useUser();
  const announce = useAnnounce();
  const { current } = useInspectionPick();
  const state = useOnlineQuery(DASHBOARD_QUERY, { inspection: current });
  const { reload } = state;
  const onLive = useCallback(() => void reload(), [reload]);
  const live = useLedgerChanged(onLive);
  const d = state.data?.dashboard;

  async function refresh() {
    const ok = await reload();
    announce(ok ? t("dash.refreshed") : t("dash.refreshFailed"));
  }

  return (
    <section className="screen" aria-labelledby="dash-title">
      <h1 id="dash-title">{t("dash.title")}</h1>
      <InspectionPicker />
      <div className="refresh-line">
        <p className="muted">
          {state.loadedAt ? t("dash.updatedAt", { time: hhmm(new Date(state.loadedAt)) }) : null}
          {" · "}
          {t(keyOf("live", live))}
        </p>
        <button type="button" className="secondary small" onClick={() => void refresh()} disabled={state.loading}>
          {t("dash.refresh")}
        </button>
      </div>
      <LoadState state={state} />
      {d ? (
        <>
          <Summary measures={d.measures} problems={d.problems} />
          <details className="legend">
            <summary>{t("dash.legend")}</summary>
            <dl>
              {LIGHTS.map((l) => (
                <div key={l}>
                  <dt>
                    <LightBadge light={l} />
                  </dt>
                  <dd>{t(keyOf("lightRule", l), { days: d.dueSoonDays })}</dd>
                </div>
              ))}
            </dl>
            <p className="small">{t("dash.legendProblems")}</p>
          </details>

          <h2 id="dash-units">{t("dash.byUnit")}</h2>
          <LightTable
            labelledBy="dash-units"
            nameHeader={t("dash.unit")}
            rows={d.byUnit}
            rowKey={(r) => r.unit?.id ?? "none"}
            counts={(r) => r.counts}
            lights={LIGHTS}
            name={(r) =>
              r.unit ? (
                <a href={href({ name: "problems", unitId: r.unit.id, leaderId: null, label: r.unit.name })}>
                  {r.unit.name}
                </a>
              ) : (
                <span className="muted">{t("dash.noUnit")}</span>
              )
            }
          />

          <h2 id="dash-leaders">{t("dash.byLeader")}</h2>
          <LightTable
            labelledBy="dash-leaders"
            nameHeader={t("dash.leader")}
            rows={d.byLeader}
            rowKey={(r) => r.leader?.id ?? "none"}
            counts={(r) => r.counts}
            lights={LIGHTS}
            name={(r) =>
              r.leader ? (
                <a href={href({ name: "problems", unitId: null, leaderId: r.leader.id, label: r.leader.name })}>
                  {r.leader.name}
                </a>
              ) : (
                <span className="muted">{t("dash.noLeader")}</span>
              )
            }
          />

          <h2 id="dash-problems">{t("dash.byProblem")}</h2>
          <LightTable
            labelledBy="dash-problems"
            nameHeader={t("dash.problem")}
            rows={d.byProblem}
            rowKey={(r) => r.problem.id}
            counts={(r) => r.counts}
            lights={["RED"]}
            extra={{ header: t("dash.light"), cell: (r) => <LightBadge light={r.light} /> }}
            name={(r) => (
              <a href={href({ name: "problem", id: r.problem.id })}>
                <span className="item-number">{problemLabel(r.problem)}</span> {r.problem.title}
              </a>
            )}
          />

          <h2 id="dash-threshold">{t("dash.thresholdTitle")}</h2>
          <ThresholdsForm
            days={state.data?.trafficLightThresholds.dueSoonDays ?? d.dueSoonDays}
            editable={isSupervisor(user.role)}
            onSaved={() => void reload()}
          />
        </>
      ) : null}
    </section>
  );
}
