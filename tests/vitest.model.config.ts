import { defineConfig } from "vitest/config";

// The sync protocol's model check (spin): CPU-bound, so one configuration at a time.
export default defineConfig({
  test: {
    include: ["model/**/*.test.ts"],
    testTimeout: 600_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
