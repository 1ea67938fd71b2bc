// 报送整改进展: one text (and an optional completion estimate) on one or several of the unit's measures, with
// evidence files chosen or photographed on the device. Saved to the durable outbox (a draft, or queued to send
// when online); the files' bytes wait in the outbox's blob store and upload resumably after the report.
import { useEffect, useMemo, useState } from "react";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, isProgressEnvelope, type EvidenceRef } from "@rectify/server/sync";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { formatBytes, newUuid } from "../lib/ids.ts";
import { isoWithOffset } from "../lib/time.ts";
import { isOwnedBy, OutboxValidationError } from "../outbox/index.ts";
import { navigate, type Route } from "../router.ts";
import { useServices } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { checkEvidence, EVIDENCE_ACCEPT, keepEvidence } from "./evidence-input.ts";

type ReportRoute = Extract<Route, { name: "report" }>;

function safeRawId(id: string): string | null {
  try {
    return rawId(id);
  } catch {
    return null;
  }
}

export function ReportScreen({ route }: { route: ReportRoute }) {
  const t = useT();
  const announce = useAnnounce();
  const { engine, store } = useServices();
  const userId = useUser().id;
  const { workingSet } = useWorkingSet();
  const [id] = useState(() => route.id ?? newUuid());
  const [measureIds, setMeasureIds] = useState<string[]>(route.measureIds);
  const [text, setText] = useState("");
  const [percent, setPercent] = useState("");
  const [files, setFiles] = useState<EvidenceRef[]>([]);
  const [answers, setAnswers] = useState<string | null>(route.answers);
  // 督促整改事项 answered by this report (raw UUID, as the envelope wants); kept when a draft is reopened.
  const [action, setAction] = useState<string | null>(() => (route.action ? safeRawId(route.action) : null));
  const [locked, setLocked] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  // Reopening a draft (or a queued report not sent yet) from the outbox.
  useEffect(() => {
    if (!route.id) return;
    void store.get(route.id).then((e) => {
      // Another user's report on this phone is not shown here (saving it would be refused by the engine).
      if (!e || !isOwnedBy(e, userId) || !isProgressEnvelope(e.envelope)) return;
      const env = e.envelope;
      setMeasureIds(env.measureIds);
      setText(env.text);
      setPercent(env.percentComplete === null ? "" : String(env.percentComplete));
      setFiles(env.photos);
      setAnswers(env.answersRequestId);
      setAction(env.answersActionId ?? null);
      setLocked(e.sentRevision > 0);
    });
  }, [route.id, store, userId]);

  const measures = useMemo(
    () =>
      (workingSet?.problems ?? []).flatMap((p) =>
        p.measures.map((m) => ({ rawId: m.rawId, label: `${p.number}.${m.number} ${p.title}`, text: m.text })),
      ),
    [workingSet],
  );

  async function addFiles(list: FileList | null) {
    const problems: string[] = [];
    const added: EvidenceRef[] = [];
    for (const file of Array.from(list ?? [])) {
      const problem = checkEvidence(file);
      if (problem) {
        const why =
          problem === "badType"
            ? t("pg.report.badType")
            : t("pg.report.tooLarge", { size: formatBytes(MAX_EVIDENCE_BYTES) });
        problems.push(t("pg.report.fileRefused", { name: file.name, why }));
        continue;
      }
      if (files.length + added.length >= MAX_EVIDENCE_FILES) {
        problems.push(t("pg.report.tooMany", { count: MAX_EVIDENCE_FILES }));
        break;
      }
      added.push(await keepEvidence(store, file));
    }
    setFiles((f) => [...f, ...added]);
    setErrors(problems);
  }

  async function save(hold: boolean) {
    const problems: string[] = [];
    if (measureIds.length === 0) problems.push(t("pg.report.needMeasure"));
    if (!text.trim()) problems.push(t("pg.report.needText"));
    const pct = percent.trim() === "" ? null : Number(percent);
    if (pct !== null && (!Number.isInteger(pct) || pct < 0 || pct > 100)) problems.push(t("pg.report.badPercent"));
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await engine.saveProgress(
        {
          entryKind: "progress",
          recordId: id,
          measureIds,
          text: text.trim(),
          percentComplete: pct,
          answersRequestId: answers,
          ...(action ? { answersActionId: action } : {}),
          deviceTime: isoWithOffset(new Date()),
          photos: files,
        },
        { hold },
      );
      announce(hold ? t("pg.report.draftSaved") : t("pg.report.queued", { count: measureIds.length }));
      if (!hold) navigate(action ? { name: "home" } : { name: "myMeasures" });
    } catch (error) {
      setErrors([error instanceof OutboxValidationError ? error.message : String(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="report-title" className="screen">
      <h1 id="report-title">{t("pg.report.title")}</h1>
      {locked ? <p className="notice">{t("pg.report.locked")}</p> : null}
      {action ? <p className="notice">{t("cp.act.answeringNote")}</p> : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <fieldset>
          <legend>{t("pg.report.measures")}</legend>
          {measures.map((m) => (
            <label key={m.rawId} className="check">
              <input
                type="checkbox"
                checked={measureIds.includes(m.rawId)}
                disabled={locked}
                onChange={() =>
                  setMeasureIds((ids) => (ids.includes(m.rawId) ? ids.filter((x) => x !== m.rawId) : [...ids, m.rawId]))
                }
              />
              <span>
                {m.label} · {m.text.slice(0, 40)}
              </span>
            </label>
          ))}
        </fieldset>
        <label htmlFor="pg-text">{t("pg.report.text")}</label>
        <textarea
          id="pg-text"
          rows={5}
          maxLength={20000}
          value={text}
          disabled={locked}
          aria-describedby="pg-text-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <p id="pg-text-hint" className="field-hint">
          {t("pg.report.textHint")}
        </p>
        <label htmlFor="pg-percent">{t("pg.report.percent")}</label>
        <input
          id="pg-percent"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={percent}
          disabled={locked}
          onChange={(e) => setPercent(e.target.value)}
        />
        <fieldset>
          <legend>{t("pg.report.files")}</legend>
          <p id="pg-files-hint" className="field-hint">
            {t("pg.report.filesHint", { size: formatBytes(MAX_EVIDENCE_BYTES), count: MAX_EVIDENCE_FILES })}
          </p>
          <label htmlFor="pg-files" className="visually-hidden">
            {t("pg.report.files")}
          </label>
          <input
            id="pg-files"
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            disabled={locked}
            aria-describedby="pg-files-hint"
            onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ""))}
          />
          <label htmlFor="pg-camera">{t("pg.report.takePhoto")}</label>
          <input
            id="pg-camera"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={locked}
            onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ""))}
          />
          <ul className="plain">
            {files.map((f) => (
              <li key={f.id}>
                {f.fileName} ({formatBytes(f.size)}){" "}
                {!locked ? (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                  >
                    {t("pg.report.removeFile", { name: f.fileName })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </fieldset>
        {errors.length > 0 ? (
          <ul className="form-errors" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        {!locked ? (
          <div className="item-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t("pg.report.submit")}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void save(true)}>
              {t("pg.report.saveDraft")}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
