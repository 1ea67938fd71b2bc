// Removing, restoring and reordering problems and measures by hand.
// Invariants: a row that anything hangs off (field records, progress, status history, close-out look-backs,
// public opinions, sub-problems) is archived, never deleted; archived rows keep their data and are hidden from
// lists; numbering of the live rows stays 1..n in the given order (archived measures follow, so the unique
// (problemId, number) holds); every step is audited with before/after values.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";
import { syncProblemStatus } from "./ledger.ts";

type Tx = Prisma.TransactionClient;
export type Removal = "DELETED" | "ARCHIVED";

async function measureHasHistory(tx: Tx, where: Prisma.MeasureWhereInput) {
  const n = await tx.measure.count({
    where: {
      AND: [
        where,
        {
          OR: [
            { statusChanges: { some: {} } },
            { progressUpdates: { some: {} } },
            { records: { some: {} } },
            { lookBacks: { some: {} } },
            { opinions: { some: {} } },
          ],
        },
      ],
    },
  });
  return n > 0;
}

async function problemHasHistory(tx: Tx, id: string) {
  const n = await tx.problem.count({
    where: {
      id,
      OR: [
        { statusChanges: { some: {} } },
        { progressUpdates: { some: {} } },
        { records: { some: {} } },
        { opinions: { some: {} } },
        { children: { some: {} } },
      ],
    },
  });
  return n > 0 || (await measureHasHistory(tx, { problemId: id }));
}

/** Renumbers a problem's measures: `liveOrder` first as 1..n, archived ones after, through a negative pass. */
async function renumberMeasures(tx: Tx, problemId: string, liveOrder?: string[]) {
  const all = await tx.measure.findMany({
    where: { problemId },
    orderBy: [{ number: "asc" }],
    select: { id: true, number: true, archivedAt: true },
  });
  const live = liveOrder ?? all.filter((m) => !m.archivedAt).map((m) => m.id);
  const order = [...live, ...all.filter((m) => m.archivedAt).map((m) => m.id)];
  const before = new Map(all.map((m) => [m.id, m.number]));
  if (order.every((id, i) => before.get(id) === i + 1)) return false;
  for (const [i, id] of order.entries()) await tx.measure.update({ where: { id }, data: { number: -(i + 1) } });
  for (const [i, id] of order.entries()) await tx.measure.update({ where: { id }, data: { number: i + 1 } });
  return true;
}

/** Renumbers the live top-level problems of a section 1..n (in `liveOrder` when given). */
async function renumberProblems(
  tx: Tx,
  inspectionId: string,
  section: "COMPLETED" | "CONTINUING",
  liveOrder?: string[],
) {
  const live = await tx.problem.findMany({
    where: { inspectionId, section, parentId: null, archivedAt: null },
    orderBy: [{ number: "asc" }, { id: "asc" }],
    select: { id: true, number: true },
  });
  const order = liveOrder ?? live.map((p) => p.id);
  for (const [i, id] of order.entries()) await tx.problem.update({ where: { id }, data: { number: i + 1 } });
}

export async function removeMeasure(ctx: Context, id: string): Promise<Removal> {
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure.findUnique({ where: { id } });
    if (!m) throw new NotFoundError("Measure", id);
    if (m.archivedAt) return "ARCHIVED";
    const archive = await measureHasHistory(tx, { id });
    if (archive) await tx.measure.update({ where: { id }, data: { archivedAt: new Date() } });
    else await tx.measure.delete({ where: { id } });
    await renumberMeasures(tx, m.problemId);
    await syncProblemStatus(tx, m.problemId, ctx.viewer?.id ?? null, `措施${m.number}已${archive ? "归档" : "删除"}`);
    await audit(tx, ctx.viewer, archive ? "archiveMeasure" : "deleteMeasure", "Measure", id, {
      problemId: m.problemId,
      before: { number: m.number, text: m.text, archivedAt: null },
      after: archive ? { archivedAt: new Date().toISOString() } : null,
    });
    return archive ? "ARCHIVED" : "DELETED";
  });
}

