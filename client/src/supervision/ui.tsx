// Small shared pieces of the supervision screens: the load state line (offline, failed, loading), a form's error
// box (role="alert", next to the form), and the "updated at" line.
import { useEffect, useRef } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { hasKey } from "../i18n/i18n.ts";
import { formatDateTime } from "../lib/time.ts";
import { useOnline } from "../services.tsx";
import type { FormFailure } from "./typed-result.ts";
import type { QueryState } from "./use-query.ts";

export function LoadState({ state }: { state: Pick<QueryState<unknown>, "data" | "failure" | "loading"> }) {
  const t = useT();
  const online = useOnline();
  if (!online) return <p className="notice">{t("sv.offline")}</p>;
  if (state.failure) {
    const kind = `sv.error.${state.failure.kind}`;
    return (
      <p className="notice attention" role="alert">
        {t("sv.loadFailed", { message: hasKey(kind) ? t(kind) : state.failure.message })}
      </p>
    );
  }
  if (state.loading && !state.data) return <p className="muted">{t("common.loading")}</p>;
  return null;
}

export function FormAlert({ failure, id }: { failure: FormFailure | null; id?: string }) {
  const t = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  // Bring it into view (clear of the sticky bars, see .form-error's scroll margins) when it appears or changes.
  useEffect(() => {
    // Block body: scrollIntoView returns a promise in newer browsers, and an effect may only return a cleanup.
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [failure]);
  if (!failure) return null;
  const kind = `sv.error.${failure.kind}`;
  // The server's message (joined issues) says what is wrong; a form's own check has marked its fields instead.
  const detail = failure.message || (Object.keys(failure.fields).length ? t("capture.fixErrors") : "");
  return (
    <p id={id} ref={ref} className="form-error" role="alert">
      {hasKey(kind) ? t(kind) : t("sv.error.other")}
      {detail ? `：${detail}` : ""}
    </p>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "HH:MM" in the device's time zone. */
export function hhmm(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2024-03-15 10:23" in the device's time zone, from an ISO instant. */
export function when(iso: string): string {
  return formatDateTime(new Date(iso)).slice(0, 16);
}
