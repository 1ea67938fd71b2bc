import { defineConfig } from "vitest/config";
import { graphqlAlias } from "../vitest.shared.ts";

export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: { include: [], benchmark: { include: ["bench/**/*.bench.ts"] }, hookTimeout: 120_000 },
});
