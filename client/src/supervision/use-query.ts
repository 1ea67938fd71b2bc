// Online data for the supervision screens: run a query when the screen opens (and again on reload), report
// offline/failed plainly, and run typed mutations. A lost session only raises the "log in again" banner.
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnyVariables, TypedDocumentNode } from "urql";
import { runMutation, runQuery, type GqlFailureKind, type GqlResult } from "../graphql/client.ts";
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

/** Runs a typed document (graphql/tada.ts): the data's type is inferred from the schema. */
export function useOnlineQuery<T, V extends AnyVariables = AnyVariables>(
  query: TypedDocumentNode<T, V>,
  variables: V = {} as V,
  enabled = true,
): QueryState<T> {
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
    const r = await runQuery(client, query, JSON.parse(key) as V);
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

/** Runs a typed mutation whose `field` answers a payload union; the outcome's value is narrowed to the `success`
 * members of that union, the other members become the failure a form shows. */
export type MutationRunner = <R, V extends AnyVariables, K extends keyof R & string, S extends string>(
  mutation: TypedDocumentNode<R, V>,
  variables: V,
  field: K,
  success: readonly S[],
) => Promise<MutationOutcome<Extract<NonNullable<R[K]>, { __typename: S }>>>;

export function useMutationRunner(): MutationRunner {
  const { client, authLost } = useServices();
  return useCallback(
    async (mutation: TypedDocumentNode, variables: AnyVariables, field: string, success: readonly string[]) => {
      const r = await runMutation(client, mutation, variables as Record<string, unknown>);
      if (!r.ok && r.kind === "unauthenticated") authLost.emit();
      // The payload's shape is the schema's union; outcomeOf reads only __typename and the error fields.
      return outcomeOf(r as GqlResult<Record<string, TypedPayload>>, field, success) as never;
    },
    [client, authLost],
  ) as MutationRunner;
}
