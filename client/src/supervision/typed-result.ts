// Mutations answer with typed results (Measure | ValidationError | InvalidTransitionError | …). Pure helpers turn
// such a payload, or a transport failure, into what a form shows: one message and per-field messages.
import type { GqlResult } from "../graphql/client.ts";
import { graphql } from "../graphql/tada.ts";

/** Spread (beside `__typename`) on every mutation payload union, each of which includes ValidationError. */
export const ERROR_FRAGMENT = graphql(`
  fragment ErrorFields on Error {
    code
    message
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
`);

export interface TypedPayload {
  __typename: string;
  code?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

export interface FormFailure {
  /** "network" | "unauthenticated" | … for transport failures; the result type (ValidationError …) otherwise. */
  kind: string;
  message: string;
  /** Field name (last segment of the issue path) → message. */
  fields: Record<string, string>;
}

export type MutationOutcome<T> = { ok: true; value: T } | { ok: false; failure: FormFailure };

/** The payload of `field` when its __typename is one of `success`, else the failure it describes. */
export function outcomeOf<T extends TypedPayload>(
  result: GqlResult<Record<string, T>>,
  field: string,
  success: readonly string[],
): MutationOutcome<T> {
  if (!result.ok) return { ok: false, failure: { kind: result.kind, message: result.message, fields: {} } };
  const payload = result.data[field];
  if (!payload) return { ok: false, failure: { kind: "graphql", message: `no ${field} in the answer`, fields: {} } };
  if (success.includes(payload.__typename)) return { ok: true, value: payload };
  const fields: Record<string, string> = {};
  for (const issue of payload.issues ?? []) {
    const name = issue.path.split(".").pop() || "form";
    fields[name] = fields[name] ? `${fields[name]}; ${issue.message}` : issue.message;
  }
  const message = payload.message ?? payload.__typename;
  return { ok: false, failure: { kind: payload.__typename, message, fields } };
}

/** A form's own check failures as a failure for its alert ("请先修改标出的内容"); null when all passed. */
export function checkFailure(checks: Record<string, string>): FormFailure | null {
  return Object.keys(checks).length ? { kind: "ValidationError", message: "", fields: { ...checks } } : null;
}
