// 督办 → 导入: pick a progress report (file or pasted text) or a ledger spreadsheet, see what was read, then import
// (accepting any warnings explicitly) or cancel. Online only; supervisors and admins (menu.ts guards the route).
import { useT } from "../i18n/i18n-context.tsx";
import { hasKey } from "../i18n/i18n.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { INSPECTION_LIST_QUERY } from "../inspections/inspections-model.ts";
import { href } from "../router.ts";
import { useOnline } from "../services.tsx";
import { TextField } from "../ui/field.tsx";
import { FilePick, fileUsable, ImportProgress } from "./file-pick.tsx";
import type { Failure } from "./import-run.ts";
import { LedgerReview } from "./ledger-review.tsx";
import { LedgerTarget } from "./ledger-target.tsx";
import { targetComplete } from "./ledger-review-model.ts";
import { ReportReview } from "./report-review.tsx";
import { ReviewActions } from "./review-actions.tsx";
import { useImport, type Done } from "./use-import.ts";

function FailureBox({ failure }: { failure: Failure }) {
  const t = useT();
  let text: string;
  if (failure.kind === "message") text = t(failure.key, failure.params);
  else {
    const key = `sv.error.${failure.kind === "typed" ? failure.typename : failure.failure}`;
    text = `${hasKey(key) ? t(key) : t("sv.error.other")}：${failure.message}`;
  }
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}

function DoneBox({ done, onAgain }: { done: Done; onAgain: () => void }) {
  const t = useT();
  const s = done.summary;
  const counts = {
    createdProblems: s.created.problems,
    createdMeasures: s.created.measures,
    updatedProblems: s.updated.problems,
    updatedMeasures: s.updated.measures,
  };
  const id = done.kind === "report" ? done.inspectionId : done.summary.inspectionId;
  let message: string;
  if (done.kind === "report") {
    message = done.summary.alreadyImported ? t("im.done.already") : t("im.done.report", counts);
  } else {
    message = t("im.ledger.done", { ...counts, team: s.team, body: s.inspectedBody });
  }
  return (
    <div className="notice ok import-done" role="status">
      <p>{message}</p>
      <p className="confirm">
        {id ? (
          <a className="button primary" href={href({ name: "inspection", id })}>
            {t("im.done.open")}
          </a>
        ) : (
          <a className="button primary" href={href({ name: "inspections" })}>
            {t("im.done.overview")}
          </a>
        )}
        <button type="button" className="secondary" onClick={onAgain}>
          {t("im.done.again")}
        </button>
      </p>
    </div>
  );
}

export function ImportScreen() {
  const t = useT();
  const online = useOnline();
  const im = useImport();
  const list = useOnlineQuery(INSPECTION_LIST_QUERY, {}, im.kind === "ledger");
  const inspections = list.data?.inspections.edges.map((e) => e.node) ?? [];
  const reviewing = im.report !== null || im.ledger !== null;
  const ready =
    online &&
    !im.busy &&
    (im.kind === "report"
      ? fileUsable("report", im.file) || (!im.file && im.text.trim() !== "")
      : fileUsable("ledger", im.file) && targetComplete(im.target));
  return (
    <section className="screen import-screen" aria-labelledby="im-title">
      <h1 id="im-title">{t("im.title")}</h1>
      {im.done ? <DoneBox done={im.done} onAgain={im.again} /> : null}
      {im.cancelled ? (
        <p className="notice" role="status">
          {t("im.cancelled")}
        </p>
      ) : null}
      {!online ? <p className="notice">{t("sv.offline")}</p> : null}
      {reviewing ? null : (
        <form
          className="import-pick"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void im.preview();
          }}
        >
          <p className="muted">{t("im.intro")}</p>
          <fieldset className="field">
            <legend>{t("im.kind.legend")}</legend>
            <div className="segmented">
              {(["report", "ledger"] as const).map((k) => (
                <label key={k} className={im.kind === k ? "segment selected" : "segment"}>
                  <input
                    type="radio"
                    name="im-kind"
                    value={k}
                    checked={im.kind === k}
                    disabled={im.busy}
                    onChange={() => im.setKind(k)}
                  />
                  {t(k === "report" ? "im.kind.report" : "im.kind.ledger")}
                </label>
              ))}
            </div>
          </fieldset>
          <FilePick id={`f-im-file-${im.kind}`} kind={im.kind} file={im.file} onFile={im.setFile} disabled={im.busy} />
          {im.kind === "report" ? (
            <TextField
              name="im-text"
              label={t("im.paste.label")}
              hint={t("im.paste.hint")}
              value={im.text}
              multiline
              rows={5}
              onChange={im.setText}
            />
          ) : (
            <LedgerTarget target={im.target} onChange={im.setTarget} inspections={inspections} disabled={im.busy} />
          )}
          <button type="submit" className="primary block" disabled={!ready} aria-describedby="im-ready-hint">
            {t("im.read")}
          </button>
          {!im.file && !im.text.trim() ? (
            <p id="im-ready-hint" className="field-hint">
              {t("im.nothing")}
            </p>
          ) : null}
        </form>
      )}
      {im.progress ? <ImportProgress progress={im.progress} /> : null}
      {im.failure ? <FailureBox failure={im.failure} /> : null}
      {im.report ? (
        <>
          <h2 className="review-title">{t("im.review.report")}</h2>
          <ReportReview summary={im.report} />
          <ReviewActions
            key={im.report.warnings.length}
            warnings={im.report.warnings.length}
            busy={im.busy}
            onImport={(accept) => void im.confirm(accept)}
            onCancel={im.cancel}
          />
        </>
      ) : null}
      {im.ledger ? (
        <>
          <h2 className="review-title">{t("im.ledger.review")}</h2>
          <LedgerReview
            summary={im.ledger}
            edits={im.edits}
            onEdit={im.editColumn}
            onRepreview={() => void im.repreview()}
            busy={im.busy}
          />
          <ReviewActions
            key={im.ledger.warnings.length}
            warnings={im.ledger.warnings.length}
            busy={im.busy}
            onImport={(accept) => void im.confirm(accept)}
            onCancel={im.cancel}
          />
        </>
      ) : null}
    </section>
  );
}
