// Row-level visibility: which problems and measures a unit liaison may see, which inspections are public.
// Invariant: a liaison sees a measure iff their unit is its responsible or a participating unit, and a problem
// iff the same holds for the problem itself or for any of its measures; with no unit they see nothing.
import type { PrismaClient } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export function measureWhereForUnit(unitId: string): Prisma.MeasureWhereInput {
  return { OR: [{ responsibleUnitId: unitId }, { participants: { some: { unitId } } }] };
}

export function problemWhereForUnit(unitId: string): Prisma.ProblemWhereInput {
  return {
    OR: [
      { responsibleUnitId: unitId },
      { participants: { some: { unitId } } },
      { measures: { some: measureWhereForUnit(unitId) } },
    ],
  };
}

export async function liaisonScope(prisma: PrismaClient, unitId: string | null) {
  if (!unitId) return { problemIds: new Set<string>(), measureIds: new Set<string>() };
  const [problems, measures] = await Promise.all([
    prisma.problem.findMany({ where: problemWhereForUnit(unitId), select: { id: true } }),
    prisma.measure.findMany({ where: measureWhereForUnit(unitId), select: { id: true } }),
  ]);
  return { problemIds: new Set(problems.map((p) => p.id)), measureIds: new Set(measures.map((m) => m.id)) };
}

/** What the public may read: inspections marked published (a published report's inspection is marked on import). */
export const PUBLIC_INSPECTION = { published: true } satisfies Prisma.InspectionWhereInput;
/** Live problems of public inspections. */
export const PUBLIC_PROBLEM = { inspection: PUBLIC_INSPECTION, archivedAt: null } satisfies Prisma.ProblemWhereInput;

export async function publishedInspectionIds(prisma: PrismaClient) {
  const rows = await prisma.inspection.findMany({ where: PUBLIC_INSPECTION, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function publicProblemIds(prisma: PrismaClient, inspections: () => Promise<Set<string>>) {
  const ids = [...(await inspections())];
  if (ids.length === 0) return new Set<string>();
  const rows = await prisma.problem.findMany({
    where: { inspectionId: { in: ids }, archivedAt: null },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}
