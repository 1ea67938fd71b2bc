// A reusable file picker for imports: a labelled native file input (keyboard and screen readers work as usual),
// the chosen file's name and size, and why it cannot be taken (checked before anything is read). The progress
// bar shows reading, uploading and the server's reading as one labelled <progress> with a live text.
import type { ChangeEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { ACCEPT, fileProblem, percentOf, sizeLabel, type ImportKind } from "./import-file.ts";
import type { Progress } from "./import-transport.ts";

export function FilePick({
  id,
  kind,
  file,
  onFile,
  disabled,
}: {
  id: string;
  kind: ImportKind;
  file: File | null;
  onFile: (file: File | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const problem = file ? fileProblem(kind, file) : null;
  const error = problem
    ? t(problem === "type" ? "im.file.type" : problem === "empty" ? "im.file.empty" : "im.file.size")
    : null;
  const onChange = (e: ChangeEvent<HTMLInputElement>) => onFile(e.target.files?.[0] ?? null);
  return (
    <div className={error ? "field has-error" : "field"}>
      <input
        id={id}
        className="file-input"
        type="file"
        accept={ACCEPT[kind]}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={onChange}
      />
      <label htmlFor={id} className={disabled ? "button secondary block disabled" : "button secondary block"}>
        {t(kind === "report" ? "im.file.report" : "im.file.ledger")}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {file ? t("im.file.chosen", { name: file.name, size: sizeLabel(file.size) }) : null}
        {file ? <br /> : null}
        {t(kind === "report" ? "im.file.reportHint" : "im.file.ledgerHint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Whether a picked file may be read and sent. */
export const fileUsable = (kind: ImportKind, file: File | null): file is File => !!file && !fileProblem(kind, file);

export function ImportProgress({ progress }: { progress: Progress }) {
  const t = useT();
  const percent = percentOf(progress.loaded, progress.total);
  const text =
    progress.phase === "processing"
      ? t("im.phase.processing")
      : t(progress.phase === "reading" ? "im.phase.reading" : "im.phase.uploading", { percent });
  return (
    <div className="import-progress">
      <label htmlFor="im-progress">{t("im.progress")}</label>
      {/* No value while the server reads: an indeterminate bar, since there is nothing to measure. */}
      {progress.phase === "processing" ? (
        <progress id="im-progress" aria-describedby="im-progress-text" />
      ) : (
        <progress id="im-progress" max={100} value={percent} aria-describedby="im-progress-text" />
      )}
      <p id="im-progress-text" className="muted" role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
