import { defineConfig } from "vitest/config";
import { graphqlAlias } from "../vitest.shared.ts";

// Browser tests run one file at a time: each drives Chromium against its own server process.
export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: {
    include: ["browser/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
