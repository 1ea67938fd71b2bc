// The urql client for everything but record sync: same-origin cookie auth, POST only, no document cache (offline
// data lives in IndexedDB), a timeout so a dead connection ends; subscriptions over SSE (live/sse.ts, no timeout);
// and one helper that classifies failures.
import {
  Client,
  fetchExchange,
  subscriptionExchange,
  type AnyVariables,
  type CombinedError,
  type DocumentInput,
} from "urql";
import { sseForwarder, type LiveState } from "../live/sse.ts";

export const QUERY_TIMEOUT_MS = 30_000;

/** Told whether the server answered a request (false: no answer while online, or a proxy's 502/503/504). */
export type ReachabilityListener = (reachable: boolean) => void;

function fetchWithTimeout(onReachability?: ReachabilityListener) {
  return (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), QUERY_TIMEOUT_MS);
    init?.signal?.addEventListener("abort", () => controller.abort());
    return globalThis
      .fetch(input, { ...init, signal: controller.signal })
      .then(
        (res) => {
          onReachability?.(![502, 503, 504].includes(res.status));
          return res;
        },
        (error: unknown) => {
          // The caller gave up (a screen left): that says nothing about the server. Offline says nothing either.
          if (!init?.signal?.aborted && navigator.onLine) onReachability?.(false);
          throw error;
        },
      )
      .finally(() => clearTimeout(timer));
  };
}

export function createGraphqlClient(url = "/graphql", live?: LiveState, onReachability?: ReachabilityListener): Client {
  return new Client({
    url,
    exchanges: [subscriptionExchange({ forwardSubscription: sseForwarder({ url, state: live }) }), fetchExchange],
    fetchOptions: { credentials: "same-origin" },
    fetch: fetchWithTimeout(onReachability),
    preferGetMethod: false,
    requestPolicy: "network-only",
  });
}

export type GqlFailureKind = "network" | "unauthenticated" | "forbidden" | "unavailable" | "graphql";
export type GqlResult<T> = { ok: true; data: T } | { ok: false; kind: GqlFailureKind; message: string };

export function classifyError(error: CombinedError): { kind: GqlFailureKind; message: string } {
  if (error.networkError) return { kind: "network", message: error.networkError.message };
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  const message = error.graphQLErrors.map((e) => e.message).join("; ") || error.message;
  if (codes.includes("UNAUTHENTICATED")) return { kind: "unauthenticated", message };
  if (codes.includes("FORBIDDEN")) return { kind: "forbidden", message };
  // A schema validation error: this server does not have the field (yet).
  if (error.graphQLErrors.some((e) => /Cannot query field|Unknown type|Unknown argument/.test(e.message))) {
    return { kind: "unavailable", message };
  }
  return { kind: "graphql", message };
}

async function settle<T>(promise: Promise<{ data?: T; error?: CombinedError }>): Promise<GqlResult<T>> {
  const result = await promise;
  if (result.error) return { ok: false, ...classifyError(result.error) };
  if (result.data === undefined) return { ok: false, kind: "network", message: "empty response" };
  return { ok: true, data: result.data };
}

export function runQuery<T, V extends AnyVariables = AnyVariables>(
  client: Client,
  query: DocumentInput<T, V>,
  variables: V,
): Promise<GqlResult<T>> {
  return settle(client.query(query, variables).toPromise());
}

export function runMutation<T, V extends AnyVariables = AnyVariables>(
  client: Client,
  mutation: DocumentInput<T, V>,
  variables: V,
): Promise<GqlResult<T>> {
  return settle(client.mutation(mutation, variables).toPromise());
}
