// Labelled inputs for the close-out forms, with their check messages tied by aria-describedby; and the translation
// of a form check (required, too short, not in the future) or a server issue into the field's message.
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { describedBy, FieldMessages, fieldId } from "../ui/field.tsx";
import type { Checks } from "./closeout-model.ts";

/** A local check wins (it is in the user's language); else the server's message for that field. */
export function useFieldError() {
  const t = useT();
  return (checks: Checks, server: Record<string, string> | undefined, name: string, serverName = name) => {
    const c = checks[name];
    if (c) return t(keyOf("closeout.check", c));
    return server?.[serverName] ?? null;
  };
}

export function Labelled(props: {
  name: string;
  label: string;
  error: string | null;
  hint?: string;
  children: (common: {
    id: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  const id = fieldId(props.name);
  return (
    <div className={props.error ? "field has-error" : "field"}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        "aria-invalid": props.error ? true : undefined,
        "aria-describedby": describedBy(id, props.hint, props.error),
      })}
      <FieldMessages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
