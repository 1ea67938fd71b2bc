// The record envelope a field device sends (zod schema + types) and the protocol's bounds: sizes per field and per record,
// deviceTime not before 2000, not before its inspection began, not more than five minutes ahead of the server.
// Strict objects, so unknown fields are refused, never silently dropped.
import { z } from "zod";

export const RECORD_KINDS = ["SITE_VISIT", "LEDGER_CHECK", "ONSITE_QUESTIONING"] as const;
export const RATINGS = ["ON_TRACK", "LAGGING", "PROBLEM_FOUND"] as const;
export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_VARIANTS = ["original", "stamped"] as const;

export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_PHOTOS = 20;
export const MAX_FINDINGS_CHARS = 20_000;
/** Long free text (observations, answers, ledgers). Not in the brief; a bound keeps one record from filling the DB. */
export const MAX_TEXT_CHARS = 20_000;
/** Short labels (place, name, post, unit, file name). */
export const MAX_LABEL_CHARS = 500;
export const MAX_QA_PAIRS = 200;
export const MAX_MEASURES = 200;
/** How far a device clock may run ahead of the server before a record is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/**
 * No record is older than this (a device clock reset to 0001-01-01 or 1970 is refused). The server also
 * refuses a deviceTime before its inspection began (startDate, else feedbackDate), which only it knows.
 */
export const MIN_DEVICE_TIME = "2000-01-01T00:00:00Z";
/**
 * A whole record's content (its canonical JSON) is at most this many characters: each field has its own bound,
 * but 200 questions of 20,000 characters would still make one record of 8 million.
 */
export const MAX_RECORD_CHARS = 200_000;

/**
 * A record cannot be older than its inspection: a deviceTime before the start of the inspection's first day
 * (startDate, else feedbackDate; dates are Asia/Shanghai days) is refused by the server, which knows the dates.
 */
export function beforeInspection(deviceTime: string, inspectionStart: Date | null): boolean {
  if (!inspectionStart) return false;
  const startOfDayShanghai = Date.UTC(
    inspectionStart.getUTCFullYear(),
    inspectionStart.getUTCMonth(),
    inspectionStart.getUTCDate(),
    -8,
  );
  return Date.parse(deviceTime) < startOfDayShanghai;
}

// Ids are compared as strings (content hash, duplicate checks), so they are normalised to lowercase;
// PostgreSQL prints uuids lowercase too. Client-generated ids must be real RFC 9562 UUIDs, database ids
// only need the 8-4-4-4-12 hex shape (rows may come from gen_random_uuid or imports).
const clientUuid = z.uuid({ error: "must be a UUID" }).toLowerCase();
const dbUuid = z.guid({ error: "must be a UUID" }).toLowerCase();

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, { error: "must not be empty" });

export const positionSchema = z.strictObject({
  latitude: z
    .number()
    .min(-90, { error: "must be between -90 and 90" })
    .max(90, { error: "must be between -90 and 90" }),
  longitude: z
    .number()
    .min(-180, { error: "must be between -180 and 180" })
    .max(180, { error: "must be between -180 and 180" }),
  accuracyM: z.number().min(0, { error: "must be 0 or more metres" }),
});

export const photoRefSchema = z.strictObject({
  id: clientUuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex characters" }),
  size: z
    .int({ error: "must be a whole number of bytes" })
    .min(1, { error: "must be at least 1 byte" })
    .max(MAX_PHOTO_BYTES, { error: "must be at most 20 MiB" }),
  mimeType: z.enum(PHOTO_MIME_TYPES, { error: `must be one of ${PHOTO_MIME_TYPES.join(", ")}` }),
  variant: z.enum(PHOTO_VARIANTS, { error: `must be one of ${PHOTO_VARIANTS.join(", ")}` }),
  fileName: requiredText(255),
});

const siteVisitDetails = z.strictObject({
  place: requiredText(MAX_LABEL_CHARS),
  peopleMet: text(MAX_TEXT_CHARS),
  observations: text(MAX_TEXT_CHARS),
});

const ledgerCheckDetails = z.strictObject({
  ledgers: requiredText(MAX_TEXT_CHARS),
  observations: text(MAX_TEXT_CHARS),
});

