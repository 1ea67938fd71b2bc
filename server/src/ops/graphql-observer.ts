// A yoga plugin that tells the request log (request-log.ts) and the metrics which GraphQL operation ran, of
// which type, for which user id, how long it took and whether it failed. Invariant: it reads, never changes,
// the operation and its result; labels are bounded (operationLabel).
import { getOperationAST } from "graphql";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.ts";
import { type Metrics } from "./metrics.ts";
import { requestInfo } from "./request-log.ts";

/** Metrics label for an operation name: the first `max` distinct plain names, then "other" (bounded series). */
export function operationLabeler(max = 200) {
  const seen = new Set<string>();
  return (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "invalid";
    if (seen.has(name)) return name;
    if (seen.size >= max) return "other";
    seen.add(name);
    return name;
  };
}

export function useObserver(metrics: Metrics): Plugin {
  const label = operationLabeler();
  const begin = (args: { document: unknown; operationName?: string | null; contextValue: unknown }) => {
    const ctx = args.contextValue as Context & { req?: IncomingMessage };
    const op = getOperationAST(args.document as never, args.operationName);
    const name = args.operationName ?? op?.name?.value ?? null;
    const type = op?.operation ?? "unknown";
    const info = ctx.req ? requestInfo(ctx.req) : undefined;
    if (info) {
      info.operation = name ? name.slice(0, 64) : null;
      info.operationType = type;
      info.userId = ctx.viewer?.id ?? null;
      if (type === "subscription") info.stream = true;
    }
    return { operation: label(name), type, started: performance.now() };
  };
  const done = (o: ReturnType<typeof begin>, result: unknown) => {
    const failed = !!(result as { errors?: unknown[] } | null)?.errors?.length;
    metrics.graphqlOperations.inc({ operation: o.operation, type: o.type, outcome: failed ? "error" : "ok" });
    if (o.type !== "subscription")
      metrics.graphqlDuration.observe({ operation: o.operation, type: o.type }, (performance.now() - o.started) / 1000);
  };
  return {
    onExecute({ args }) {
      const o = begin(args);
      return { onExecuteDone: ({ result }) => done(o, result) };
    },
    onSubscribe({ args }) {
      const o = begin(args);
      return { onSubscribeResult: ({ result }) => done(o, result) };
    },
  };
}
