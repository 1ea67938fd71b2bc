// The progress report a unit sends through the outbox (整改进展): one text, optional completion estimate and
// evidence files, on one measure or several. Pure (zod only), validated alike on the device and the server.
// Invariants: strict objects (unknown fields refused); the report's ids are client UUIDs, so a resend is
// recognised; per-measure ids derive from them deterministically, so every replay names the same rows.
import { z } from "zod";
import { sha256HexOfString } from "./sha256.ts";
import { MAX_CLOCK_SKEW_MS, MIN_DEVICE_TIME } from "./envelope.ts";
import { formatPath, issueMessage, type ValidationIssue } from "./validate.ts";
import type { SyncError } from "./answer.ts";

/** Evidence a unit may attach: PDF, Word and Excel (Office Open XML), and photos. Sniffed on arrival, never trusted. */
export const EVIDENCE_MIME_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/jpeg",
  "image/png",
  "image/webp",
] as const;
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];
/** File-name extensions the pickers offer, in the order of EVIDENCE_MIME_TYPES. */
export const EVIDENCE_EXTENSIONS = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png", ".webp"] as const;
/** The stated limit per file (the server refuses larger ones at declaration and upload). */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
export const MAX_REPORT_MEASURES = 50;
export const MAX_PROGRESS_CHARS = 20_000;

const clientUuid = z.uuid({ error: "must be a UUID" }).toLowerCase();
const dbUuid = z.guid({ error: "must be a UUID" }).toLowerCase();

export const evidenceRefSchema = z.strictObject({
  id: clientUuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex characters" }),
  size: z
    .int({ error: "must be a whole number of bytes" })
    .min(1, { error: "must be at least 1 byte" })
    .max(MAX_EVIDENCE_BYTES, { error: "must be at most 25 MiB" }),
  mimeType: z.enum(EVIDENCE_MIME_TYPES, { error: "must be a PDF, .docx, .xlsx, JPEG, PNG or WebP file" }),
  fileName: z
    .string()
    .max(255, { error: "must be at most 255 characters" })
    .refine((s) => s.trim().length > 0 && !/[\\/\0]/.test(s), { error: "must be a plain file name" }),
});

export const progressEnvelopeSchema = z
  .strictObject({
    entryKind: z.literal("progress", { error: 'must be "progress"' }),
    /** The report's id; also the id of the update on its first measure. */
    recordId: clientUuid,
    revision: z.int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
    baseVersion: z.int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }),
    measureIds: z
      .array(dbUuid)
      .min(1, { error: "must name at least one measure" })
      .max(MAX_REPORT_MEASURES, { error: `must name at most ${MAX_REPORT_MEASURES} measures` }),
    text: z
      .string()
      .max(MAX_PROGRESS_CHARS, { error: `must be at most ${MAX_PROGRESS_CHARS} characters` })
      .refine((s) => s.trim().length > 0, { error: "must not be empty" }),
    percentComplete: z
      .int({ error: "must be a whole number" })
      .min(0, { error: "must be between 0 and 100" })
      .max(100, { error: "must be between 0 and 100" })
      .nullable(),
    /** The 补充材料 request this report answers (closed by it). */
    answersRequestId: dbUuid.nullable(),
    /** The rectification action (督促整改事项) this report answers. Optional: older clients' reports stay valid. */
    answersActionId: dbUuid.optional(),
    deviceTime: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a time-zone offset" }),
    /** Named `photos` so the outbox's upload rounds treat evidence files like record photos. */
    photos: z
      .array(evidenceRefSchema)
      .max(MAX_EVIDENCE_FILES, { error: `must hold at most ${MAX_EVIDENCE_FILES} files` }),
  })
  .superRefine((env, ctx) => {
    const seen = new Set<string>();
    env.measureIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["measureIds", i], message: "is listed twice" });
      seen.add(id);
    });
    const files = new Set<string>();
    env.photos.forEach((p, i) => {
      if (files.has(p.id)) ctx.addIssue({ code: "custom", path: ["photos", i, "id"], message: "is listed twice" });
      files.add(p.id);
    });
  });

export type ProgressEnvelope = z.output<typeof progressEnvelopeSchema>;
export type EvidenceRef = z.output<typeof evidenceRefSchema>;
/** What the report form fills in; the outbox owns `revision` and `baseVersion`. */
export type ProgressContent = Omit<ProgressEnvelope, "revision" | "baseVersion">;

export function isProgressEnvelope(env: object): env is ProgressEnvelope {
  return (env as { entryKind?: unknown }).entryKind === "progress";
}

export interface InvalidProgressError extends SyncError {
  code: "SYNC_INVALID_RECORD";
  issues: ValidationIssue[];
}

export type ProgressValidation = { ok: true; value: ProgressEnvelope } | { ok: false; error: InvalidProgressError };

/**
 * Schema + clock check (deviceTime at most five minutes ahead of `now`, not before MIN_DEVICE_TIME), like
 * validateEnvelope for records.
 */
export function validateProgressEnvelope(input: unknown, now: Date): ProgressValidation {
  const parsed = progressEnvelopeSchema.safeParse(input);
  const issues: ValidationIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) }));
  if (parsed.success && Date.parse(parsed.data.deviceTime) - now.getTime() > MAX_CLOCK_SKEW_MS) {
    issues.push({ path: "deviceTime", message: "is ahead of the server clock; check the device clock" });
  }
  if (parsed.success && Date.parse(parsed.data.deviceTime) < Date.parse(MIN_DEVICE_TIME)) {
    issues.push({ path: "deviceTime", message: `is before ${MIN_DEVICE_TIME.slice(0, 10)}; check the device clock` });
  }
  if (issues.length === 0 && parsed.success) return { ok: true, value: parsed.data };
  const message = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join("; ");
  return { ok: false, error: { code: "SYNC_INVALID_RECORD", message: `Invalid progress report: ${message}`, issues } };
}

/**
 * A UUID derived from two others (SHA-256, shaped as an RFC 9562 version-8 UUID): the id of a report's update
 * on its 2nd, 3rd… measure, and of each file's copy there. The same inputs always give the same id.
 */
export function derivedUuid(a: string, b: string): string {
  const h = sha256HexOfString(`${a.toLowerCase()}:${b.toLowerCase()}`).slice(0, 32).split("");
  h[12] = "8";
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The update id of the report on measure `index` of its list. */
export function progressUpdateIdFor(env: Pick<ProgressEnvelope, "recordId" | "measureIds">, index: number): string {
  return index === 0 ? env.recordId : derivedUuid(env.recordId, env.measureIds[index]!);
}

/** The attachment id of file `fileId` on the report's update for measure `index` (uploads go to index 0's). */
export function evidenceIdFor(fileId: string, measureId: string, index: number): string {
  return index === 0 ? fileId : derivedUuid(fileId, measureId);
}
