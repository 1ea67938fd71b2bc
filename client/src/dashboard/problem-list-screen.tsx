// The problems of one unit (responsible or participating) or one lead leader, online, each with its light; opened
// from the dashboard's tables and kept current by the live subscription.
import { useCallback } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { href } from "../router.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { ProblemRow } from "./problem-row.tsx";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { PROBLEMS_QUERY } from "./problem-list-model.ts";

export function ProblemListScreen(props: { unitId: string | null; leaderId: string | null; label: string | null }) {
  const t = useT();
  const { current } = useInspectionPick();
  const filter = {
    ...(props.unitId ? { unitId: props.unitId } : props.leaderId ? { leadLeaderId: props.leaderId } : {}),
    ...(current ? { inspectionId: current } : {}),
  };
  const state = useOnlineQuery(PROBLEMS_QUERY, { filter });
  const { reload } = state;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const scope = props.unitId ? "unit" : props.leaderId ? "leader" : "all";
  const problems = state.data?.problems.edges.map((e) => e.node) ?? [];
  return (
    <section className="screen" aria-labelledby="plist-title">
      <p>
        <a href={href({ name: "dashboard" })}>{t("dash.back")}</a>
      </p>
      <h1 id="plist-title">{t(keyOf("plist.title", scope), { name: props.label ?? "" })}</h1>
      <InspectionPicker />
      <LoadState state={state} />
      {state.data ? <p className="summary">{t("plist.count", { count: state.data.problems.totalCount })}</p> : null}
      <ul className="item-list">
        {problems.map((p) => (
          <ProblemRow key={p.id} p={p} deadline={p.deadline ? t("plist.deadline", { date: p.deadline }) : null} />
        ))}
      </ul>
    </section>
  );
}
