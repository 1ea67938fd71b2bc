// Online data for the supervision screens: run a query when the screen opens (and again on reload), report
// offline/failed plainly, and run typed mutations. A lost session only raises the "log in again" banner.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnyVariables } from "urql";
import { runMutation, runQuery, type GqlFailureKind } from "../graphql/client.ts";
import { useOnline, useServices } from "../services.tsx";
import { outcomeOf, type MutationOutcome, type TypedPayload } from "./typed-result.ts";

export interface QueryState<T> {
  data: T | null;
  failure: { kind: GqlFailureKind; message: string } | null;
  loading: boolean;
  /** Epoch ms of the last successful load. */
  loadedAt: number | null;
  reload: () => Promise<boolean>;
}

export function useOnlineQuery<T>(query: string, variables: AnyVariables = {}, enabled = true): QueryState<T> {
  const { client, authLost } = useServices();
  const online = useOnline();
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<QueryState<T>["failure"]>(null);
  const [loading, setLoading] = useState(false);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    const r = await runQuery<T>(client, query, JSON.parse(key) as AnyVariables);
    if (ticket !== latest.current) return false; // a newer request (other variables) answers instead
    setLoading(false);
    if (!r.ok) {
      if (r.kind === "unauthenticated") authLost.emit();
      setFailure(r);
      return false;
    }
    setFailure(null);
    setData(r.data);
    setLoadedAt(Date.now());
    return true;
  }, [client, authLost, query, key]);

  useEffect(() => {
    if (enabled && online) void reload();
  }, [reload, enabled, online]);

  return { data, failure, loading, loadedAt, reload };
}

export function useMutationRunner() {
  const { client, authLost } = useServices();
  return useCallback(
    async <P extends TypedPayload>(
      mutation: string,
      variables: AnyVariables,
      field: string,
      success: readonly string[],
    ): Promise<MutationOutcome<P>> => {
      const r = await runMutation<Record<string, P>>(client, mutation, variables);
      if (!r.ok && r.kind === "unauthenticated") authLost.emit();
      return outcomeOf(r, field, success);
    },
    [client, authLost],
  );
}
