// Route entry of the capture form: gives a new record its id (kept in the URL, so a reload resumes the same
// draft), then loads what exists for that id: the autosaved draft first, else the saved outbox entry, else a blank
// form for the chosen item.
import { useEffect, useState } from "react";
import { contentOf, isProgressEnvelope } from "@rectify/server/sync";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { isoWithOffset } from "../lib/time.ts";
import { isOwnedBy } from "../outbox/index.ts";
import { navigate, type Route } from "../router.ts";
import { useServices } from "../services.tsx";
import { CaptureForm } from "./capture-form.tsx";
import { asFormState, emptyForm, formFromContent, type FormState } from "./form-model.ts";
import { findTarget } from "../campaigns/targets.ts";
import type { RecordKind } from "@rectify/server/sync";

type CaptureRoute = Extract<Route, { name: "capture" }>;

function safeRawId(id: string | null): string | null {
  if (!id) return null;
  try {
    return rawId(id);
  } catch {
    return null;
  }
}

export function CaptureScreen({ route }: { route: CaptureRoute }) {
  useEffect(() => {
    if (!route.recordId) navigate({ ...route, recordId: newUuid() }, { replace: true });
  }, [route]);
  if (!route.recordId) return null;
  return (
    <CaptureLoader
      key={route.recordId}
      recordId={route.recordId}
      problemId={route.problemId}
      measureId={route.measureId}
      targetId={route.targetId ?? null}
      kind={route.kind ?? null}
    />
  );
}

interface Loaded {
  form: FormState;
  /** A saved record (entry) is being changed. */
  editing: boolean;
  /** Nothing existed: start locating at once. */
  fresh: boolean;
}

function CaptureLoader({
  recordId,
  problemId,
  measureId,
  targetId,
  kind,
}: {
  recordId: string;
  problemId: string | null;
  measureId: string | null;
  targetId: string | null;
  kind: RecordKind | null;
}) {
  const t = useT();
  const { store } = useServices();
  const userId = useUser().id;
  const { workingSet, loaded: wsLoaded } = useWorkingSet();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!wsLoaded || loaded) return;
    let cancelled = false;
    void (async () => {
      const [draft, entry] = await Promise.all([store.getDraft(recordId), store.get(recordId)]);
      if (cancelled) return;
      // Another user's record on this phone: not shown, and never overwritten by this user's autosave.
      if ((draft && !isOwnedBy(draft, userId)) || (entry && !isOwnedBy(entry, userId)))
        return setFailure(t("outbox.notYours"));
      const fromDraft = draft ? asFormState(draft.data) : null;
      if (fromDraft) return setLoaded({ form: fromDraft, editing: !!entry, fresh: false });
      if (entry) {
        const env = entry.envelope;
        // A progress report is edited on its own screen, never as a field record.
        if (isProgressEnvelope(env)) {
          return navigate({ name: "report", id: recordId, measureIds: [], answers: null }, { replace: true });
        }
        return setLoaded({ form: formFromContent(contentOf(env)), editing: true, fresh: false });
      }
      // From a campaign target: its measure and method, and the target, so the record counts towards it.
      const target = targetId ? findTarget(workingSet?.targets, targetId) : null;
      if (target) {
        const form = emptyForm(recordId, target.problemRawId, isoWithOffset(new Date()));
        const method = kind && target.methods.includes(kind) ? kind : (target.methods[0] ?? form.kind);
        const picked = { ...form, kind: method, measureIds: [target.measureRawId], targetId: target.rawId };
        return setLoaded({ form: picked, editing: false, fresh: true });
      }
      const problem = problemId ? findProblem(workingSet, problemId) : null;
      const form = emptyForm(recordId, problem?.rawId ?? safeRawId(problemId), isoWithOffset(new Date()));
      const measure = measureId ? problem?.measures.find((m) => m.id === measureId || m.rawId === measureId) : null;
      setLoaded({ form: { ...form, measureIds: measure ? [measure.rawId] : [] }, editing: false, fresh: true });
    })().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [store, userId, t, recordId, problemId, measureId, targetId, kind, workingSet, wsLoaded, loaded]);

  if (failure)
    return (
      <p className="form-error" role="alert">
        {t("capture.saveFailed", { message: failure })}
      </p>
    );
  if (!loaded) return <p className="muted">{t("common.loading")}</p>;
  return <CaptureForm initial={loaded.form} editing={loaded.editing} fresh={loaded.fresh} />;
}
