// Live streams (SSE subscriptions) end with the session that opened them: on logout, on revoking that session
// or all of a user's sessions, and on deactivating the user (on whichever server the stream is open). Shutdown
// does not end streams here (that would send `complete`, which ends a client's subscription for good): server.ts
// drops them instead, so clients reconnect to another server. Invariant: nothing is pushed after the session ended.
import { Repeater } from "graphql-yoga";
import type { Context } from "../context.ts";

export function untilSessionEnds<T>(source: AsyncIterable<T>, ctx: Context): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const ended = ctx.pubsub.subscribe("sessionEnded")[Symbol.asyncIterator]();
    const events = source[Symbol.asyncIterator]();
    let closed = false;
    void stop.then(() => {
      closed = true;
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
