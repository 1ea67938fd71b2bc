import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { depthLimitRule } from "./graphql-limits.ts";

const schema = buildSchema(`type Query { node: Node } type Node { id: ID child: Node }`);
const nested = (n: number) => `{ node ${"{ child ".repeat(n - 1)}{ id }${" }".repeat(n - 1)} }`;
const errors = (q: string, max: number) =>
  validate(schema, parse(q), [...specifiedRules, depthLimitRule(max)]).map((e) => e.message);

describe("depth limit", () => {
  it("allows queries up to the limit and refuses deeper ones", () => {
    expect(errors(nested(3), 4)).toEqual([]);
    expect(errors(nested(4), 4)).toEqual(["Query is 5 levels deep; at most 4 are allowed"]);
  });
  it("follows fragments and ignores introspection fields", () => {
    const q = `query { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { id } }`;
    expect(errors(q, 3)).toEqual(["Query is 4 levels deep; at most 3 are allowed"]);
    expect(errors(`{ __schema { types { fields { type { ofType { name } } } } } }`, 2)).toEqual([]);
  });
});
