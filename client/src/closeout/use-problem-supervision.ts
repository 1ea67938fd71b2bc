// The live supervision state of one problem's measures (status, light, history, records, look-backs), read online
// beside the cached ledger and re-read when the live subscription reports a change to this problem.
import { useCallback, useMemo } from "react";
import { useLedgerChanged, type LedgerEvent } from "../live/use-ledger-changed.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";
import {
  problemSupervisionQuery,
  type MeasureSupervision,
  type ProblemSupervisionData,
  type SupervisionView,
} from "./closeout-model.ts";

export function useProblemSupervision(problemId: string, view: SupervisionView) {
  const state = useOnlineQuery<ProblemSupervisionData>(problemSupervisionQuery(view), { id: problemId });
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
    () => new Map<string, MeasureSupervision>((state.data?.node?.measures.edges ?? []).map((e) => [e.node.id, e.node])),
    [state.data],
  );
  return { state, byMeasure, problemLight: state.data?.node?.light ?? null };
}
