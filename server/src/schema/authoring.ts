// Hand authoring (supervisors, admins): create and correct inspections, problems and measures, reorder,
// remove (delete, or archive what has history), restore, and assign several measures at once.
// Invariants: the role scope is checked before any input rule (rules live in queries/authoring-input.ts, not in
// argument validators that would run first); every mutation is audited with before/after values; live updates
// are published on the ledger channel so open screens and working sets refresh.
import { builder } from "../builder.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { Context } from "../context.ts";
import {
  createInspection,
  createMeasure,
  createProblem,
  updateInspection,
  updateMeasure,
  updateProblem,
} from "../queries/authoring.ts";
import type { MeasureInput } from "../queries/authoring.ts";
import {
  removeMeasure,
  removeProblem,
  reorderMeasures,
  reorderProblems,
  restoreMeasure,
  restoreProblem,
} from "../queries/authoring-order.ts";
import { assignMeasures } from "../queries/bulk-assign.ts";
import { SectionEnum } from "./enums.ts";
import { decodeId } from "./ids.ts";
import { MeasureNode, ProblemNode } from "./ledger.ts";
import { InspectionNode } from "./inspection.ts";

const supervisor = { authScopes: { supervisor: true } } as const;
const failures = { types: [NotFoundError, ValidationError] };

function changed(ctx: Context, problemId: string | null, measureId: string | null) {
  ctx.pubsub.publish("ledger", { kind: "assignment", problemId, measureId, at: new Date().toISOString() });
}

const InspectionInput = builder.inputType("InspectionInput", {
  description: "A new inspection. kind: 巡视, 巡察, 专项巡察, 审计 or 其他.",
  fields: (t) => ({
    kind: t.string(),
    round: t.string({ required: false, description: "e.g. 十四届市委第五轮" }),
    team: t.string({ description: "e.g. 市委第二巡察组" }),
    inspectedBody: t.string(),
    startDate: t.field({ type: "Date", required: false }),
    endDate: t.field({ type: "Date", required: false }),
    feedbackDate: t.field({ type: "Date", required: false }),
    rectificationEnd: t.field({ type: "Date", required: false, description: "End of 集中整改期" }),
    published: t.boolean({ required: false, description: "Shown on the public pages (default false)" }),
  }),
});

const InspectionPatch = builder.inputType("InspectionPatch", {
  description: "Changes to an inspection: omitted fields stay, null clears an optional one.",
  fields: (t) => ({
    kind: t.string({ required: false }),
    round: t.string({ required: false }),
    team: t.string({ required: false }),
    inspectedBody: t.string({ required: false }),
    startDate: t.field({ type: "Date", required: false }),
    endDate: t.field({ type: "Date", required: false }),
    feedbackDate: t.field({ type: "Date", required: false }),
    rectificationEnd: t.field({ type: "Date", required: false }),
    published: t.boolean({ required: false }),
  }),
});

const ProblemInput = builder.inputType("ProblemInput", {
  description: "A problem's fields; on create `title` is required, on update omitted fields stay.",
  fields: (t) => ({
    title: t.string({ required: false }),
    category: t.string({ required: false, description: "方面, e.g. 落实党中央决策部署方面" }),
    body: t.string({ required: false }),
    section: t.field({ type: SectionEnum, required: false, description: "Default CONTINUING" }),
  }),
});

const PersonPick = builder.inputType("PersonPick", {
  description: "A person from the list (id) or a new one typed by name (found by name if it exists).",
  fields: (t) => ({ id: t.id({ required: false }), name: t.string({ required: false }) }),
});
const UnitPick = builder.inputType("UnitPick", {
  description: "A unit from the list (id) or a new one typed by name (found by name if it exists).",
  fields: (t) => ({ id: t.id({ required: false }), name: t.string({ required: false }) }),
});

const assignmentFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  leadLeader: t.field({ type: PersonPick, required: false, description: "null clears" }),
  responsibleUnit: t.field({ type: UnitPick, required: false, description: "null clears" }),
  participatingUnits: t.field({ type: [UnitPick], required: false, description: "Replaces the list; null clears" }),
  deadline: t.field({ type: "Date", required: false, description: "null clears; excludes longTerm" }),
  longTerm: t.boolean({ required: false, description: "长期坚持: no deadline, never overdue nor due soon" }),
});

