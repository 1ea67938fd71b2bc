// The end of a form that corrects a campaign: its failure (FormAlert), then save and discard, full width under a
// panel's fields or small in a row inside a card (a target's editor). Save submits (Enter does too) and waits while
// the form is busy.
import { useT } from "../i18n/i18n-context.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";

export function FormButtons({
  failure,
  save,
  busy,
  disabled = false,
  onDiscard,
  small = false,
}: {
  failure: FormFailure | null;
  /** The save button's text. */
  save: string;
  busy: boolean;
  /** Nothing could be saved (e.g. no team to add targets to). */
  disabled?: boolean;
  onDiscard: () => void;
  small?: boolean;
}) {
  const t = useT();
  const size = small ? "small" : "block";
  const buttons = (
    <>
      <button type="submit" className={`primary ${size}`} disabled={busy || disabled}>
        {save}
      </button>
      <button type="button" className={`secondary ${size}`} onClick={onDiscard}>
        {t("cp.edit.discard")}
      </button>
    </>
  );
  return (
    <>
      <FormAlert failure={failure} />
      {small ? <div className="card-actions">{buttons}</div> : buttons}
    </>
  );
}
