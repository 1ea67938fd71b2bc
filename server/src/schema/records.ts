// Inspection records from the field: the sync mutation devices call, and what supervisors read (filterable
// lists, per problem and per measure, with photos). Staff only: liaisons and the public see no records.
import { builder } from "../builder.ts";
import type { InspectionRecord, Prisma } from "../generated/prisma/client.ts";
import { MeasureNode } from "./ledger.ts";
import { resolveRecordConflict, reviseRecord } from "../queries/record-review.ts";
import { syncRecord } from "../queries/records.ts";
import type { OpenedAction } from "../queries/action-open-sql.ts";
import { serverAnswerSchema, type ServerAnswer } from "../sync/index.ts";
import { NotFoundError, SyncBusyError, ValidationError } from "../errors.ts";
import { z } from "zod";
import { decodeId } from "./ids.ts";
import type { GraphQLResolveInfo } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveCursorConnection, type PageInfoShape } from "@pothos/plugin-relay";
import type { Context } from "../context.ts";
import { columnsAskedFor, ownColumnsOnly } from "./own-columns.ts";
import {
  countRecords,
  inIdOrder,
  recordCursor,
  recordFilterSql,
  recordPageIds,
  recordPageRows,
  type RecordFilterValues,
} from "../queries/record-pages.ts";

export const RecordKindEnum = builder.enumType("RecordKind", {
  description: "The three ways inspectors verify rectification in the field.",
  values: {
    SITE_VISIT: { description: "实地走访" },
    LEDGER_CHECK: { description: "查阅台账" },
    ONSITE_QUESTIONING: { description: "现场问询" },
  },
});
export const RatingEnum = builder.enumType("Rating", {
  description: "An inspector's verdict on what was found.",
  values: ["ON_TRACK", "LAGGING", "PROBLEM_FOUND"] as const,
});
const SyncStateEnum = builder.enumType("SyncState", {
  description: "Whether a synced record is complete.",
  values: {
    COMPLETE: { description: "Every photo has arrived" },
    AWAITING_PHOTOS: { description: "Some photos have not arrived yet" },
    CONFLICT: { description: "A stale edit is held beside the server copy for a supervisor" },
  },
});

/** InspectionRecord fields that are one column of the row (the t.expose fields below), by GraphQL field name. */
const RECORD_OWN_COLUMNS = {
  id: "id",
  kind: "kind",
  deviceTime: "deviceTime",
  receivedAt: "receivedAt",
  updatedAt: "updatedAt",
  latitude: "latitude",
  longitude: "longitude",
  accuracyM: "accuracyM",
  findings: "findings",
  rating: "rating",
  followUpRequired: "followUpRequired",
  details: "details",
  version: "version",
  syncState: "syncState",
  conflict: "conflict",
} as const satisfies Record<string, keyof InspectionRecord>;
/** The page's cursor is made of these (recordCursor). */
const RECORD_ALWAYS_READ = ["id", "deviceTime"] as const satisfies (keyof InspectionRecord)[];

