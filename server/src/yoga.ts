// graphql-yoga over the Pothos schema: context per request, Set-Cookie from mutations, typed error masking.
// Invariant: only AppErrors (stable codes) and GraphQL validation errors reach clients verbatim; anything
// else is masked as INTERNAL and logged.
import { createYoga, type Plugin } from "graphql-yoga";
import { GraphQLError } from "graphql";
import { schema } from "./schema/index.ts";
import { buildContext, type ServerDeps } from "./context.ts";
import { AppError } from "./errors.ts";

const cookiesByRequest = new WeakMap<Request, string[]>();

function cookiePlugin(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const c of cookiesByRequest.get(request) ?? []) response.headers.append("Set-Cookie", c);
    },
  };
}

function appErrorOf(err: unknown): AppError | null {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof AppError) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return null;
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
    maskedErrors: {
      maskError(error, message) {
        const app = appErrorOf(error);
        if (app && error instanceof GraphQLError) {
          return new GraphQLError(app.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions: { code: app.code },
          });
        }
        console.error(error);
        return new GraphQLError(message, { extensions: { code: "INTERNAL" } });
      },
    },
    plugins: [cookiePlugin()],
  });
}
