// "临期天数": how many days before a deadline an item turns yellow. Supervisors change it; others read it.
import { useEffect, useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { DUE_SOON_MAX, DUE_SOON_MIN, parseDueSoonDays, SET_THRESHOLDS } from "./dashboard-model.ts";

export function ThresholdsForm({ days, editable, onSaved }: { days: number; editable: boolean; onSaved: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const run = useMutationRunner();
  const [value, setValue] = useState(String(days));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValue(String(days));
  }, [days]);

  if (!editable) return <p>{t("dash.thresholdReadOnly", { days })}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseDueSoonDays(value);
    if (parsed === null) {
      setFailure({
        kind: "ValidationError",
        message: "",
        fields: { dueSoonDays: t("dash.thresholdRange", { min: DUE_SOON_MIN, max: DUE_SOON_MAX }) },
      });
      return;
    }
    setBusy(true);
    const r = await run(SET_THRESHOLDS, { days: parsed }, "setTrafficLightThresholds", [
      "TrafficLightThresholdsSummary",
    ]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(t("dash.thresholdSaved", { days: r.value.dueSoonDays ?? parsed }));
    onSaved();
  }

  const error = failure?.fields.dueSoonDays ?? null;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className={error ? "field has-error" : "field"}>
        <label htmlFor="f-due-soon">{t("dash.threshold")}</label>
        <input
          id="f-due-soon"
          type="number"
          inputMode="numeric"
          min={DUE_SOON_MIN}
          max={DUE_SOON_MAX}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-due-soon-hint f-due-soon-error" : "f-due-soon-hint"}
        />
        <p id="f-due-soon-hint" className="field-hint">
          {t("dash.thresholdHint", { min: DUE_SOON_MIN, max: DUE_SOON_MAX })}
        </p>
        {error ? (
          <p id="f-due-soon-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {failure && !error ? <FormAlert failure={failure} /> : null}
      <button type="submit" className="secondary" disabled={busy}>
        {t("dash.thresholdSave")}
      </button>
    </form>
  );
}
