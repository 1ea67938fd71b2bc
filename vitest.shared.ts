// Shared Vitest settings. graphql 16 ships CJS (main) and ESM (module) copies without an exports map: Node
// loads the CJS one for graphql-yoga and Pothos, while Vite would pick the ESM one for our sources. Two copies
// break `instanceof GraphQLError` and schema building, so Vite is pointed at the very file Node loads.
import { createRequire } from "node:module";

const graphqlMain = createRequire(new URL("./server/package.json", import.meta.url)).resolve("graphql");

export const graphqlAlias = [{ find: /^graphql$/, replacement: graphqlMain }];
