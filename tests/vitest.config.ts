import { defineConfig } from "vitest/config";
import { graphqlAlias } from "../vitest.shared.ts";

export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: {
    include: ["api/**/*.test.ts", "cli/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
