// graphql-yoga over the Pothos schema: context per request, Set-Cookie from mutations, typed error masking.
// Invariant: only AppErrors (stable codes) and GraphQL validation errors reach clients verbatim.
import { createYoga, type Plugin } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { buildContext, type ServerDeps } from "./context.ts";
import { useDepthLimit } from "./graphql-limits.ts";

const cookiesByRequest = new WeakMap<Request, string[]>();

function cookiePlugin(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const c of cookiesByRequest.get(request) ?? []) response.headers.append("Set-Cookie", c);
    },
  };
}

export function createGraphQL(deps: ServerDeps) {
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: { title: "Rectify GraphQL" },
    landingPage: false,
    context: async (init) => {
      const ctx = await buildContext(deps, init);
      cookiesByRequest.set(init.request, (init as unknown as { pendingCookies: string[] }).pendingCookies);
      return ctx;
    },
    // AppErrors are GraphQLErrors with extensions.code, so yoga passes them through; anything else is masked.
    maskedErrors: true,
    plugins: [cookiePlugin(), useDepthLimit()],
  });
}
