// The inspection form's state and its mapping to and from the sync envelope's RecordContent. Pure.
// Invariants: the form state is plain JSON (it is the autosaved draft); photo order is stamped, original per
// capture, then the signature (order is content); ids are database UUIDs, as the envelope wants.
import {
  MAX_PHOTOS,
  type PhotoRef,
  type Position,
  type Rating,
  type RecordContent,
  type RecordKind,
} from "@rectify/server/sync";

/** A stroke of the signature: x,y pairs in 0..1 of the pad, flattened. */
export type Stroke = number[];

export interface CapturedPhoto {
  stamped: PhotoRef;
  /** null only for records edited from an envelope that had a lone photo. */
  original: PhotoRef | null;
}

export interface QaPair {
  question: string;
  answer: string;
}

export interface FormState {
  /** Draft format version, so a later app can read (or drop) older drafts. */
  v: 1;
  recordId: string;
  problemId: string | null;
  measureIds: string[];
  kind: RecordKind;
  deviceTime: string;
  position: Position | null;
  findings: string;
  rating: Rating | null;
  followUpRequired: boolean;
  /** A look-back (回头看) re-inspection; optional so drafts from before the field still load. */
  lookBack?: boolean;
  /** The campaign target (专项督查, raw UUID) the record is made for; optional like lookBack. */
  targetId?: string;
  site: { place: string; peopleMet: string; observations: string };
  ledger: { ledgers: string; observations: string };
  questioning: { name: string; post: string; unit: string; qa: QaPair[] };
  /** ref: the exported PNG, null while the strokes changed since the last export (or nothing is drawn). */
  signature: { strokes: Stroke[]; ref: PhotoRef | null };
  photos: CapturedPhoto[];
}

export function emptyForm(recordId: string, problemId: string | null, deviceTime: string): FormState {
  return {
    v: 1,
    recordId,
    problemId,
    measureIds: [],
    kind: "SITE_VISIT",
    deviceTime,
    position: null,
    findings: "",
    rating: null,
    followUpRequired: false,
    site: { place: "", peopleMet: "", observations: "" },
    ledger: { ledgers: "", observations: "" },
    questioning: { name: "", post: "", unit: "", qa: [{ question: "", answer: "" }] },
    signature: { strokes: [], ref: null },
    photos: [],
  };
}

/** A draft read back from storage, or null when it is not a form of this version (never trust stored shapes). */
export function asFormState(data: unknown): FormState | null {
  const f = data as Partial<FormState> | null;
  if (!f || f.v !== 1 || typeof f.recordId !== "string" || !Array.isArray(f.photos)) return null;
  return f as FormState;
}

export function photoRefs(form: FormState): PhotoRef[] {
  const refs = form.photos.flatMap((p) => (p.original ? [p.stamped, p.original] : [p.stamped]));
  if (form.kind === "ONSITE_QUESTIONING" && form.signature.ref) refs.push(form.signature.ref);
  return refs;
}

/** Every photo id the form holds bytes for (including a signature of another kind, still on the device). */
export function allPhotoIds(form: FormState): string[] {
  const ids = form.photos.flatMap((p) => (p.original ? [p.stamped.id, p.original.id] : [p.stamped.id]));
  if (form.signature.ref) ids.push(form.signature.ref.id);
  return ids;
}

/** The record as the engine's saveRecord wants it. Call only after the signature was exported. */
export function formToContent(form: FormState): RecordContent {
  const common = {
    recordId: form.recordId,
    problemId: form.problemId ?? "",
    measureIds: form.measureIds,
    deviceTime: form.deviceTime,
    position: form.position,
    findings: form.findings.trim(),
    rating: form.rating,
    followUpRequired: form.followUpRequired,
    // Only when set: an envelope without the field hashes as it did before the field existed.
    ...(form.lookBack ? { lookBack: true } : {}),
    ...(form.targetId ? { targetId: form.targetId } : {}),
    photos: photoRefs(form),
  };
  switch (form.kind) {
    case "SITE_VISIT":
      return {
        ...common,
        kind: "SITE_VISIT",
        details: {
          place: form.site.place.trim(),
          peopleMet: form.site.peopleMet.trim(),
          observations: form.site.observations.trim(),
        },
      };
    case "LEDGER_CHECK":
      return {
        ...common,
        kind: "LEDGER_CHECK",
        details: { ledgers: form.ledger.ledgers.trim(), observations: form.ledger.observations.trim() },
      };
    case "ONSITE_QUESTIONING": {
      const q = form.questioning;
      return {
        ...common,
        kind: "ONSITE_QUESTIONING",
        details: {
          interviewee: { name: q.name.trim(), post: q.post.trim(), unit: q.unit.trim() },
          qa: q.qa.map((p) => ({ question: p.question.trim(), answer: p.answer.trim() })),
          signature: form.signature.ref ? { photoId: form.signature.ref.id } : null,
        },
      };
    }
  }
}

/** The form for editing a saved record (the outbox entry's content). */
export function formFromContent(c: RecordContent): FormState {
  const form = emptyForm(c.recordId, c.problemId, c.deviceTime);
  const signatureId = c.kind === "ONSITE_QUESTIONING" ? (c.details.signature?.photoId ?? null) : null;
  const photos: CapturedPhoto[] = [];
  const rest = c.photos.filter((p) => p.id !== signatureId);
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i]!;
    const next = rest[i + 1];
    if (p.variant === "stamped" && next?.variant === "original") {
      photos.push({ stamped: p, original: next });
      i++;
    } else {
      photos.push({ stamped: p, original: null });
    }
  }
  const base: FormState = {
    ...form,
    measureIds: [...c.measureIds],
    kind: c.kind,
    position: c.position,
    findings: c.findings,
    rating: c.rating,
    followUpRequired: c.followUpRequired,
    lookBack: c.lookBack ?? false,
    ...(c.targetId ? { targetId: c.targetId } : {}),
    photos,
    signature: { strokes: [], ref: c.photos.find((p) => p.id === signatureId) ?? null },
  };
  if (c.kind === "SITE_VISIT") return { ...base, site: { ...c.details } };
  if (c.kind === "LEDGER_CHECK") return { ...base, ledger: { ...c.details } };
  return {
    ...base,
    questioning: { ...c.details.interviewee, qa: c.details.qa.map((p) => ({ ...p })) },
  };
}

/** Whether the inspector has typed or captured anything worth keeping as a draft. */
export function hasContent(form: FormState): boolean {
  const texts = [
    form.findings,
    form.site.place,
    form.site.peopleMet,
    form.site.observations,
    form.ledger.ledgers,
    form.ledger.observations,
    form.questioning.name,
    form.questioning.post,
    form.questioning.unit,
    ...form.questioning.qa.flatMap((p) => [p.question, p.answer]),
  ];
  return (
    texts.some((t) => t.trim() !== "") ||
    form.photos.length > 0 ||
    form.signature.strokes.length > 0 ||
    form.signature.ref !== null ||
    // Not measureIds: a form opened from a measure's link has one ticked before anything was entered.
    form.rating !== null ||
    form.followUpRequired ||
    !!form.lookBack
  );
}

/** How many more photo captures fit (each capture is two variants; the signature takes one slot). */
export function photoSlotsLeft(form: FormState): number {
  const used = form.photos.reduce((n, p) => n + (p.original ? 2 : 1), 0);
  const signature = form.kind === "ONSITE_QUESTIONING" && (form.signature.ref || form.signature.strokes.length) ? 1 : 0;
  return Math.max(0, Math.floor((MAX_PHOTOS - used - signature) / 2));
}
