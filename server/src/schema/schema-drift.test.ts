// The committed schema.graphql must be exactly what the code prints: run `pnpm schema:print` after API changes.
import { readFile } from "node:fs/promises";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index.ts";

describe("printed schema", () => {
  it("matches server/schema.graphql", async () => {
    const committed = await readFile(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(printSchema(schema) + "\n").toBe(committed);
  });
});
