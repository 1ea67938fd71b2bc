import { defineConfig } from "vitest/config";
import { graphqlAlias } from "../vitest.shared.ts";

export default defineConfig({
  resolve: { alias: graphqlAlias },
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
