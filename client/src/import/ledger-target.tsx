// Where a ledger spreadsheet goes: the inspection its title names (the default), an existing inspection, or a
// new one named here. The server refuses "by title" when the title names none; the hint says what to do then.
import { useT } from "../i18n/i18n-context.tsx";
import type { InspectionHead } from "../inspections/inspections-model.ts";
import { inspectionName } from "../inspections/pick-model.ts";
import { TextField } from "../ui/field.tsx";
import type { Target } from "./ledger-review-model.ts";

export function LedgerTarget({
  target,
  onChange,
  inspections,
  disabled,
}: {
  target: Target;
  onChange: (t: Target) => void;
  inspections: InspectionHead[];
  disabled?: boolean;
}) {
  const t = useT();
  const value = target.kind === "existing" ? target.id : target.kind;
  const pick = (v: string) => {
    if (v === "auto") onChange({ kind: "auto" });
    else if (v === "new") onChange({ kind: "new", team: "", inspectedBody: "" });
    else onChange({ kind: "existing", id: v });
  };
  return (
    <>
      <div className="field">
        <label htmlFor="f-im-target">{t("im.ledger.target")}</label>
        <select
          id="f-im-target"
          value={value}
          disabled={disabled}
          aria-describedby="f-im-target-hint"
          onChange={(e) => pick(e.target.value)}
        >
          <option value="auto">{t("im.ledger.auto")}</option>
          {inspections.map((i) => (
            <option key={i.id} value={i.id}>
              {inspectionName(i)}
            </option>
          ))}
          <option value="new">{t("im.ledger.new")}</option>
        </select>
        <p id="f-im-target-hint" className="field-hint">
          {t("im.ledger.targetHint")}
        </p>
      </div>
      {target.kind === "new" ? (
        <>
          <TextField
            name="im-team"
            label={t("im.ledger.team")}
            value={target.team}
            required
            onChange={(team) => onChange({ ...target, team })}
          />
          <TextField
            name="im-body"
            label={t("im.ledger.body")}
            value={target.inspectedBody}
            required
            onChange={(inspectedBody) => onChange({ ...target, inspectedBody })}
          />
        </>
      ) : null}
    </>
  );
}
