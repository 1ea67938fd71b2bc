// The end of a review: with warnings, an explicit "accept warnings" checkbox that 导入 requires; 取消 writes nothing.
// Shared by the report and the ledger review, so both confirm the same way.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";

export function ReviewActions({
  warnings,
  busy,
  onImport,
  onCancel,
}: {
  warnings: number;
  busy: boolean;
  onImport: (acceptWarnings: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [accepted, setAccepted] = useState(false);
  const [tried, setTried] = useState(false);
  const blocked = warnings > 0 && !accepted;
  return (
    <div className="bottom-actions import-actions">
      {warnings > 0 ? (
        <label className="check">
          <input
            type="checkbox"
            checked={accepted}
            aria-invalid={tried && blocked ? true : undefined}
            aria-describedby={tried && blocked ? "im-accept-error" : undefined}
            onChange={(e) => setAccepted(e.target.checked)}
          />
          <span>{t("im.accept")}</span>
        </label>
      ) : null}
      {tried && blocked ? (
        <p id="im-accept-error" className="field-error" role="alert">
          {t("im.acceptFirst")}
        </p>
      ) : null}
      <div className="confirm">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setTried(true);
            if (!blocked) onImport(warnings > 0);
          }}
        >
          {t("im.import")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t("im.cancel")}
        </button>
      </div>
    </div>
  );
}
