import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CJS (main) and ESM (module) copies without an exports map: Node loads the CJS one for
// graphql-yoga and Pothos, while Vite would pick the ESM one for our sources. Two copies break
// `instanceof GraphQLError`, so point Vite at the very file Node loads.
const graphqlMain = createRequire(new URL("../server/package.json", import.meta.url)).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ["api/**/*.test.ts", "cli/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
