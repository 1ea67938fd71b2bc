// The statements of one record's sync, written out in SQL because Prisma adds nothing to them but round trips
// (read-backs of rows just written, a lookup per photo, a second read of a locked row). A new record without
// photos costs: lock-and-read, one reference check, the insert, its measure links, the audit event.
// Invariants: the row is read under FOR UPDATE in the same statement that locks it; syncState is computed from
// the same facts refreshSyncState() reads (held conflict, photos still missing); columns match projection().
import { Prisma } from "../generated/prisma/client.ts";
import type { RecordContent } from "../sync/index.ts";
import type { Tx } from "./record-state.ts";

export interface LockedRecord {
  inspectorId: string;
  version: number;
  clientRevision: number;
  clientVersion: number;
  lastForeignVersion: number;
  contentHash: string;
  clientRevisionHash: string | null;
  conflict: Prisma.JsonValue | null;
}

/** Locks the record's row for this transaction and reads what the merge needs, in one statement. */
export async function lockForSync(tx: Tx, recordId: string): Promise<LockedRecord | null> {
  const rows = await tx.$queryRaw<LockedRecord[]>`
    SELECT "inspectorId", version, "clientRevision", "clientVersion", "lastForeignVersion", "contentHash",
      "clientRevisionHash", conflict
    FROM "InspectionRecord" WHERE id = ${recordId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export interface ReferenceCheck {
  problem: boolean;
  measures: number;
  foreignPhoto: string | null;
  /** When the problem's inspection began (startDate, else feedbackDate); null when neither is known. */
  inspectionStart: Date | null;
  /** The named campaign target's measure; null when no target was named or it does not exist. */
  targetMeasure: string | null;
}

/**
 * The problem exists, how many of the measures are its own, a photo id already used by another record, and when
 * the problem's inspection began (a record cannot be older). One statement: the sync path stays lean.
 */
export async function checkReferencesSql(
  tx: Tx,
  recordId: string,
  problemId: string,
  measureIds: string[],
  photoIds: string[],
  targetId: string | null = null,
): Promise<ReferenceCheck> {
  const [row] = await tx.$queryRaw<ReferenceCheck[]>`
    SELECT EXISTS (SELECT 1 FROM "Problem" WHERE id = ${problemId}::uuid) AS problem,
      (SELECT count(*)::int FROM "Measure" WHERE id = ANY(${measureIds}::uuid[]) AND "problemId" = ${problemId}::uuid)
        AS measures,
      (SELECT id::text FROM "Attachment" WHERE id = ANY(${photoIds}::uuid[])
        AND "recordId" IS DISTINCT FROM ${recordId}::uuid LIMIT 1) AS "foreignPhoto",
      (SELECT COALESCE(i."startDate", i."feedbackDate")::timestamp FROM "Problem" p
        JOIN "Inspection" i ON i.id = p."inspectionId" WHERE p.id = ${problemId}::uuid) AS "inspectionStart",
      (SELECT "measureId"::text FROM "CampaignTarget" WHERE id = ${targetId}::uuid) AS "targetMeasure"`;
  return row!;
}

/** The photos of `c` the server knows already: id → complete (its bytes have arrived). */
export async function knownPhotos(tx: Tx, c: RecordContent): Promise<Map<string, boolean>> {
  if (!c.photos.length) return new Map();
  const rows = await tx.$queryRaw<{ id: string; done: boolean }[]>`
    SELECT id::text, "completedAt" IS NOT NULL AS done FROM "Attachment"
    WHERE id = ANY(${c.photos.map((p) => p.id)}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.done]));
}

export interface RecordWrite {
  recordId: string;
  inspectorId: string;
  content: RecordContent;
  bookkeeping: {
    version: number;
    clientRevision: number;
    clientVersion: number;
    lastForeignVersion: number;
    contentHash: string;
    clientRevisionHash: string | null;
  };
  syncState: "COMPLETE" | "AWAITING_PHOTOS" | "CONFLICT";
  now: Date;
}

function columns(w: RecordWrite) {
  const c = w.content;
  return {
    kind: Prisma.sql`${c.kind}::"RecordKind"`,
    rating: c.rating === null ? Prisma.sql`NULL` : Prisma.sql`${c.rating}::"Rating"`,
    deviceTime: new Date(c.deviceTime),
    content: JSON.stringify(c),
    details: JSON.stringify(c.details),
  };
}

