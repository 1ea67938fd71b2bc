// Saves the form as a draft ~500 ms after the last change (the outbox store's drafts; the draft id is the recordId),
// so a killed app or a dead battery loses at most half a second of typing. Invariant: once `paused` (the record is
// being saved or was discarded) no new draft write starts, so a late autosave cannot resurrect a finished draft.
import { useEffect, useRef } from "react";
import { useServices } from "../services.tsx";
import { hasContent, type FormState } from "./form-model.ts";

export const AUTOSAVE_DELAY_MS = 500;

export function useDraftAutosave(
  form: FormState,
  /** The logged-in user: the draft is theirs (listed and reopened only for them). */
  ownerId: string,
  options: { paused: boolean; onSaved: (at: number) => void; onError: (error: unknown) => void },
): void {
  const { store } = useServices();
  const paused = useRef(options.paused);
  const callbacks = useRef(options);
  useEffect(() => {
    paused.current = options.paused;
    callbacks.current = options;
  });
  const first = useRef(true);

  useEffect(() => {
    // The form as loaded is already stored (draft, entry) or empty: only changes need saving.
    if (first.current) {
      first.current = false;
      return;
    }
    if (paused.current || !hasContent(form)) return;
    const timer = setTimeout(() => {
      if (paused.current) return;
      const at = Date.now();
      store.putDraft({ id: form.recordId, ownerId, updatedAt: at, data: form }).then(
        () => callbacks.current.onSaved(at),
        (error: unknown) => callbacks.current.onError(error),
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, store, ownerId]);
}