const MeasureInputRef = builder.inputType("MeasureInput", {
  description: "A measure's fields; on create `text` is required, on update omitted fields stay.",
  fields: (t) => ({
    text: t.string({ required: false }),
    subPoints: t.stringList({ required: false, description: "一是/二是… points, in order" }),
    ...assignmentFields(t),
  }),
});

const BulkAssignmentInput = builder.inputType("BulkAssignmentInput", {
  description: "What to assign to every selected measure; omitted fields stay as they are.",
  fields: (t) => assignmentFields(t),
});

type Picks = { id?: string | number | null; name?: string | null };
const pick = (p: Picks | null | undefined, type: string) =>
  p === undefined ? undefined : p === null ? null : { id: p.id ? decodeId(p.id, type) : null, name: p.name ?? null };

function toMeasureInput(raw: typeof MeasureInputRef.$inferInput): MeasureInput {
  return {
    text: raw.text ?? undefined,
    subPoints: raw.subPoints,
    leadLeader: pick(raw.leadLeader, "Person"),
    responsibleUnit: pick(raw.responsibleUnit, "Unit"),
    participatingUnits:
      raw.participatingUnits === undefined
        ? undefined
        : raw.participatingUnits === null
          ? null
          : raw.participatingUnits.map((p) => pick(p, "Unit")!),
    deadline: raw.deadline,
    longTerm: raw.longTerm,
  };
}

const RemovalEnum = builder.enumType("Removal", {
  description: "What removing did.",
  values: {
    DELETED: { description: "Nothing hung off it: the row is gone" },
    ARCHIVED: { description: "It had records, progress or status history: kept, hidden from lists" },
  },
});

const RemovalResult = builder
  .objectRef<{ outcome: "DELETED" | "ARCHIVED"; id: string; typename: string }>("RemovalResult")
  .implement({
    description: "The outcome of removeProblem / removeMeasure.",
    fields: (t) => ({
      outcome: t.field({ type: RemovalEnum, resolve: (r) => r.outcome }),
      removedId: t.id({ resolve: (r) => Buffer.from(`${r.typename}:${r.id}`).toString("base64") }),
    }),
  });

/** Drops undefined-only keys the GraphQL layer may add and keeps explicit nulls. */
const plain = <T extends object>(o: T) => ({ ...o });