const questioningDetails = z.strictObject({
  interviewee: z.strictObject({
    name: requiredText(MAX_LABEL_CHARS),
    post: text(MAX_LABEL_CHARS),
    unit: text(MAX_LABEL_CHARS),
  }),
  qa: z
    .array(z.strictObject({ question: text(MAX_TEXT_CHARS), answer: text(MAX_TEXT_CHARS) }))
    .min(1, { error: "must hold at least one question and answer" })
    .max(MAX_QA_PAIRS, { error: `must hold at most ${MAX_QA_PAIRS} questions` }),
  // The signature image travels like any photo: it must also be listed in `photos` (checked below).
  signature: z.strictObject({ photoId: clientUuid }).nullable(),
});

const common = {
  recordId: clientUuid,
  revision: z.int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  baseVersion: z.int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }),
  problemId: dbUuid,
  measureIds: z.array(dbUuid).max(MAX_MEASURES, { error: `must list at most ${MAX_MEASURES} measures` }),
  deviceTime: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a time-zone offset" }),
  position: positionSchema.nullable(),
  findings: text(MAX_FINDINGS_CHARS),
  rating: z.enum(RATINGS, { error: `must be one of ${RATINGS.join(", ")} or null` }).nullable(),
  followUpRequired: z.boolean({ error: "must be true or false" }),
  // A look-back (回头看) re-inspection of closed items rather than a routine visit. Optional, so records from
  // clients that predate it stay valid and hash the same.
  lookBack: z.boolean({ error: "must be true or false" }).optional(),
  // The campaign target (专项督查) this record is made for. Optional for the same reason; the server checks that
  // the target exists and that its measure is among measureIds.
  targetId: dbUuid.optional(),
  photos: z.array(photoRefSchema).max(MAX_PHOTOS, { error: `must hold at most ${MAX_PHOTOS} photos` }),
};

const siteVisit = z.strictObject({ ...common, kind: z.literal("SITE_VISIT"), details: siteVisitDetails });
const ledgerCheck = z.strictObject({ ...common, kind: z.literal("LEDGER_CHECK"), details: ledgerCheckDetails });
const questioning = z.strictObject({ ...common, kind: z.literal("ONSITE_QUESTIONING"), details: questioningDetails });

function duplicates(values: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const dup = new Set<number>();
  values.forEach((v, i) => (seen.has(v) ? dup.add(i) : seen.add(v)));
  return dup;
}

/**
 * Structural validation only. Use `validateEnvelope(input, now)`, which also checks `deviceTime`
 * against the clock and turns issues into one readable message.
 */
export const recordEnvelopeSchema = z
  .discriminatedUnion("kind", [siteVisit, ledgerCheck, questioning], {
    error: (iss) => (iss.code === "invalid_union" ? `must be one of ${RECORD_KINDS.join(", ")}` : "must be an object"),
  })
  .superRefine((env, ctx) => {
    for (const i of duplicates(env.measureIds)) {
      ctx.addIssue({ code: "custom", path: ["measureIds", i], message: "is listed twice" });
    }
    for (const i of duplicates(env.photos.map((p) => p.id))) {
      ctx.addIssue({ code: "custom", path: ["photos", i, "id"], message: "is listed twice" });
    }
    if (env.targetId !== undefined && env.measureIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["measureIds"], message: "must name the target's measure" });
    }
    if (env.kind === "ONSITE_QUESTIONING" && env.details.signature) {
      const id = env.details.signature.photoId;
      if (!env.photos.some((p) => p.id === id)) {
        ctx.addIssue({
          code: "custom",
          path: ["details", "signature", "photoId"],
          message: "must also be listed in photos, so the signature image is uploaded",
        });
      }
    }
  });

export type RecordEnvelope = z.output<typeof recordEnvelopeSchema>;
export type RecordKind = RecordEnvelope["kind"];
export type Rating = (typeof RATINGS)[number];
export type PhotoRef = z.output<typeof photoRefSchema>;
export type Position = z.output<typeof positionSchema>;
export type SiteVisitDetails = z.output<typeof siteVisitDetails>;
export type LedgerCheckDetails = z.output<typeof ledgerCheckDetails>;
export type QuestioningDetails = z.output<typeof questioningDetails>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What the UI fills in; the outbox owns `revision` and `baseVersion`. */
export type RecordContent = DistributiveOmit<RecordEnvelope, "revision" | "baseVersion">;