const InspectionRecordNode = builder.prismaNode("InspectionRecord", {
  description: "A field inspector's record: site visit, ledger check or on-site questioning.",
  id: { field: "id" },
  authScopes: { staff: true },
  fields: (t) => ({
    kind: t.expose("kind", { type: RecordKindEnum }),
    deviceTime: t.expose("deviceTime", { type: "DateTime", description: "When the device says it was recorded" }),
    receivedAt: t.expose("receivedAt", { type: "DateTime", description: "When the server first received it" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    inspector: t.relation("inspector", { skipTypeScopes: true }),
    inspectorName: t.string({
      select: { inspector: { select: { displayName: true } } },
      resolve: (r) => r.inspector.displayName,
    }),
    problem: t.relation("problem"),
    // Loaded through the link table in the record's own query (no statement per record).
    measures: t.field({
      type: [MeasureNode],
      select: (_args, _ctx, nestedSelection) => ({
        measures: { select: { measure: nestedSelection(true) }, orderBy: { measure: { number: "asc" } } },
      }),
      resolve: (r) => r.measures.map((m) => m.measure),
    }),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    accuracyM: t.exposeFloat("accuracyM", { nullable: true }),
    findings: t.exposeString("findings"),
    rating: t.expose("rating", { type: RatingEnum, nullable: true }),
    followUpRequired: t.exposeBoolean("followUpRequired"),
    lookBack: t.boolean({
      description: "Recorded as a look-back (回头看) of closed items",
      select: { content: true },
      resolve: (r) => (r.content as { lookBack?: boolean }).lookBack === true,
    }),
    details: t.expose("details", {
      type: "JSON",
      description: "Kind-specific fields (place, ledgers, questions and answers…)",
    }),
    version: t.exposeInt("version"),
    syncState: t.expose("syncState", { type: SyncStateEnum }),
    conflict: t.expose("conflict", {
      type: "JSON",
      nullable: true,
      description: "The device copy held while a conflict is open",
    }),
    photos: t.relation("attachments", { query: { orderBy: { createdAt: "asc" } } }),
    missingPhotos: t.int({
      select: { attachments: { select: { completedAt: true } } },
      resolve: (r) => r.attachments.filter((a) => !a.completedAt).length,
    }),
  }),
});

const RecordFilter = builder.inputType("RecordFilter", {
  description: "Filters for inspection records; all given filters must hold.",
  fields: (t) => ({
    problemId: t.id({ required: false }),
    measureId: t.id({ required: false }),
    inspectorId: t.id({ required: false }),
    kind: t.field({ type: RecordKindEnum, required: false }),
    rating: t.field({ type: RatingEnum, required: false }),
    followUpRequired: t.boolean({ required: false }),
    from: t.field({ type: "DateTime", required: false, description: "deviceTime at or after" }),
    to: t.field({ type: "DateTime", required: false, description: "deviceTime before" }),
    syncState: t.field({ type: SyncStateEnum, required: false }),
  }),
});

function recordFilter(f: typeof RecordFilter.$inferInput | null | undefined): RecordFilterValues {
  if (!f) return {};
  return {
    problemId: f.problemId ? decodeId(f.problemId, "Problem") : undefined,
    measureId: f.measureId ? decodeId(f.measureId, "Measure") : undefined,
    inspectorId: f.inspectorId ? decodeId(f.inspectorId, "User") : undefined,
    kind: f.kind ?? undefined,
    rating: f.rating ?? undefined,
    followUpRequired: f.followUpRequired ?? undefined,
    syncState: f.syncState ?? undefined,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
  };
}

type RecordPage = Awaited<ReturnType<typeof recordPage>>;

/** One keyset page of records (newest first); the nodes are read with what the query selects on them. */
async function recordPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null },
  where: Prisma.Sql,
) {
  const page = await resolveCursorConnection(
    { args, toCursor: (r) => recordCursor(r as InspectionRecord), defaultSize: 20, maxSize: 100 },
    async (w) => {
      const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"], typeName: "InspectionRecord" });
      // Only the record's own columns asked for (the lists' usual case): the page's statement reads them.
      if (ownColumnsOnly(query)) {
        const columns = columnsAskedFor(info, ["edges", "node"], RECORD_OWN_COLUMNS, RECORD_ALWAYS_READ);
        return recordPageRows(ctx.prisma, where, w, columns);
      }
      const ids = await recordPageIds(ctx.prisma, where, w);
      if (!ids.length) return [];
      const rows = await ctx.prisma.inspectionRecord.findMany({ ...query, where: { id: { in: ids } } });
      return inIdOrder(ids, rows);
    },
  );
  // Never null: the walk above always answers a list.
  const { edges, pageInfo } = page as { edges: { cursor: string; node: InspectionRecord }[]; pageInfo: PageInfoShape };
  return { edges, pageInfo, where };
}

/** totalCount is a statement of its own, run only when the query asks for it. */
const totalCountOf = (p: object, ctx: Context) => countRecords(ctx.prisma, (p as RecordPage).where);

const ORDER = [{ deviceTime: "desc" as const }, { id: "desc" as const }];

builder.queryFields((t) => ({
  inspectionRecords: t.connection(
    {
      type: InspectionRecordNode,
      authScopes: { staff: true },
      args: { filter: t.arg({ type: RecordFilter, required: false }) },
      resolve: (_root, args, ctx, info) => recordPage(ctx, info, args, recordFilterSql(recordFilter(args.filter))),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (p, _a, ctx) => totalCountOf(p, ctx) }) }) },
  ),
}));

builder.prismaObjectFields("Problem", (t) => ({
  records: t.relatedConnection("records", {
    authScopes: { staff: true },
    cursor: "id",
    totalCount: true,
    query: { orderBy: ORDER },
  }),
}));

