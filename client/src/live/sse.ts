// GraphQL subscriptions over server-sent events for urql's subscriptionExchange, through the `graphql-sse` client in
// its distinct-connections mode (one POST with `Accept: text/event-stream` per subscription, as graphql-yoga serves).
// Invariants: a dropped stream reconnects with backoff until unsubscribed; a server `complete` or an HTTP refusal
// (4xx) ends it for good; the connection state is published so screens can say "live" and re-query after a gap.
import { createClient, NetworkError } from "graphql-sse";
import type { ExecutionResult, SubscriptionForwarder } from "urql";

export type LiveStatus = "idle" | "connecting" | "open" | "retrying" | "stopped";

/** The live connection's state, readable with useSyncExternalStore; `opened` counts successful connections. */
export interface LiveState {
  get(): { status: LiveStatus; opened: number };
  set(status: LiveStatus): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveState(): LiveState {
  let snapshot = { status: "idle" as LiveStatus, opened: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(status) {
      if (status === snapshot.status) return;
      snapshot = { status, opened: snapshot.opened + (status === "open" ? 1 : 0) };
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
}

/** A stream that ends without `complete` was dropped (a proxy timeout, a server restarting). graphql-sse 2.6 reports
 * that only when a result is being awaited at that moment; when the last chunk and the end arrive together it waits
 * forever. Ending the body with its NetworkError instead makes every drop a retry. */
function endAsDropped(res: Response, completed: () => boolean): Response {
  if (!res.body || !(res.headers.get("Content-Type") ?? "").includes("text/event-stream")) return res;
  const body = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      flush(controller) {
        if (!completed()) controller.error(new NetworkError("the event stream ended without complete"));
      },
    }),
  );
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** Thrown from the retry hook to end a subscription: graphql-sse retries every network-level failure, an HTTP
 * refusal included, so the refusal is remembered from the response and turned into a final error here. */
class SubscriptionRefused extends Error {}

export interface SseForwarderOptions {
  url?: string;
  fetch?: typeof fetch;
  state?: LiveState;
  delay?: (attempt: number) => number;
}

export function sseForwarder(options: SseForwarderOptions = {}): SubscriptionForwarder {
  const url = options.url ?? "/graphql";
  const delay = options.delay ?? retryDelayMs;
  return (request) => ({
    subscribe(observer) {
      const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
      let refusedStatus: number | null = null;
      let stopped = false;
      let completed = false;
      const client = createClient({
        url,
        credentials: "same-origin",
        retryAttempts: Number.POSITIVE_INFINITY,
        fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
          completed = false;
          const res = await fetchImpl(input, init);
          if (res.status >= 400 && res.status < 500) refusedStatus = res.status;
          return endAsDropped(res, () => completed);
        },
        retry: async (attempt) => {
          if (refusedStatus !== null) throw new SubscriptionRefused(`subscription refused: HTTP ${refusedStatus}`);
          options.state?.set("retrying");
          await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
        },
        on: {
          connecting: (reconnecting) => options.state?.set(reconnecting ? "retrying" : "connecting"),
          connected: () => options.state?.set("open"),
          message: (message) => {
            if (message.event === "complete") completed = true;
          },
        },
      });
      const end = () => {
        stopped = true;
        options.state?.set("stopped");
        client.dispose();
      };
      // urql leaves `query` optional for persisted queries; this app always sends the document.
      const dispose = client.subscribe<ExecutionResult["data"]>(
        { ...request, query: request.query ?? "" },
        {
          next: (result) => observer.next(result as ExecutionResult),
          complete: () => {
            if (stopped) return;
            end();
            observer.complete();
          },
          error: (error) => {
            if (stopped) return;
            end();
            observer.error(error);
          },
        },
      );
      return {
        unsubscribe() {
          stopped = true;
          dispose();
          client.dispose();
          options.state?.set("idle");
        },
      };
    },
  });
}
