// Receives progress reports (整改进展) from the outbox: one report on one or more measures makes one progress
// update per measure, each with its copy of the evidence files (the bytes are stored once, content-addressed).
// Invariants: idempotent by the report's client UUID (a resend is ALREADY_APPLIED and changes nothing); a
// liaison reports only on its unit's measures; a bad report is REJECTED without touching the database; the
// answered 补充材料 request is closed in the same transaction; audited.
import type { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import type { PhotoStore } from "../files/photo-store.ts";
import { acceptedEvidenceType } from "../files/evidence-types.ts";
import {
  evidenceIdFor,
  progressUpdateIdFor,
  rejectedAnswer,
  SYNC_ERROR_CODES,
  validateProgressEnvelope,
  type ProgressEnvelope,
  type ServerAnswer,
} from "../sync/index.ts";
import { audit } from "./audit.ts";
import { canActOnMeasure } from "./ledger.ts";
import { SyncBusyError } from "../errors.ts";
import { ActionAnswerRefused, checkAnswer, markAnswered } from "./actions.ts";

type Tx = Prisma.TransactionClient;

export interface ProgressDeps {
  prisma: PrismaClient;
  viewer: Viewer;
  photos: PhotoStore;
}

class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ProgressResult {
  answer: ServerAnswer;
  created: boolean;
  problemIds: string[];
  /** The rectification action this report answered (first delivery only). */
  answeredAction?: string | null;
}

/** File ids (as the device named them) whose bytes the server does not hold completely yet. */
async function missingFiles(tx: Tx, env: ProgressEnvelope): Promise<string[]> {
  if (env.photos.length === 0) return [];
  const done = await tx.attachment.findMany({
    where: { id: { in: env.photos.map((p) => p.id) }, completedAt: { not: null } },
    select: { id: true },
  });
  const have = new Set(done.map((d) => d.id));
  return env.photos.filter((p) => !have.has(p.id)).map((p) => p.id);
}

/** Sniffed types of files whose bytes are already stored (another report or record sent the same bytes). */
async function storedTypes(deps: ProgressDeps, env: ProgressEnvelope): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  for (const f of env.photos) {
    if (!(await deps.photos.has(f.sha256))) continue;
    const sniffed = acceptedEvidenceType(await deps.photos.sniffFile(f.sha256));
    if (!sniffed)
      throw new Rejection(SYNC_ERROR_CODES.FILE_TYPE_REFUSED, `${f.fileName} is not a PDF, .docx, .xlsx or image file`);
    types.set(f.sha256, sniffed);
  }
  return types;
}

async function checkReplay(tx: Tx, viewer: Viewer, env: ProgressEnvelope) {
  const first = await tx.progressUpdate.findUnique({ where: { id: env.recordId } });
  if (!first) return false;
  const all = await tx.progressUpdate.findMany({ where: { reportId: env.recordId }, select: { measureId: true } });
  const sameMeasures =
    all.length === env.measureIds.length && env.measureIds.every((id) => all.some((u) => u.measureId === id));
  if (first.authorId !== viewer.id || first.text !== env.text || !sameMeasures) {
    throw new Rejection(SYNC_ERROR_CODES.INVALID_RECORD, "This id belongs to a different progress report");
  }
  return true;
}

