// Refuses GraphQL requests whose strings no field could accept, before parsing: NUL characters (PostgreSQL
// cannot store them), lone UTF-16 surrogates (they would be stored silently changed) and strings longer than
// MAX_STRING_CHARS (a multi-megabyte search froze the server). Invariant: a refusal is VALIDATION_FAILED, HTTP 400.
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { ErrorCodes } from "../errors.ts";

/** Longer than any field accepts (a record's longest text is 20,000; a report to import is the exception). */
export const MAX_STRING_CHARS = 200_000;
/** The importers take a whole file as one argument (a report's text, or a file of at most 10 MB in base64). */
const LONG_ARGUMENTS = new Set(["importReport", "importLedger"]);
export const MAX_LONG_STRING_CHARS = 14_000_000;

// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problem(value: unknown, max: number, path: string): string | null {
  if (typeof value === "string") {
    if (value.length > max) return `${path} is ${value.length} characters long; at most ${max} are accepted`;
    if (BAD.test(value)) return `${path} contains a NUL character or a broken (lone surrogate) character`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = problem(value[i], max, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const p = problem(v, max, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

export function useInputGuard(): Plugin {
  return {
    onParams({ params, setResult }) {
      const long =
        LONG_ARGUMENTS.has(params.operationName ?? "") || /\bimport(Report|Ledger)\s*\(/.test(params.query ?? "");
      const max = long ? MAX_LONG_STRING_CHARS : MAX_STRING_CHARS;
      const found = problem(params.query, max, "query") ?? problem(params.variables, max, "variables");
      if (found) {
        setResult({
          errors: [
            new GraphQLError(found, {
              extensions: { code: ErrorCodes.VALIDATION_FAILED, http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };
}