builder.mutationFields((t) => ({
  createInspection: t.prismaField({
    type: "Inspection",
    ...supervisor,
    errors: failures,
    args: { input: t.arg({ type: InspectionInput }) },
    resolve: async (query, _r, args, ctx) => {
      const { id } = await createInspection(ctx, plain(args.input));
      return ctx.prisma.inspection.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateInspection: t.prismaField({
    type: "Inspection",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), input: t.arg({ type: InspectionPatch }) },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, "Inspection");
      await updateInspection(ctx, id, plain(args.input));
      return ctx.prisma.inspection.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createProblem: t.prismaField({
    type: "Problem",
    ...supervisor,
    errors: failures,
    args: { inspectionId: t.arg.id(), input: t.arg({ type: ProblemInput }) },
    resolve: async (query, _r, args, ctx) => {
      const { id } = await createProblem(ctx, decodeId(args.inspectionId, "Inspection"), plain(args.input));
      changed(ctx, id, null);
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateProblem: t.prismaField({
    type: "Problem",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), input: t.arg({ type: ProblemInput }) },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, "Problem");
      await updateProblem(ctx, id, plain(args.input));
      changed(ctx, id, null);
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createMeasure: t.prismaField({
    type: "Measure",
    ...supervisor,
    errors: failures,
    args: { problemId: t.arg.id(), input: t.arg({ type: MeasureInputRef }) },
    resolve: async (query, _r, args, ctx) => {
      const problemId = decodeId(args.problemId, "Problem");
      const { id } = await createMeasure(ctx, problemId, toMeasureInput(args.input));
      changed(ctx, problemId, id);
      return ctx.prisma.measure.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMeasure: t.prismaField({
    type: "Measure",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), input: t.arg({ type: MeasureInputRef }) },
    resolve: async (query, _r, args, ctx) => {
      const { id, problemId } = await updateMeasure(ctx, decodeId(args.id, "Measure"), toMeasureInput(args.input));
      changed(ctx, problemId, id);
      return ctx.prisma.measure.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignMeasures: t.prismaField({
    type: [MeasureNode],
    description: "Assign the same lead leader, units or deadline to several measures at once (all or nothing).",
    ...supervisor,
    errors: { ...failures, result: { description: "The measures as assigned." } },
    args: { ids: t.arg.idList(), assignment: t.arg({ type: BulkAssignmentInput }) },
    resolve: async (query, _r, args, ctx) => {
      const ids = args.ids.map((id) => decodeId(id, "Measure"));
      const { measureIds, problemIds } = await assignMeasures(ctx, ids, toMeasureInput(args.assignment));
      for (const p of problemIds) changed(ctx, p, null);
      return ctx.prisma.measure.findMany({
        ...query,
        where: { id: { in: measureIds } },
        orderBy: [{ problem: { section: "asc" } }, { problem: { number: "asc" } }, { number: "asc" }],
      });
    },
  }),
  removeProblem: t.field({
    type: RemovalResult,
    description: "Delete a problem, or archive it when it has records, progress or status history.",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (_r, args, ctx) => {
      const id = decodeId(args.id, "Problem");
      const outcome = await removeProblem(ctx, id);
      changed(ctx, id, null);
      return { outcome, id, typename: "Problem" };
    },
  }),
  removeMeasure: t.field({
    type: RemovalResult,
    description: "Delete a measure, or archive it when it has records, progress or status history.",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (_r, args, ctx) => {
      const id = decodeId(args.id, "Measure");
      const outcome = await removeMeasure(ctx, id);
      changed(ctx, null, id);
      return { outcome, id, typename: "Measure" };
    },
  }),
  restoreProblem: t.prismaField({
    type: "Problem",
    description: "Bring an archived problem back (numbered last in its section).",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, "Problem");
      await restoreProblem(ctx, id);
      changed(ctx, id, null);
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  restoreMeasure: t.prismaField({
    type: "Measure",
    description: "Bring an archived measure back (numbered last among its problem's measures).",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, "Measure");
      const problemId = await restoreMeasure(ctx, id);
      changed(ctx, problemId, id);
      return ctx.prisma.measure.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reorderProblems: t.prismaField({
    type: "Inspection",
    description: "Renumber a section's live top-level problems 1..n in the given order (list each exactly once).",
    ...supervisor,
    errors: failures,
    args: { inspectionId: t.arg.id(), section: t.arg({ type: SectionEnum }), ids: t.arg.idList() },
    resolve: async (query, _r, args, ctx) => {
      const inspectionId = decodeId(args.inspectionId, "Inspection");
      const ids = args.ids.map((id) => decodeId(id, "Problem"));
      await reorderProblems(ctx, inspectionId, args.section, ids);
      changed(ctx, null, null);
      return ctx.prisma.inspection.findUniqueOrThrow({ ...query, where: { id: inspectionId } });
    },
  }),
  reorderMeasures: t.prismaField({
    type: "Problem",
    description: "Renumber a problem's live measures 1..n in the given order (list each exactly once).",
    ...supervisor,
    errors: failures,
    args: { problemId: t.arg.id(), ids: t.arg.idList() },
    resolve: async (query, _r, args, ctx) => {
      const problemId = decodeId(args.problemId, "Problem");
      const ids = args.ids.map((id) => decodeId(id, "Measure"));
      await reorderMeasures(ctx, problemId, ids);
      changed(ctx, problemId, null);
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id: problemId } });
    },
  }),
}));

// Referenced so the node types are registered before these mutations in any import order.
void ProblemNode;
void InspectionNode;
