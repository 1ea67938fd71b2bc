// Labelled inputs for the close-out forms, with their check messages tied by aria-describedby; and the translation
// of a form check (required, too short, not in the future) or a server issue into the field's message. Also the
// parts every close-out and look-back form repeats: the panel form itself, a segmented choice, a date field and
// the submit/cancel row.
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

/** What the host of a close-out or look-back form passes: called once the server accepted it, or on cancel. */
export interface FormCallbacks {
  onDone: () => void;
  onCancel: () => void;
}

/** A form in a panel, named for the screen reader; the browser's own validation is off, the form checks itself. */
/**
 * A form in a panel. While `busy` (saving) its fields are disabled: a form that clears itself once saved must not
 * take typing meanwhile, or the clear would wipe what was typed for the next item.
 */
export function PanelForm(props: {
  label: string;
  onSubmit: () => Promise<void>;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
      noValidate
      aria-label={props.label}
      aria-busy={props.busy ?? false}
    >
      <fieldset className="bare" disabled={props.busy ?? false}>
        {props.children}
      </fieldset>
    </form>
  );
}

/** Radio buttons drawn as segments; `name` must be unique on the page, as several forms can be open at once. */
export function ChoiceField<T>(props: {
  name: string;
  legend: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  vertical?: boolean;
}) {
  return (
    <fieldset className="field">
      <legend>{props.legend}</legend>
      <div className={props.vertical ? "segmented vertical" : "segmented"}>
        {props.options.map(([value, label]) => (
          <label key={label} className={props.value === value ? "segment selected" : "segment"}>
            <input
              type="radio"
              name={props.name}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A day picker; `min` keeps past days out of the picker, the form's own check still says why. */
export function DateField(props: {
  name: string;
  label: string;
  hint?: string;
  error: string | null;
  value: string;
  min: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(common) => (
        <input
          {...common}
          type="date"
          value={props.value}
          min={props.min}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Labelled>
  );
}

/** Submit (styled by `submitClass`, off while the form is busy) and cancel. */
export function FormActions(props: { submit: string; busy: boolean; onCancel: () => void; submitClass?: string }) {
  const t = useT();
  return (
    <div className="item-actions">
      <button type="submit" className={props.submitClass ?? "primary"} disabled={props.busy}>
        {props.submit}
      </button>
      <button type="button" className="secondary" onClick={props.onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
