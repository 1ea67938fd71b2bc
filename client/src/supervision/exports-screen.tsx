// 导出: the ledger workbook, the progress report (Word, and the official text format) and the public report page,
// downloaded with feedback (DownloadLink: preparing, saved with name and size, or why not); an optional report date is
// passed as ?date=.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { shanghaiDay } from "../lib/shanghai.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { rawInspectionId } from "../inspections/pick-model.ts";
import { DownloadLink } from "./download-link.tsx";

/** The export's address with ?date= and ?inspection= (the picked inspection's database id) when set. */
function withQuery(path: string, query: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

export function ExportsScreen() {
  const t = useT();
  const [date, setDate] = useState("");
  const { current } = useInspectionPick();
  const inspection = current ? rawInspectionId(current) : null;
  const withDate = (path: string, day: string) => withQuery(path, { date: day, inspection });
  return (
    <section className="screen" aria-labelledby="ex-title">
      <h1 id="ex-title">{t("exports.title")}</h1>
      <InspectionPicker />
      <div className="field">
        <label htmlFor="f-ex-date">{t("exports.date")}</label>
        <input
          id="f-ex-date"
          type="date"
          value={date}
          max={shanghaiDay(new Date())}
          onChange={(e) => setDate(e.target.value)}
          aria-describedby="f-ex-date-hint"
        />
        <p id="f-ex-date-hint" className="field-hint">
          {t("exports.dateHint")}
        </p>
      </div>
      <ul className="link-list">
        <li>
          <DownloadLink href={withQuery("/exports/ledger.xlsx", { inspection })}>{t("exports.ledger")}</DownloadLink>
          <p className="field-hint">{t("exports.ledgerHint")}</p>
        </li>
        <li>
          <DownloadLink href={withDate("/exports/report.docx", date)}>{t("exports.docx")}</DownloadLink>
        </li>
        <li>
          <DownloadLink href={withDate("/exports/report.txt", date)}>{t("exports.txt")}</DownloadLink>
          <p className="field-hint">{t("exports.txtHint")}</p>
        </li>
        <li>
          <a className="button secondary block" href={withDate("/public/report", date)} target="_blank" rel="noopener">
            {t("exports.public")}
          </a>
          <p className="field-hint">{t("exports.publicHint")}</p>
        </li>
      </ul>
    </section>
  );
}
