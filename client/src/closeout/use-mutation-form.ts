// One typed-result mutation form's state (own checks, failure for alert and fields, busy), so all check and send alike.
import { useState } from "react";
import type { AnyVariables, TypedDocumentNode } from "urql";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import type { Checks } from "./closeout-model.ts";
import { useFieldError } from "./form-bits.tsx";

export function useMutationForm() {
  const run = useMutationRunner();
  const fieldError = useFieldError();
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  /** Shows the form's own checks; only when they all pass is the mutation sent. True once the server accepted it. */
  async function save<R, V extends AnyVariables, K extends keyof R & string>(
    own: Checks,
    mutation: TypedDocumentNode<R, V>,
    variables: V,
    field: K,
    success: readonly string[],
  ): Promise<boolean> {
    setChecks(own);
    setFailure(checkFailure(own));
    if (Object.keys(own).length) return false;
    setBusy(true);
    const r = await run(mutation, variables, field, success);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.failure);
      return false;
    }
    setFailure(null);
    return true;
  }

  /** The message for one field: the form's own check on `name`, else the server's issue on `serverName`. */
  const errorFor = (name: string, serverName = name) => fieldError(checks, failure?.fields, name, serverName);

  return { failure, busy, save, errorFor };
}
