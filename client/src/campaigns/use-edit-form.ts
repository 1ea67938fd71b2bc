// What every form that corrects a running campaign shares: its failure and busy state, the focus on its first field
// when it opens, and one way to save (the form's own checks first, nothing sent when they fail; then the calls,
// busy meanwhile; then the success announced and the form closed, or the refusal shown and the form left open with
// what was typed). The form's own state is the caller's, initialised once when it opens (a live re-read of the
// campaign does not reset it).
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";

/** What the calls came to: the announcement of a success, "nothing" (nothing changed), or the failure to show. */
export type Sent = { saved: string } | "nothing" | FormFailure;

/** A typed refusal (the fields say what) shown with `why` (Chinese, may be empty) instead of the server's English;
 * anything else (offline, a server fault) as it came. */
export function shown(f: FormFailure, why: string): FormFailure {
  const typed = f.kind === "ValidationError" || f.kind === "NotFoundError";
  return typed ? { ...f, message: why } : f;
}

export function useEditForm({
  onDone,
  focus = "input",
}: {
  onDone: (changed: boolean) => void;
  /** What takes the focus when the form opens (a selector of its fields); null: it stays where it was. */
  focus?: string | null;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  // Keyboard and screen-reader users land in the form that just opened; only then (not on each re-render).
  const focusOnOpen = useRef(focus);
  useEffect(() => {
    if (focusOnOpen.current) ref.current?.querySelector<HTMLElement>(focusOnOpen.current)?.focus();
  }, []);

  /** `own`: the fields the form's own checks refuse (none: empty or null); `send` runs the calls. */
  const save = useCallback(
    async (own: Record<string, string> | null, send: () => Promise<Sent>) => {
      if (own && Object.keys(own).length) {
        return setFailure({ kind: "ValidationError", message: "", fields: own });
      }
      setBusy(true);
      const sent = await send();
      setBusy(false);
      if (sent === "nothing") {
        announce(t("cp.edit.nothing"));
        return onDone(false);
      }
      if ("saved" in sent) {
        announce(sent.saved);
        return onDone(true);
      }
      setFailure(sent);
    },
    [announce, onDone, t],
  );

  /** The <form>'s own props: submitting (the button or Enter) runs `submit`. */
  const formProps = (submit: () => Promise<void>) => ({
    ref,
    noValidate: true,
    "aria-busy": busy,
    onSubmit: (e: FormEvent) => {
      e.preventDefault();
      void submit();
    },
  });

  return { run, failure, setFailure, busy, save, formProps };
}
