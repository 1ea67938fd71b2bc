import { describe, expect, it } from "vitest";
import type { GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { schema } from "./index.ts";

const idOf = (type: string, parent: object) => {
  const field = (schema.getType(type) as GraphQLObjectType).getFields().id!;
  return field.resolve!(parent, {}, {}, {} as GraphQLResolveInfo);
};

describe("node ids", () => {
  it("are encoded synchronously, as base64 of Type:id", () => {
    const id = "9c1a2b3c-0000-4000-8000-000000000001";
    expect(idOf("Problem", { id })).toBe(Buffer.from(`Problem:${id}`).toString("base64"));
    expect(idOf("Unit", { id })).toBe(Buffer.from(`Unit:${id}`).toString("base64"));
  });
});