async function applyReport(tx: Tx, deps: ProgressDeps, env: ProgressEnvelope, types: Map<string, string>) {
  const { viewer } = deps;
  // Two deliveries of the same report serialise here; the second finds the first's rows.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${env.recordId}))::text AS locked`;
  if (await checkReplay(tx, viewer, env)) {
    return { created: false, problemIds: [] as string[], answeredAction: null as string | null };
  }
  const measures = await tx.measure.findMany({ where: { id: { in: env.measureIds } } });
  if (measures.length !== env.measureIds.length) {
    throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, "A measure of this report does not exist");
  }
  for (const m of measures) {
    if (!(await canActOnMeasure(tx, viewer, m.id))) {
      throw new Rejection(SYNC_ERROR_CODES.FORBIDDEN, `Measure ${m.number} is not your unit's`);
    }
  }
  const request = env.answersRequestId
    ? await tx.supplementRequest.findUnique({ where: { id: env.answersRequestId } })
    : null;
  if (env.answersRequestId && (!request || !env.measureIds.includes(request.measureId))) {
    throw new Rejection(SYNC_ERROR_CODES.UNKNOWN_REFERENCE, "The 补充材料 request answered is not on these measures");
  }
  const answering = env.answersActionId ? await checkAnswer(tx, viewer, env.answersActionId, env.measureIds) : null;
  const byId = new Map(measures.map((m) => [m.id, m]));
  let answerId: string | null = null;
  for (const [index, measureId] of env.measureIds.entries()) {
    const m = byId.get(measureId)!;
    const id = progressUpdateIdFor(env, index);
    await tx.progressUpdate.create({
      data: {
        id,
        reportId: env.recordId,
        problemId: m.problemId,
        measureId,
        unitId: viewer.unitId ?? m.responsibleUnitId,
        authorId: viewer.id,
        text: env.text,
        percentComplete: env.percentComplete,
        attachments: {
          create: env.photos.map((f) => {
            const stored = types.get(f.sha256);
            return {
              id: evidenceIdFor(f.id, measureId, index),
              sha256: f.sha256,
              size: f.size,
              mimeType: stored ?? f.mimeType,
              fileName: f.fileName,
              uploadedById: viewer.id,
              receivedBytes: stored ? f.size : 0,
              completedAt: stored ? new Date() : null,
            };
          }),
        },
      },
    });
    if (request && request.measureId === measureId) answerId = id;
  }
  await audit(tx, viewer, "reportProgress", "ProgressUpdate", env.recordId, {
    measureIds: env.measureIds,
    files: env.photos.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, fileName: f.fileName })),
    percentComplete: env.percentComplete,
    answersRequestId: env.answersRequestId,
  });
  if (answering) {
    const index = env.measureIds.indexOf(answering.measureId);
    await markAnswered(tx, viewer, answering.action.id, answering.action.status, progressUpdateIdFor(env, index));
  }
  if (request && answerId && !request.answerId) {
    await tx.supplementRequest.update({ where: { id: request.id }, data: { answerId, answeredAt: new Date() } });
    await audit(tx, viewer, "answerSupplement", "SupplementRequest", request.id, { answerId });
  }
  return {
    created: true,
    problemIds: [...new Set(measures.map((m) => m.problemId))],
    answeredAction: answering?.action.id ?? null,
  };
}

export async function syncProgressReport(
  deps: ProgressDeps,
  input: unknown,
  now = new Date(),
): Promise<ProgressResult> {
  const checked = validateProgressEnvelope(input, now);
  const rawId = (input as { recordId?: unknown } | null)?.recordId;
  if (!checked.ok) {
    const id = typeof rawId === "string" && rawId ? rawId : "(unknown)";
    return { answer: rejectedAnswer(id, checked.error), created: false, problemIds: [] };
  }
  const env = checked.value;
  try {
    const types = await storedTypes(deps, env);
    const result = await deps.prisma.$transaction(
      async (tx) => {
        const r = await applyReport(tx, deps, env, types);
        return { ...r, missing: await missingFiles(tx, env) };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    const answer: ServerAnswer = {
      recordId: env.recordId,
      outcome: result.created ? "CREATED" : "ALREADY_APPLIED",
      serverVersion: 1,
      missingPhotos: result.missing,
      error: null,
    };
    return { answer, created: result.created, problemIds: result.problemIds, answeredAction: result.answeredAction };
  } catch (err) {
    // The transaction could not start in time (pool exhausted): overload, the device retries later.
    if ((err as { code?: string })?.code === "P2028") throw new SyncBusyError(5);
    if (err instanceof Rejection || err instanceof ActionAnswerRefused) {
      return {
        answer: rejectedAnswer(env.recordId, { code: err.code, message: err.message }),
        created: false,
        problemIds: [],
      };
    }
    throw err;
  }
}
