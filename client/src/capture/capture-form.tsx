// The inspection form: autosaves as a draft while typing, and "保存记录" hands the record to the sync engine.
// Invariants: "已保存" is announced only after saveRecord resolved (the IndexedDB transaction completed); every
// error is shown next to its field; photo bytes nothing refers to any more are deleted, others never.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Position, RecordKind } from "@rectify/server/sync";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { formatDateTime, formatShort } from "../lib/time.ts";
import { OutboxValidationError } from "../outbox/index.ts";
import { href, navigate } from "../router.ts";
import { useServices } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { fieldId } from "../ui/field.tsx";
import { useDraftAutosave } from "./draft-autosave.ts";
import { checkForm, errorsFromIssues, firstErrorField, type FieldError, type FieldErrors } from "./form-errors.ts";
import { allPhotoIds, formToContent, photoSlotsLeft, type FormState, type Stroke } from "./form-model.ts";
import { useGeolocation } from "./geolocation.ts";
import { ItemFields } from "./item-fields.tsx";
import { TargetNote } from "../campaigns/target-note.tsx";
import { ConclusionFields, KindFields } from "./kind-fields.tsx";
import { ensurePersistentStorage } from "./persistence.ts";
import { PhotoField } from "./photo-field.tsx";
import { formatPosition } from "./photo-layout.ts";
import { renderSignature } from "./photo-process.ts";
import { deleteIfUnreferenced, isQuotaError, photoFileName, storePhoto } from "./photo-store.ts";
import { storagePressure } from "../settings/storage-pressure.ts";
import { useMountEffect } from "./use-mount-effect.ts";

/** True for a quota failure, which 设置 then reports as a full device. */
function noteQuota(error: unknown): boolean {
  if (!isQuotaError(error)) return false;
  storagePressure.markFull();
  return true;
}

