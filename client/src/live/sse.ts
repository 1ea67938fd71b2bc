// GraphQL subscriptions over server-sent events for urql's subscriptionExchange: POST the operation with
// `Accept: text/event-stream` (graphql-yoga's distinct-connection mode), same-origin cookie, and read the stream.
// Invariants: a dropped stream reconnects with backoff until unsubscribed; a server `complete` or an HTTP refusal ends
// it for good; the connection state is published so screens can say "live" and re-query after a gap.
import type { ExecutionResult, SubscriptionForwarder } from "urql";

export interface SseEvent {
  event: string;
  data: string;
}

/** A stateful SSE parser (WHATWG rules): feed decoded text chunks, get the complete events they finish. */
export function createSseParser(): (chunk: string) => SseEvent[] {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const out: SseEvent[] = [];
    let match: RegExpExecArray | null;
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    while ((match = eol.exec(buffer))) {
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (match[0] === "\r" && match.index === buffer.length - 1) break;
      const line = buffer.slice(start, match.index);
      start = match.index + match[0].length;
      if (line === "") {
        if (data.length > 0) out.push({ event: event || "message", data: data.join("\n") });
        event = "";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    buffer = buffer.slice(start);
    return out;
  };
}

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

class FinalError extends Error {}

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
      let controller: AbortController | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let stopped = false;
      let attempt = 0;
      const finish = (error?: unknown) => {
        if (stopped) return;
        stopped = true;
        options.state?.set("stopped");
        if (error === undefined) observer.complete();
        else observer.error(error);
      };
      const connect = async () => {
        controller = new AbortController();
        options.state?.set(attempt === 0 ? "connecting" : "retrying");
        const res = await fetchImpl(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify(request),
          signal: controller.signal,
        });
        if (res.status >= 400 && res.status < 500) throw new FinalError(`subscription refused: HTTP ${res.status}`);
        if (!res.ok || !res.body) throw new Error(`subscription failed: HTTP ${res.status}`);
        if (!(res.headers.get("Content-Type") ?? "").includes("text/event-stream")) {
          observer.next((await res.json()) as ExecutionResult);
          return "complete";
        }
        options.state?.set("open");
        attempt = 0;
        const parse = createSseParser();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return "dropped";
          for (const e of parse(value)) {
            if (e.event === "complete") return "complete";
            if (e.event === "next" || e.event === "message") observer.next(JSON.parse(e.data) as ExecutionResult);
          }
        }
      };
      const run = () => {
        connect().then(
          (end) => (end === "complete" ? finish() : retry()),
          (error: unknown) => (error instanceof FinalError ? finish(error) : retry()),
        );
      };
      const retry = () => {
        if (stopped) return;
        options.state?.set("retrying");
        timer = setTimeout(run, delay(attempt++));
      };
      run();
      return {
        unsubscribe() {
          stopped = true;
          if (timer) clearTimeout(timer);
          controller?.abort();
          options.state?.set("idle");
        },
      };
    },
  });
}
