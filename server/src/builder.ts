// The Pothos schema builder: plugins, auth scopes and scalars shared by every schema/<domain>.ts module.
// Invariant: every type and field is guarded by a scope; row visibility comes from Context, never from the client.
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import "./schema/sync-global-ids.ts";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type PrismaTypes from "./generated/pothos-types.ts";
import { getDatamodel } from "./generated/pothos-types.ts";
import type { Context, Viewer } from "./context.ts";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "./errors.ts";

export interface ProblemRef {
  id: string;
  inspectionId: string;
}
export interface MeasureRef {
  id: string;
  problemId: string;
}

/** Admin, supervisor or inspector: may read the whole ledger (the `staff` scope). */
export function isStaff(viewer: Pick<Viewer, "role"> | null | undefined): boolean {
  const role = viewer?.role;
  return role === "ADMIN" || role === "SUPERVISOR" || role === "INSPECTOR";
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: {
    loggedIn: boolean;
    admin: boolean;
    /** admin or supervisor */
    supervisor: boolean;
    /** admin, supervisor or inspector: may read the whole ledger */
    staff: boolean;
    liaison: boolean;
    seeProblem: ProblemRef;
    seeMeasure: MeasureRef;
  };
}>({
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ErrorsPlugin, ValidationPlugin],
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // node/nodes are defined in schema/nodes.ts: malformed ids are a typed error per id, never a failed list.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  // Validation failures become typed results (ValidationError) too; they reveal only the rules of the input.
  errors: { defaultTypes: [], directResult: true, unsafelyHandleInputErrors: true },
  validation: {
    // Argument validation runs before the scope checks. Every field that validates its arguments needs a login
    // (login itself validates in its resolver), so an anonymous caller learns nothing about input rules.
    validationError: (result, _args, ctx) =>
      !ctx.viewer
        ? new UnauthenticatedError()
        : new ValidationError(
            result.issues.map((i) => i.message).join("; "),
            result.issues.map((i) => ({
              path: (i.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join("."),
              message: i.message,
            })),
          ),
  },
  scopeAuth: {
    treatErrorsAsUnauthorized: false,
    runScopesOnType: true,
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, _info, result) =>
      ctx.viewer ? new ForbiddenError(result.message) : new UnauthenticatedError(result.message),
    authScopes: (ctx) => {
      const role = ctx.viewer?.role;
      const staff = isStaff(ctx.viewer);
      return {
        loggedIn: !!ctx.viewer,
        admin: role === "ADMIN",
        supervisor: role === "ADMIN" || role === "SUPERVISOR",
        staff,
        liaison: role === "UNIT_LIAISON",
        // Staff answers synchronously: an async answer makes every Problem/Measure in a result a promise (the type
        // scopes run per object), which at a dashboard's 5,000 problems costs more than the rows themselves.
        seeProblem: (p) => {
          if (staff) return true;
          if (role === "UNIT_LIAISON") return ctx.liaisonScope().then((s) => s.problemIds.has(p.id));
          if (!ctx.viewer) return ctx.publishedInspections().then((s) => s.has(p.inspectionId));
          return false;
        },
        seeMeasure: (m) => {
          if (staff) return true;
          if (role === "UNIT_LIAISON") return ctx.liaisonScope().then((s) => s.measureIds.has(m.id));
          if (!ctx.viewer) return ctx.publicProblems().then((s) => s.has(m.problemId));
          return false;
        },
      };
    },
  },
});

builder.queryType({});
builder.mutationType({});
