// Live streams (SSE subscriptions) end with the session that opened them: on logout, on revoking that session
// or all of a user's sessions, and on deactivating the user (on whichever server the stream is open); and when
// the server shuts down, so the client reconnects to another. Invariant: nothing is pushed after the session ended.
import { Repeater } from "graphql-yoga";
import type { Context } from "../context.ts";

export function untilSessionEnds<T>(source: AsyncIterable<T>, ctx: Context): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const ended = ctx.pubsub.subscribe("sessionEnded")[Symbol.asyncIterator]();
    const events = source[Symbol.asyncIterator]();
    let closed = false;
    const onDrain = () => stop();
    if (ctx.draining.aborted) stop();
    ctx.draining.addEventListener("abort", onDrain, { once: true });
    void stop.then(() => {
      closed = true;
      ctx.draining.removeEventListener("abort", onDrain);
      void events.return?.();
      void ended.return?.();
    });
    void (async () => {
      for (;;) {
        const r = await ended.next();
        if (r.done || closed) return;
        const e = r.value;
        if (e.userId === ctx.viewer?.id && (e.sessionId === null || e.sessionId === ctx.sessionId)) {
          stop();
          return;
        }
      }
    })();
    for (;;) {
      const r = await events.next();
      if (r.done || closed) break;
      await push(r.value);
    }
    stop();
  });
}
