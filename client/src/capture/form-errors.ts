// Form checks before saving, and the mapping of the protocol's validation issues (OutboxValidationError) onto
// form fields, so every message appears next to the field it is about. Pure.
import type { ValidationIssue } from "@rectify/server/sync";
import type { MessageKey, MessageParams } from "../i18n/i18n.ts";
import { photoRefs, type FormState } from "./form-model.ts";
import { MAX_PHOTOS } from "@rectify/server/sync";

/** Field keys are also the suffix of the input ids (`f-${key}`), so a summary can link to the field. */
export type FieldKey =
  | "item"
  | "measures"
  | "kind"
  | "time"
  | "position"
  | "place"
  | "peopleMet"
  | "observations"
  | "ledgers"
  | "intervieweeName"
  | "intervieweePost"
  | "intervieweeUnit"
  | "qa"
  | `qa.${number}.question`
  | `qa.${number}.answer`
  | "signature"
  | "photos"
  | "findings"
  | "rating"
  | "followUp"
  | "lookBack"
  | "form";

export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

export type FieldErrors = Partial<Record<FieldKey, FieldError>>;

/** A device clock a little ahead is tolerated (the server allows five minutes); a later time is a mistake. */
const FUTURE_TOLERANCE_MS = 60_000;

export function checkForm(form: FormState, now: number): FieldErrors {
  const errors: FieldErrors = {};
  const required = { key: "error.required" } as const;
  if (!form.problemId) errors.item = { key: "error.noItem" };
  const t = Date.parse(form.deviceTime);
  if (!Number.isFinite(t) || t > now + FUTURE_TOLERANCE_MS) errors.time = { key: "error.futureTime" };
  if (form.kind === "SITE_VISIT" && !form.site.place.trim()) errors.place = required;
  if (form.kind === "LEDGER_CHECK" && !form.ledger.ledgers.trim()) errors.ledgers = required;
  if (form.kind === "ONSITE_QUESTIONING") {
    const q = form.questioning;
    if (!q.name.trim()) errors.intervieweeName = required;
    if (q.qa.length === 0) errors.qa = required;
    q.qa.forEach((p, i) => {
      if (!p.question.trim() && !p.answer.trim()) errors[`qa.${i}.question`] = { key: "error.qaEmpty" };
    });
  }
  if (photoRefs(form).length > MAX_PHOTOS) errors.photos = { key: "error.tooManyPhotos" };
  return errors;
}

const DIRECT: Record<string, FieldKey> = {
  problemId: "item",
  kind: "kind",
  deviceTime: "time",
  findings: "findings",
  rating: "rating",
  followUpRequired: "followUp",
  lookBack: "lookBack",
  "details.place": "place",
  "details.peopleMet": "peopleMet",
  "details.observations": "observations",
  "details.ledgers": "ledgers",
  "details.interviewee.name": "intervieweeName",
  "details.interviewee.post": "intervieweePost",
  "details.interviewee.unit": "intervieweeUnit",
  "details.qa": "qa",
};

/** The form field a protocol path (e.g. `details.qa[2].answer`, `photos[3].size`) is about. */
export function fieldForPath(path: string, form: FormState): FieldKey {
  if (DIRECT[path]) return DIRECT[path];
  if (path.startsWith("measureIds")) return "measures";
  if (path.startsWith("position")) return "position";
  if (path.startsWith("details.signature")) return "signature";
  const qa = path.match(/^details\.qa\[(\d+)\]\.(question|answer)$/);
  if (qa) return `qa.${Number(qa[1])}.${qa[2] as "question" | "answer"}`;
  const photo = path.match(/^photos\[(\d+)\]/);
  if (photo) {
    const ref = photoRefs(form)[Number(photo[1])];
    return ref && ref.id === form.signature.ref?.id ? "signature" : "photos";
  }
  if (path.startsWith("photos")) return "photos";
  return "form";
}

/** zod's English messages, turned into a message the inspector can read where we know one. */
export function messageFor(issue: ValidationIssue): FieldError {
  if (issue.message === "must not be empty" || issue.message === "is required") return { key: "error.required" };
  if (issue.message.startsWith("must be at most") && issue.message.endsWith("characters"))
    return { key: "error.tooLong" };
  if (issue.path === "deviceTime" && issue.message.includes("ahead of the server clock"))
    return { key: "error.futureTime" };
  if (/^photos\[\d+\]\.size$/.test(issue.path) && issue.message.includes("20 MiB"))
    return { key: "error.photoTooLarge" };
  if (issue.path === "photos" && issue.message.startsWith("must hold at most")) return { key: "error.tooManyPhotos" };
  return { key: "error.invalid", params: { message: issue.message } };
}

export function errorsFromIssues(issues: readonly ValidationIssue[], form: FormState): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldForPath(issue.path, form);
    errors[field] ??= messageFor(issue); // the first issue per field is enough to act on
  }
  return errors;
}

/** Fields in the order they appear, for focusing the first error. */
export function firstErrorField(errors: FieldErrors): FieldKey | null {
  const order: string[] = [
    "item",
    "measures",
    "kind",
    "time",
    "position",
    "place",
    "peopleMet",
    "ledgers",
    "intervieweeName",
    "intervieweePost",
    "intervieweeUnit",
    "qa",
  ];
  const keys = Object.keys(errors) as FieldKey[];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    if (i >= 0) return i;
    if (k.startsWith("qa.")) return order.length + Number(k.split(".")[1]) / 1000;
    return (
      ["observations", "signature", "photos", "findings", "rating", "followUp", "lookBack", "form"].indexOf(k) +
      order.length +
      1
    );
  };
  return keys.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
