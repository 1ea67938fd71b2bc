// Every GraphQL document of the supervision screens validates against the server's printed schema, for both the
// staff and the liaison variants: a renamed field, an impossible fragment or a query deeper than the server
// allows fails here, not in the field.
import { readFileSync } from "node:fs";
import { buildSchema, specifiedRules, validate, type DocumentNode } from "graphql";
import { depthLimitRule } from "@rectify/server/graphql-limits";
import { describe, expect, it } from "vitest";
import * as admin from "../admin/admin-model.ts";
import * as analysis from "../analysis/analysis-model.ts";
import * as actions from "../campaigns/action-documents.ts";
import * as campaigns from "../campaigns/campaign-documents.ts";
import * as targets from "../campaigns/targets.ts";
import * as closeout from "../closeout/closeout-model.ts";
import * as dashboard from "../dashboard/dashboard-model.ts";
import * as ledger from "../ledger/ledger-model.ts";
import { PROBLEMS_QUERY } from "../dashboard/problem-list-model.ts";
import { LEDGER_CHANGED } from "../live/ledger-changed.ts";
import * as lookbacks from "../lookbacks/lookbacks-model.ts";
import * as notices from "../notices/notices-model.ts";
import * as opinions from "../opinions/opinions-model.ts";
import * as progress from "../progress/progress-documents.ts";
import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY, WORKING_SET_QUERY } from "../graphql/documents.ts";

const schema = buildSchema(readFileSync(new URL("../../../server/schema.graphql", import.meta.url), "utf8"));

const documents: Record<string, DocumentNode> = {
  WORKING_SET_QUERY,
  ME_QUERY,
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  LEDGER_CHANGED,
  PROBLEMS_QUERY,
};
const isOperation = (value: unknown): value is DocumentNode =>
  typeof value === "object" &&
  value !== null &&
  (value as DocumentNode).kind === "Document" &&
  (value as DocumentNode).definitions.some((d) => d.kind === "OperationDefinition");
for (const mod of [
  admin,
  analysis,
  actions,
  campaigns,
  targets,
  closeout,
  dashboard,
  ledger,
  lookbacks,
  notices,
  opinions,
  progress,
]) {
  for (const [name, value] of Object.entries(mod)) {
    if (isOperation(value)) documents[name] = value;
  }
}

describe("supervision GraphQL documents", () => {
  it("found the documents", () => {
    expect(Object.keys(documents).length).toBeGreaterThanOrEqual(20);
  });
  for (const [name, doc] of Object.entries(documents)) {
    it(`${name} is valid against server/schema.graphql`, () => {
      // The server's own rules, its depth limit included (graphql() documents are typed, but not depth-checked).
      expect(validate(schema, doc, [...specifiedRules, depthLimitRule()]).map((e) => e.message)).toEqual([]);
    });
  }
});
