// Hand authoring of the ledger: create and correct inspections, problems and measures (supervisors, admins).
// Invariants: each change runs in one transaction with one audit event holding the changed fields' values before
// and after; a new problem or measure is numbered last among its siblings; titles stay unique per inspection
// (titleKey, as the importer matches them); a long-term (长期坚持) measure has no deadline.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { titleKey } from "../importer/normalise.ts";
import { audit } from "./audit.ts";
import { resolvePerson, resolveUnit, resolveUnits, type Pick } from "./authoring-refs.ts";
import {
  deadlineColumns,
  inspectionCreateSchema,
  inspectionPatchSchema,
  measureTextSchema,
  parseInput,
  problemCreateSchema,
  problemPatchSchema,
} from "./authoring-input.ts";
import { syncProblemStatus } from "./ledger.ts";

type Tx = Prisma.TransactionClient;

/** The changed fields only, as JSON-friendly values (dates as YYYY-MM-DD or ISO instants). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const json = (v: unknown) =>
    v instanceof Date
      ? v.toISOString().endsWith("T00:00:00.000Z")
        ? v.toISOString().slice(0, 10)
        : v.toISOString()
      : (v ?? null);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (after[k] === undefined) continue;
    if (JSON.stringify(json(before[k])) === JSON.stringify(json(after[k]))) continue;
    b[k] = json(before[k]);
    a[k] = json(after[k]);
  }
  return { before: b, after: a };
}

const INSPECTION_FIELDS = [
  "kind",
  "round",
  "team",
  "inspectedBody",
  "startDate",
  "endDate",
  "feedbackDate",
  "rectificationEnd",
  "published",
] as const;

function only<T extends object>(o: T, keys: readonly string[]) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k))) as Record<string, unknown>;
}

async function checkInspectionUnique(tx: Tx, team: string, inspectedBody: string, exceptId?: string) {
  const clash = await tx.inspection.findUnique({ where: { team_inspectedBody: { team, inspectedBody } } });
  if (clash && clash.id !== exceptId) {
    throw new ValidationError(`${team} already inspected ${inspectedBody}`, [
      { path: "input.inspectedBody", message: "an inspection of this body by this team exists" },
    ]);
  }
}

export async function createInspection(ctx: Context, raw: unknown) {
  const input = parseInput(inspectionCreateSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    await checkInspectionUnique(tx, input.team, input.inspectedBody);
    const data = { ...input, round: input.round || null, published: input.published ?? false };
    const created = await tx.inspection.create({ data });
    await audit(tx, ctx.viewer, "createInspection", "Inspection", created.id, diff({}, only(data, INSPECTION_FIELDS)));
    return created;
  });
}

export async function updateInspection(ctx: Context, id: string, raw: unknown) {
  const input = parseInput(inspectionPatchSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.inspection.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Inspection", id);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (next.startDate && next.endDate && next.startDate > next.endDate) {
      throw new ValidationError("the period ends before it starts", [
        { path: "input.endDate", message: "before startDate" },
      ]);
    }
    await checkInspectionUnique(tx, next.team, next.inspectedBody, id);
    const data = { ...input, ...(input.round === "" ? { round: null } : {}) };
    const updated = await tx.inspection.update({ where: { id }, data });
    const change = diff(only(before, INSPECTION_FIELDS), only(data, INSPECTION_FIELDS));
    await audit(tx, ctx.viewer, "updateInspection", "Inspection", id, change);
    return updated;
  });
}

async function checkTitleFree(tx: Tx, inspectionId: string, title: string, exceptId?: string) {
  const key = titleKey(title);
  const clash = await tx.problem.findUnique({ where: { inspectionId_titleKey: { inspectionId, titleKey: key } } });
  if (clash && clash.id !== exceptId) {
    throw new ValidationError("This inspection already has a problem with this title", [
      { path: "input.title", message: "taken" },
    ]);
  }
  return key;
}

async function nextProblemNumber(tx: Tx, inspectionId: string, section: "COMPLETED" | "CONTINUING") {
  const top = await tx.problem.aggregate({ where: { inspectionId, section, parentId: null }, _max: { number: true } });
  return (top._max.number ?? 0) + 1;
}

export async function createProblem(ctx: Context, inspectionId: string, raw: unknown) {
  const input = parseInput(problemCreateSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await tx.inspection.findUnique({ where: { id: inspectionId } }))) {
      throw new NotFoundError("Inspection", inspectionId);
    }
    const key = await checkTitleFree(tx, inspectionId, input.title);
    const section = input.section ?? "CONTINUING";
    const data = {
      inspectionId,
      section,
      number: await nextProblemNumber(tx, inspectionId, section),
      title: input.title,
      titleKey: key,
      category: input.category || null,
      body: input.body ?? "",
      status: "NOT_STARTED" as const,
    };
    const created = await tx.problem.create({ data });
    const fields = ["section", "number", "title", "category", "body", "status"];
    await audit(tx, ctx.viewer, "createProblem", "Problem", created.id, {
      inspectionId,
      ...diff({}, only(data, fields)),
    });
    return created;
  });
}

export async function updateProblem(ctx: Context, id: string, raw: unknown) {
  const input = parseInput(problemPatchSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.problem.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Problem", id);
    const data: Prisma.ProblemUncheckedUpdateInput & Record<string, unknown> = {
      ...input,
      ...(input.category === "" ? { category: null } : {}),
    };
    if (input.title !== undefined) data.titleKey = await checkTitleFree(tx, before.inspectionId, input.title, id);
    // Moving to the other section puts it last there; the report numbers each section from 1.
    if (input.section && input.section !== before.section && !before.parentId) {
      data.number = await nextProblemNumber(tx, before.inspectionId, input.section);
    }
    const updated = await tx.problem.update({ where: { id }, data });
    const fields = ["section", "number", "title", "category", "body"];
    await audit(tx, ctx.viewer, "updateProblem", "Problem", id, diff(only(before, fields), only(data, fields)));
    return updated;
  });
}

export interface MeasureInput {
  text?: string;
  subPoints?: string[] | null;
  leadLeader?: Pick | null;
  responsibleUnit?: Pick | null;
  participatingUnits?: Pick[] | null;
  deadline?: Date | null;
  longTerm?: boolean | null;
}

const MEASURE_FIELDS = [
  "number",
  "text",
  "subPoints",
  "leadLeaderId",
  "responsibleUnitId",
  "participantUnitIds",
  "deadline",
  "longTerm",
];

/** Resolves picks and checks the rules every measure write shares; returns columns and participants. */
export async function measureColumns(tx: Tx, ctx: Context, input: MeasureInput) {
  const text = parseInput(measureTextSchema, { text: input.text, subPoints: input.subPoints });
  const leadLeaderId =
    input.leadLeader === undefined
      ? undefined
      : input.leadLeader && (await resolvePerson(tx, ctx.viewer, input.leadLeader, "input.leadLeader"));
  const responsibleUnitId =
    input.responsibleUnit === undefined
      ? undefined
      : input.responsibleUnit && (await resolveUnit(tx, ctx.viewer, input.responsibleUnit, "input.responsibleUnit"));
  const participantUnitIds =
    input.participatingUnits === undefined || input.participatingUnits === null
      ? input.participatingUnits === null
        ? []
        : undefined
      : await resolveUnits(tx, ctx.viewer, input.participatingUnits, "input.participatingUnits");
  if (responsibleUnitId && participantUnitIds?.includes(responsibleUnitId)) {
    throw new ValidationError("The responsible unit cannot also be a participating unit", [
      { path: "input.participatingUnits", message: "contains the responsible unit" },
    ]);
  }
  return {
    columns: {
      ...(text.text !== undefined ? { text: text.text } : {}),
      ...(text.subPoints !== undefined ? { subPoints: text.subPoints ?? [] } : {}),
      ...(leadLeaderId !== undefined ? { leadLeaderId } : {}),
      ...(responsibleUnitId !== undefined ? { responsibleUnitId } : {}),
      ...deadlineColumns(input),
    },
    participantUnitIds,
  };
}

