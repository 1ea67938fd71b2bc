// Labelled form controls: every input has a visible <label>, its hint and error are tied to it with
// aria-describedby, and an error sets aria-invalid. Ids are `f-<name>` so an error summary can focus the field.
import type { ChangeEvent, ReactNode } from "react";

interface FieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "password" | "search" | "date";
  autoComplete?: string;
  inputMode?: "text" | "search" | "numeric";
  enterKeyHint?: "search" | "done" | "next" | "enter";
  maxLength?: number;
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^\w-]/g, "-")}`;
}

export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: FieldProps) {
  const id = fieldId(props.name);
  const common = {
    id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props.hint, props.error),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(e.target.value),
  };
  return (
    <div className={props.error ? "field has-error" : "field"}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? (
          <span className="required-mark" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          enterKeyHint={props.enterKeyHint}
        />
      )}
      <FieldMessages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