export async function insertRecord(tx: Tx, w: RecordWrite) {
  const c = w.content;
  const k = columns(w);
  const b = w.bookkeeping;
  await tx.$executeRaw`
    INSERT INTO "InspectionRecord" (id, kind, "inspectorId", "problemId", content, "contentHash", version,
      "clientRevision", "clientVersion", "lastForeignVersion", "clientRevisionHash", "deviceTime", "receivedAt",
      "updatedAt", latitude, longitude, "accuracyM", findings, rating, "followUpRequired", details, "syncState",
      "targetId")
    VALUES (${w.recordId}::uuid, ${k.kind}, ${w.inspectorId}::uuid, ${c.problemId}::uuid, ${k.content}::jsonb,
      ${b.contentHash}, ${b.version}, ${b.clientRevision}, ${b.clientVersion}, ${b.lastForeignVersion},
      ${b.clientRevisionHash}, ${k.deviceTime}, ${w.now}, ${w.now}, ${c.position?.latitude ?? null}::float8,
      ${c.position?.longitude ?? null}::float8, ${c.position?.accuracyM ?? null}::float8, ${c.findings}, ${k.rating},
      ${c.followUpRequired}, ${k.details}::jsonb, ${w.syncState}::"SyncState", ${c.targetId ?? null}::uuid)`;
  await linkMeasures(tx, w.recordId, c.measureIds);
}

/** Applies a device's edit: the projected columns, the bookkeeping and its measure links. */
export async function updateRecord(tx: Tx, w: RecordWrite) {
  const c = w.content;
  const k = columns(w);
  const b = w.bookkeeping;
  await tx.$executeRaw`DELETE FROM "InspectionRecordMeasure" WHERE "recordId" = ${w.recordId}::uuid`;
  await tx.$executeRaw`
    UPDATE "InspectionRecord" SET kind = ${k.kind}, "problemId" = ${c.problemId}::uuid, content = ${k.content}::jsonb,
      "contentHash" = ${b.contentHash}, version = ${b.version}, "clientRevision" = ${b.clientRevision},
      "clientVersion" = ${b.clientVersion}, "lastForeignVersion" = ${b.lastForeignVersion},
      "clientRevisionHash" = ${b.clientRevisionHash}, "deviceTime" = ${k.deviceTime}, "updatedAt" = ${w.now},
      latitude = ${c.position?.latitude ?? null}::float8, longitude = ${c.position?.longitude ?? null}::float8,
      "accuracyM" = ${c.position?.accuracyM ?? null}::float8, findings = ${c.findings}, rating = ${k.rating},
      "followUpRequired" = ${c.followUpRequired}, details = ${k.details}::jsonb, "syncState" = ${w.syncState}::"SyncState",
      "targetId" = ${c.targetId ?? null}::uuid
    WHERE id = ${w.recordId}::uuid`;
  await linkMeasures(tx, w.recordId, c.measureIds);
}

async function linkMeasures(tx: Tx, recordId: string, measureIds: string[]) {
  if (!measureIds.length) return;
  await tx.$executeRaw`
    INSERT INTO "InspectionRecordMeasure" ("recordId", "measureId")
    SELECT ${recordId}::uuid, m FROM unnest(${measureIds}::uuid[]) AS m`;
}

/** Holds the device's stale edit beside the server copy (the server copy itself is untouched). */
export async function holdConflict(tx: Tx, w: Omit<RecordWrite, "content" | "syncState">, held: unknown) {
  const b = w.bookkeeping;
  await tx.$executeRaw`
    UPDATE "InspectionRecord" SET version = ${b.version}, "clientRevision" = ${b.clientRevision},
      "clientVersion" = ${b.clientVersion}, "lastForeignVersion" = ${b.lastForeignVersion},
      "contentHash" = ${b.contentHash}, "clientRevisionHash" = ${b.clientRevisionHash},
      conflict = ${JSON.stringify(held)}::jsonb, "syncState" = 'CONFLICT', "updatedAt" = ${w.now}
    WHERE id = ${w.recordId}::uuid`;
}

/** Attachment rows for photos not yet known (one statement); `stored` ones are complete at once. */
export async function registerPhotosSql(
  tx: Tx,
  recordId: string,
  uploaderId: string,
  photos: (RecordContent["photos"][number] & { stored: boolean })[],
  now: Date,
) {
  if (!photos.length) return;
  const rows = photos.map(
    (p) => Prisma.sql`(${p.id}::uuid, ${recordId}::uuid, ${p.sha256}, ${p.size}::int, ${p.mimeType}, ${p.fileName},
      ${p.variant}, ${uploaderId}::uuid, ${p.stored ? p.size : 0}::int, ${p.stored ? now : null}::timestamp, ${now})`,
  );
  await tx.$executeRaw`
    INSERT INTO "Attachment" (id, "recordId", sha256, size, "mimeType", "fileName", variant, "uploadedById",
      "receivedBytes", "completedAt", "createdAt")
    VALUES ${Prisma.join(rows)} ON CONFLICT (id) DO NOTHING`;
}