export async function measureSnapshot(tx: Tx, id: string) {
  const m = await tx.measure.findUnique({
    where: { id },
    include: { participants: { select: { unitId: true }, orderBy: { unitId: "asc" } } },
  });
  if (!m) return null;
  return { row: m, fields: { ...only(m, MEASURE_FIELDS), participantUnitIds: m.participants.map((p) => p.unitId) } };
}

/** Writes columns and participants of an existing measure and returns the audit diff (no audit written). */
export async function writeMeasure(tx: Tx, ctx: Context, id: string, input: MeasureInput) {
  const before = await measureSnapshot(tx, id);
  if (!before) throw new NotFoundError("Measure", id);
  const { columns, participantUnitIds } = await measureColumns(tx, ctx, input);
  await tx.measure.update({ where: { id }, data: columns });
  if (participantUnitIds) {
    await tx.measureParticipant.deleteMany({ where: { measureId: id } });
    await tx.measureParticipant.createMany({ data: participantUnitIds.map((unitId) => ({ measureId: id, unitId })) });
  }
  const after = {
    ...columns,
    ...(participantUnitIds ? { participantUnitIds: [...participantUnitIds].sort() } : {}),
  };
  return { problemId: before.row.problemId, change: diff(before.fields, after) };
}

export async function createMeasure(ctx: Context, problemId: string, input: MeasureInput) {
  if (input.text === undefined)
    throw new ValidationError("A measure needs its text", [{ path: "input.text", message: "required" }]);
  return ctx.prisma.$transaction(async (tx) => {
    const problem = await tx.problem.findUnique({ where: { id: problemId } });
    if (!problem) throw new NotFoundError("Problem", problemId);
    const { columns, participantUnitIds } = await measureColumns(tx, ctx, input);
    const top = await tx.measure.aggregate({ where: { problemId }, _max: { number: true } });
    const created = await tx.measure.create({
      data: {
        problemId,
        number: (top._max.number ?? 0) + 1,
        text: columns.text!,
        subPoints: columns.subPoints ?? [],
        leadLeaderId: columns.leadLeaderId ?? null,
        responsibleUnitId: columns.responsibleUnitId ?? null,
        deadline: columns.deadline ?? null,
        longTerm: columns.longTerm ?? false,
        status: "NOT_STARTED",
        participants: { create: (participantUnitIds ?? []).map((unitId) => ({ unitId })) },
      },
    });
    // A live problem gains an open measure: its rolled-up status follows (e.g. COMPLETED → IN_PROGRESS).
    await syncProblemStatus(tx, problemId, ctx.viewer?.id ?? null, `新增措施${created.number}`);
    const snap = await measureSnapshot(tx, created.id);
    await audit(tx, ctx.viewer, "createMeasure", "Measure", created.id, { problemId, ...diff({}, snap!.fields) });
    return created;
  });
}

export async function updateMeasure(ctx: Context, id: string, input: MeasureInput) {
  return ctx.prisma.$transaction(async (tx) => {
    const { problemId, change } = await writeMeasure(tx, ctx, id, input);
    await audit(tx, ctx.viewer, "updateMeasure", "Measure", id, change);
    return { id, problemId };
  });
}