builder.prismaObjectFields("Measure", (t) => ({
  records: t.connection(
    {
      type: InspectionRecordNode,
      authScopes: { staff: true },
      resolve: (m, args, ctx, info) => recordPage(ctx, info, args, recordFilterSql({ measureId: m.id })),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (p, _a, ctx) => totalCountOf(p, ctx) }) }) },
  ),
}));

const SyncError = builder.objectRef<{ code: string; message: string }>("SyncError").implement({
  description: "Why a synced record was rejected or held.",
  fields: (t) => ({ code: t.exposeString("code"), message: t.exposeString("message") }),
});

export const SyncAnswer = builder.objectRef<ServerAnswer>("SyncAnswer").implement({
  description: "The server's answer for one record (see @rectify/server/sync answer.ts)",
  fields: (t) => ({
    recordId: t.exposeString("recordId"),
    outcome: t.exposeString("outcome", { description: "CREATED | UPDATED | ALREADY_APPLIED | CONFLICT | REJECTED" }),
    serverVersion: t.exposeInt("serverVersion", { nullable: true }),
    missingPhotos: t.exposeStringList("missingPhotos"),
    error: t.field({ type: SyncError, nullable: true, resolve: (a) => a.error }),
  }),
});

const ConflictChoice = builder.enumType("ConflictChoice", {
  description: "Which copy a supervisor keeps when resolving a record conflict.",
  values: { SERVER: { description: "Keep the server copy" }, DEVICE: { description: "Keep the device's copy" } },
});

/**
 * Tells live screens a record changed (lights, lists) and each action it opened (the unit's liaison sees it at
 * once on the home screen and dashboards). Called after the transaction committed.
 */
function publishRecordChange(ctx: Context, problemId: string | null, actions: OpenedAction[]) {
  const at = new Date().toISOString();
  ctx.pubsub.publish("ledger", { kind: "record", problemId, measureId: null, at });
  for (const a of actions) {
    ctx.pubsub.publish("ledger", {
      kind: "action",
      problemId: a.problemId,
      measureId: a.measureId,
      actionId: a.id,
      unitId: a.unitId,
      at,
    });
  }
}

builder.mutationFields((t) => ({
  syncRecord: t.field({
    type: SyncAnswer,
    description:
      "Idempotent by recordId and revision: a record sent twice is stored once. A malformed record is answered REJECTED with the reason, and changes nothing.",
    authScopes: { staff: true },
    args: { envelope: t.arg({ type: "JSON" }) },
    resolve: async (_root, args, ctx) => {
      // Admission control: overload answers SYNC_BUSY with Retry-After (security/sync-gate.ts), never a generic error.
      const result = await ctx.syncGate
        .run(() => syncRecord({ prisma: ctx.prisma, viewer: ctx.viewer!, photos: ctx.photos }, args.envelope))
        .catch((err: unknown) => {
          if (err instanceof SyncBusyError) ctx.metrics.syncOutcomes.inc({ outcome: "BUSY" });
          throw err;
        });
      ctx.metrics.syncOutcomes.inc({ outcome: result.answer.outcome });
      if (result.changed) publishRecordChange(ctx, result.problemId, result.actions);
      return serverAnswerSchema.parse(result.answer);
    },
  }),
  resolveRecordConflict: t.prismaField({
    type: "InspectionRecord",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id(), keep: t.arg({ type: ConflictChoice }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "InspectionRecord");
      const keep = args.keep === "DEVICE" ? "device" : "server";
      const outcome = await resolveRecordConflict(ctx.prisma, ctx.viewer!, id, keep);
      if (!outcome) throw new NotFoundError("Open conflict on record", id);
      publishRecordChange(ctx, outcome.problemId, outcome.actions);
      return ctx.prisma.inspectionRecord.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reviseRecord: t.prismaField({
    type: "InspectionRecord",
    description:
      "A supervisor's correction of a record's findings, rating or follow-up flag (kept over stale device edits). A correction that makes it a finding (LAGGING, PROBLEM_FOUND, follow-up) opens its actions as a synced one does.",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      id: t.arg.id(),
      findings: t.arg.string({ required: false, validate: z.string().max(20000).nullish() }),
      rating: t.arg({ type: RatingEnum, required: false }),
      followUpRequired: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "InspectionRecord");
      const outcome = await reviseRecord(ctx.prisma, ctx.viewer!, id, args);
      if (!outcome) throw new NotFoundError("InspectionRecord", id);
      publishRecordChange(ctx, outcome.problemId, outcome.actions);
      return ctx.prisma.inspectionRecord.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