export async function removeProblem(ctx: Context, id: string): Promise<Removal> {
  return ctx.prisma.$transaction(async (tx) => {
    const p = await tx.problem.findUnique({ where: { id } });
    if (!p) throw new NotFoundError("Problem", id);
    if (p.archivedAt) return "ARCHIVED";
    const archive = await problemHasHistory(tx, id);
    if (archive) await tx.problem.update({ where: { id }, data: { archivedAt: new Date() } });
    else await tx.problem.delete({ where: { id } });
    if (!p.parentId) await renumberProblems(tx, p.inspectionId, p.section);
    await audit(tx, ctx.viewer, archive ? "archiveProblem" : "deleteProblem", "Problem", id, {
      inspectionId: p.inspectionId,
      before: { section: p.section, number: p.number, title: p.title, archivedAt: null },
      after: archive ? { archivedAt: new Date().toISOString() } : null,
    });
    return archive ? "ARCHIVED" : "DELETED";
  });
}

/** Brings an archived problem or measure back, numbered last among its live siblings. */
export async function restoreMeasure(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.measure.findUnique({ where: { id } });
    if (!m) throw new NotFoundError("Measure", id);
    if (!m.archivedAt) return m.problemId;
    const live = await tx.measure.findMany({
      where: { problemId: m.problemId, archivedAt: null },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    await tx.measure.update({ where: { id }, data: { archivedAt: null } });
    await renumberMeasures(tx, m.problemId, [...live.map((x) => x.id), id]);
    await syncProblemStatus(tx, m.problemId, ctx.viewer?.id ?? null, `措施已恢复`);
    await audit(tx, ctx.viewer, "restoreMeasure", "Measure", id, {
      before: { archivedAt: m.archivedAt.toISOString() },
      after: { archivedAt: null },
    });
    return m.problemId;
  });
}

export async function restoreProblem(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const p = await tx.problem.findUnique({ where: { id } });
    if (!p) throw new NotFoundError("Problem", id);
    if (!p.archivedAt) return;
    const top = await tx.problem.aggregate({
      where: { inspectionId: p.inspectionId, section: p.section, parentId: null, archivedAt: null },
      _max: { number: true },
    });
    const number = p.parentId ? p.number : (top._max.number ?? 0) + 1;
    await tx.problem.update({ where: { id }, data: { archivedAt: null, number } });
    await audit(tx, ctx.viewer, "restoreProblem", "Problem", id, {
      before: { archivedAt: p.archivedAt.toISOString(), number: p.number },
      after: { archivedAt: null, number },
    });
  });
}

function sameSet(given: string[], expected: string[], what: string) {
  const g = new Set(given);
  if (g.size !== given.length || g.size !== expected.length || !expected.every((id) => g.has(id))) {
    throw new ValidationError(`List every live ${what} exactly once, in the new order`, [
      { path: "ids", message: `expected the ${expected.length} live ${what}s` },
    ]);
  }
}

export async function reorderMeasures(ctx: Context, problemId: string, ids: string[]) {
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await tx.problem.findUnique({ where: { id: problemId } }))) throw new NotFoundError("Problem", problemId);
    const live = await tx.measure.findMany({
      where: { problemId, archivedAt: null },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    sameSet(
      ids,
      live.map((m) => m.id),
      "measure",
    );
    if (await renumberMeasures(tx, problemId, ids)) {
      await audit(tx, ctx.viewer, "reorderMeasures", "Problem", problemId, {
        before: { order: live.map((m) => m.id) },
        after: { order: ids },
      });
    }
  });
}

export async function reorderProblems(
  ctx: Context,
  inspectionId: string,
  section: "COMPLETED" | "CONTINUING",
  ids: string[],
) {
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await tx.inspection.findUnique({ where: { id: inspectionId } }))) {
      throw new NotFoundError("Inspection", inspectionId);
    }
    const live = await tx.problem.findMany({
      where: { inspectionId, section, parentId: null, archivedAt: null },
      orderBy: [{ number: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    sameSet(
      ids,
      live.map((p) => p.id),
      "problem",
    );
    await renumberProblems(tx, inspectionId, section, ids);
    await audit(tx, ctx.viewer, "reorderProblems", "Inspection", inspectionId, {
      section,
      before: { order: live.map((p) => p.id) },
      after: { order: ids },
    });
  });
}
