// The live supervision state of one problem's measures (status, light, history, records, look-backs), read online
// beside the cached ledger and re-read when the live subscription reports a change to this problem.
import { useCallback, useMemo } from "react";
import { useLedgerChanged, type LedgerEvent } from "../live/use-ledger-changed.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";
import {
  PROBLEM_SUPERVISION_QUERY,
  supervisionVariables,
  type MeasureSupervision,
  type SupervisionView,
} from "./closeout-model.ts";

export function useProblemSupervision(problemId: string, view: SupervisionView) {
  const state = useOnlineQuery(PROBLEM_SUPERVISION_QUERY, supervisionVariables(problemId, view));
  const node = state.data?.node;
  const problem = node?.__typename === "Problem" ? node : null;
  const { reload } = state;
  const onChange = useCallback(
    (events: LedgerEvent[]) => {
      // An empty batch means "reconnected, something may have changed".
      if (events.length === 0 || events.some((e) => e.problemId === problemId)) void reload();
    },
    [reload, problemId],
  );
  useLedgerChanged(onChange);
  const byMeasure = useMemo(
    () => new Map<string, MeasureSupervision>((problem?.measures.edges ?? []).map((e) => [e.node.id, e.node])),
    [problem],
  );
  return { state, byMeasure, problemLight: problem?.light ?? null };
}