export function CaptureForm({ initial, editing, fresh }: { initial: FormState; editing: boolean; fresh: boolean }) {
  const t = useT();
  const user = useUser();
  const { store, engine, cache } = useServices();
  const { workingSet } = useWorkingSet();
  const announce = useAnnounce();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [draftAt, setDraftAt] = useState<number | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [closed, setClosed] = useState(false);
  /** Photo ids this form dropped (removed thumbnail, replaced signature): deleted once nothing refers to them. */
  const dropped = useRef<string[]>([]);

  /** Set by the inspector's own edits only (not by the save itself), so live re-checking never hides save errors. */
  const edited = useRef(false);
  const update = useCallback((patch: (f: FormState) => FormState) => {
    edited.current = true;
    setForm(patch);
  }, []);
  useEffect(() => {
    // After a failed save, errors follow the input live; protocol issues come back on the next save.
    if (!attempted || !edited.current) return;
    edited.current = false;
    setErrors(checkForm(form, Date.now()));
  }, [form, attempted]);

  const cleanUp = useCallback(() => {
    const ids = dropped.current;
    dropped.current = [];
    void deleteIfUnreferenced(store, ids).catch(() => undefined);
  }, [store]);

  useDraftAutosave(form, user.id, {
    paused: saving || saved || closed,
    onSaved: (at) => {
      setDraftAt(at);
      cleanUp();
    },
    onError: (error) =>
      setErrors((e) => ({
        ...e,
        form: noteQuota(error)
          ? { key: "error.quota" }
          : { key: "capture.draftFailed", params: { message: String(error) } },
      })),
  });

  const onPosition = useCallback((position: Position) => update((f) => ({ ...f, position })), [update]);
  const geo = useGeolocation(onPosition);
  useMountEffect(() => {
    if (fresh) geo.locate();
  });

  const problem = form.problemId ? findProblem(workingSet, form.problemId) : null;
  const message = (e: FieldError | undefined | null) => (e ? t(e.key, e.params) : null);

  const stampInfo = () => ({
    time: formatDateTime(new Date()),
    inspector: t("stamp.inspector", { name: user.displayName }),
    position: formatPosition(
      form.position,
      (lat, lng, accuracy) => t("stamp.position", { lat, lng, accuracy }),
      t("stamp.noPosition"),
    ),
    place: form.kind === "SITE_VISIT" ? form.site.place.trim() : "",
    item: problem ? `${problemLabel(problem)} ${problem.title}` : "",
  });

  function onSignature(strokes: Stroke[]) {
    if (form.signature.ref) dropped.current.push(form.signature.ref.id);
    update((f) => ({ ...f, signature: { strokes, ref: null } }));
  }

  function focusField(key: string) {
    requestAnimationFrame(() => document.getElementById(key === "form" ? "capture-error" : fieldId(key))?.focus());
  }

  async function save() {
    if (saving) return;
    setAttempted(true);
    const local = checkForm(form, Date.now());
    if (Object.keys(local).length > 0) {
      setErrors(local);
      announce(t("capture.fixErrors"));
      focusField(firstErrorField(local) ?? "form");
      return;
    }
    setSaving(true);
    setErrors({});
    announce(t("capture.saving"));
    let f = form;
    try {
      void ensurePersistentStorage(cache).catch(() => undefined);
      if (f.kind === "ONSITE_QUESTIONING" && f.signature.strokes.length > 0 && !f.signature.ref) {
        const png = await renderSignature(f.signature.strokes);
        const ref = await storePhoto(store, png, "original", photoFileName(new Date(), 0, "signature", "png"));
        f = { ...f, signature: { ...f.signature, ref } };
        setForm(f);
      }
      await engine.saveRecord(formToContent(f));
      // Resolved: the record is durably in the outbox. Only now is it "saved".
      await store.deleteDraft(f.recordId);
      if (f.kind !== "ONSITE_QUESTIONING" && f.signature.ref) dropped.current.push(f.signature.ref.id);
      cleanUp();
      setSaved(true);
      announce(t("capture.saved"));
    } catch (error) {
      const next: FieldErrors =
        error instanceof OutboxValidationError
          ? errorsFromIssues(error.error.issues, f)
          : {
              form: noteQuota(error)
                ? { key: "error.quota" }
                : { key: "capture.saveFailed", params: { message: String(error) } },
            };
      setErrors(next);
      announce(t("capture.fixErrors"));
      focusField(firstErrorField(next) ?? "form");
    } finally {
      setSaving(false);
    }
  }

  async function discardDraft() {
    setClosed(true); // pauses autosave for good
    await store.deleteDraft(form.recordId);
    dropped.current.push(...allPhotoIds(form));
    cleanUp();
    navigate(problem ? { name: "problem", id: problem.id } : { name: "home" });
  }

  if (saved) {
    return (
      <section className="screen saved-panel" aria-labelledby="saved-title">
        <h1 id="saved-title">✓ {t("capture.savedTitle")}</h1>
        <p>{t("capture.saved")}</p>
        <div className="bottom-actions">
          <button
            type="button"
            className="primary block"
            onClick={() =>
              navigate({ name: "capture", recordId: newUuid(), problemId: problem?.id ?? null, measureId: null })
            }
          >
            {t("capture.another")}
          </button>
          <a
            className="button secondary block"
            href={href(problem ? { name: "problem", id: problem.id } : { name: "home" })}
          >
            {t("capture.backToItem")}
          </a>
        </div>
      </section>
    );
  }

  const formError = message(errors.form);
  return (
    <form
      className="screen capture"
      aria-labelledby="capture-title"
      onSubmit={(e) => (e.preventDefault(), void save())}
      noValidate
    >
      <h1 id="capture-title">{t("capture.title")}</h1>
      {editing ? <p className="notice">{t("capture.editing")}</p> : null}
      <TargetNote targetId={form.targetId} />
      <ItemFields
        form={form}
        messages={{
          item: message(errors.item),
          measures: message(errors.measures),
          kind: message(errors.kind),
          time: message(errors.time),
          position: message(errors.position),
        }}
        onProblem={(problemId) => update((f) => ({ ...f, problemId, measureIds: [] }))}
        onMeasures={(measureIds) => update((f) => ({ ...f, measureIds }))}
        onKind={(kind: RecordKind) => update((f) => ({ ...f, kind }))}
        geoStatus={geo.state.status}
        onLocate={geo.locate}
      />
      <KindFields
        form={form}
        errors={errors}
        message={message}
        update={update}
        onSignature={onSignature}
        onSignatureClear={() => onSignature([])}
      />
      <PhotoField
        photos={form.photos}
        slotsLeft={photoSlotsLeft(form)}
        stampInfo={stampInfo}
        onAdd={(p) => update((f) => ({ ...f, photos: [...f.photos, p] }))}
        onRemove={(i) => {
          const p = form.photos[i];
          if (!p) return;
          dropped.current.push(p.stamped.id, ...(p.original ? [p.original.id] : []));
          update((f) => ({ ...f, photos: f.photos.filter((x) => x.stamped.id !== p.stamped.id) }));
        }}
        onCapture={() => void ensurePersistentStorage(cache).catch(() => undefined)}
        error={errors.photos ?? null}
        onError={(e) => setErrors((all) => ({ ...all, photos: e ?? undefined }))}
      />
      <ConclusionFields form={form} errors={errors} message={message} update={update} />
      {formError ? (
        <p id="capture-error" className="form-error" role="alert" tabIndex={-1}>
          {formError}
        </p>
      ) : null}
      <p className="muted draft-line" aria-live="polite">
        {draftAt ? t("capture.draftSaved", { time: formatShort(new Date(draftAt)) }) : ""}
      </p>
      {!editing && draftAt ? (
        confirmDiscard ? (
          <p className="confirm">
            <button type="button" className="danger" onClick={() => void discardDraft()}>
              {t("capture.discardDraft")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDiscard(false)}>
              {t("common.cancel")}
            </button>
          </p>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirmDiscard(true)}>
            {t("capture.discardDraft")}
          </button>
        )
      ) : null}
      <div className="bottom-actions">
        <button type="submit" className="primary block" disabled={saving} aria-busy={saving}>
          {saving ? <span className="spinner" aria-hidden="true" /> : null}
          {t("capture.save")}
        </button>
      </div>
    </form>
  );
}
