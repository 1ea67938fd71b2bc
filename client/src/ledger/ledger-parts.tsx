// Parts of the ledger table screen: the column chooser (checkboxes; the first column always shows) and the CSV
// download (a Blob saved under a name; nothing leaves the device).
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LEDGER_COLUMNS, type LedgerColumn } from "./ledger-model.ts";

export function ColumnChooser({
  hidden,
  onToggle,
}: {
  hidden: readonly LedgerColumn[];
  onToggle: (col: LedgerColumn, shown: boolean) => void;
}) {
  const t = useT();
  return (
    <details className="ledger-columns">
      <summary>{t("desk.columns")}</summary>
      <fieldset className="bare">
        <legend className="visually-hidden">{t("desk.columns")}</legend>
        {LEDGER_COLUMNS.slice(1).map((col) => (
          <label key={col} className="check">
            <input
              type="checkbox"
              name="ledger-column"
              value={col}
              checked={!hidden.includes(col)}
              onChange={(e) => onToggle(col, e.target.checked)}
            />
            <span>{t(keyOf("desk.col", col))}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export function downloadCsv(csv: string, name: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  // The click has handed the blob to the download; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
