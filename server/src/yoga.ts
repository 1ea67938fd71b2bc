// graphql-yoga over the Pothos schema: context per request, Set-Cookie from mutations, typed error masking,
// operation names/timings for logs and metrics, query limits (depth; cost, aliases, tokens, directives), CORS only for configured origins, GraphiQL per GRAPHIQL.
// Invariant: only AppErrors (stable codes) and GraphQL validation errors reach clients verbatim.
import { createYoga, type Plugin } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { buildContext, readCookie, type ServerDeps } from "./context.ts";
import { useDepthLimit } from "./graphql-limits.ts";
import { useArmor } from "./security/graphql-armor.ts";
import { COOKIE_NAME, findSessionUser } from "./auth/sessions.ts";
import { maskError } from "./security/error-mask.ts";
import { useInputGuard } from "./security/input-guard.ts";
import { useObserver } from "./ops/graphql-observer.ts";
import { useBodyLimit } from "./security/body-limit.ts";

const cookiesByRequest = new WeakMap<Request, string[]>();

function cookiePlugin(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const c of cookiesByRequest.get(request) ?? []) response.headers.append("Set-Cookie", c);
    },
  };
}

export function createGraphQL(deps: ServerDeps) {
  const { graphiql, allowedOrigins } = deps.security;
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    // GraphiQL for logged-in staff (by their session cookie) unless GRAPHIQL=public or off.
    graphiql: async (request) => {
      if (graphiql === "off") return false;
      if (graphiql === "public") return { title: "Rectify GraphQL" };
      const token = readCookie(request.headers.get("cookie"), COOKIE_NAME);
      const found = token ? await findSessionUser(deps.prisma, token) : null;
      return found && found.user.role !== "UNIT_LIAISON" ? { title: "Rectify GraphQL" } : false;
    },
    landingPage: false,
    // Enforced by useBodyLimit below, which does not stream every body through a counter.
    maxRequestBodySize: false,
    // No credentialed CORS for other origins: only ALLOWED_ORIGINS get CORS headers at all.
    cors: (request) => {
      const origin = request.headers.get("origin");
      return origin && allowedOrigins.includes(origin) ? { origin: [origin], credentials: true } : false;
    },
    context: async (init) => {
      const ctx = await buildContext(deps, init);
      cookiesByRequest.set(init.request, (init as unknown as { pendingCookies: string[] }).pendingCookies);
      return ctx;
    },
    // AppErrors are GraphQLErrors with extensions.code, so yoga passes them through; anything else is masked.
    // Malformed ids, cursors and NUL are answered as typed errors (security/error-mask.ts).
    maskedErrors: { maskError },
    plugins: [
      cookiePlugin(),
      useObserver(deps.metrics),
      useInputGuard(),
      useDepthLimit(),
      useArmor(deps.prisma, graphiql),
      // Last: it wraps whichever request parser the plugins above chose.
      useBodyLimit(),
    ],
  });
}
