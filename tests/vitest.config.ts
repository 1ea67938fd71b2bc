import { defineConfig } from "vitest/config";
import { graphqlAlias } from "../vitest.shared.ts";

// Tests that need several server processes on one PostgreSQL run in the PostgreSQL API run (TEST_DB=postgres)
// only, selected here like the database itself is, rather than skipped inside.
const POSTGRES_ONLY = ["api/multi-server.test.ts", "api/multi-server-uploads.test.ts", "api/connection-loss.test.ts"];

export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: {
    include: ["api/**/*.test.ts", "cli/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_DB === "postgres" ? [] : POSTGRES_ONLY)],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
