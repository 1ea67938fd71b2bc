// Builds Prisma where-clauses for problem and measure lists from GraphQL filters plus the viewer's visibility.
// Invariant: the visibility clause is always ANDed in, so no filter can widen what a viewer may see.
import type { Prisma } from "../generated/prisma/client.ts";
import type { RectStatus, Section } from "../generated/prisma/enums.ts";
import type { Context } from "../context.ts";
import { DONE_STATUSES, shanghaiToday } from "../domain/dates.ts";
import { measureWhereForUnit, problemWhereForUnit, PUBLIC_PROBLEM } from "./visibility.ts";

export interface LedgerFilter {
  inspectionId?: string | null;
  /** Any of these inspections (e.g. an inspector's working set). */
  inspectionIds?: string[] | null;
  section?: Section | null;
  status?: RectStatus[] | null;
  unitId?: string | null;
  leadLeaderId?: string | null;
  overdue?: boolean | null;
  deadlineFrom?: Date | null;
  deadlineTo?: Date | null;
  search?: string | null;
  /** Archived (removed by hand but kept) problems and measures are left out unless this is true. */
  includeArchived?: boolean | null;
  /** Problems changed after this ledger clock (a working set's cursor), with a safety margin: see changedAfter(). */
  changedSince?: Date | null;
}

/**
 * Changes are stamped with the wall clock when made but seen only at commit: a cursor taken meanwhile would miss
 * them. Asking again for this much before the cursor covers every transaction shorter than that (syncs time out at
 * 30 s); a re-sent problem is simply replaced on the device.
 */
export const CHANGE_MARGIN_MS = 10 * 60 * 1000;
export const changedAfter = (since: Date) => new Date(since.getTime() - CHANGE_MARGIN_MS);

/** Live rows only: archived problems, and measures archived themselves or through their problem, are hidden. */
export const LIVE_MEASURE: Prisma.MeasureWhereInput = { archivedAt: null, problem: { archivedAt: null } };
export const LIVE_PROBLEM: Prisma.ProblemWhereInput = { archivedAt: null };

const NOTHING = { id: { in: [] as string[] } };

function overdueMeasure(now: Date): Prisma.MeasureWhereInput {
  return { deadline: { lt: shanghaiToday(now) }, longTerm: false, status: { notIn: [...DONE_STATUSES] } };
}

export function measureVisibility(ctx: Context): Prisma.MeasureWhereInput {
  const v = ctx.viewer;
  if (!v) return { problem: PUBLIC_PROBLEM, archivedAt: null };
  if (v.role === "UNIT_LIAISON") return v.unitId ? measureWhereForUnit(v.unitId) : NOTHING;
  return {};
}

export function problemVisibility(ctx: Context): Prisma.ProblemWhereInput {
  const v = ctx.viewer;
  if (!v) return PUBLIC_PROBLEM;
  if (v.role === "UNIT_LIAISON") return v.unitId ? problemWhereForUnit(v.unitId) : NOTHING;
  return {};
}

function deadlineRange(f: LedgerFilter): Prisma.DateTimeNullableFilter | undefined {
  if (!f.deadlineFrom && !f.deadlineTo) return undefined;
  return { ...(f.deadlineFrom ? { gte: f.deadlineFrom } : {}), ...(f.deadlineTo ? { lte: f.deadlineTo } : {}) };
}

export function measureWhere(ctx: Context, f: LedgerFilter, now = new Date()): Prisma.MeasureWhereInput {
  const and: Prisma.MeasureWhereInput[] = [measureVisibility(ctx)];
  if (!f.includeArchived) and.push(LIVE_MEASURE);
  if (f.inspectionId) and.push({ problem: { inspectionId: f.inspectionId } });
  if (f.inspectionIds) and.push({ problem: { inspectionId: { in: f.inspectionIds } } });
  if (f.section) and.push({ problem: { section: f.section } });
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.unitId) and.push(measureWhereForUnit(f.unitId));
  if (f.leadLeaderId) and.push({ leadLeaderId: f.leadLeaderId });
  if (f.overdue === true) and.push(overdueMeasure(now));
  if (f.overdue === false) and.push({ NOT: overdueMeasure(now) });
  const range = deadlineRange(f);
  if (range) and.push({ deadline: range });
  if (f.search?.trim()) {
    const q = f.search.trim();
    and.push({
      OR: [
        { text: { contains: q, mode: "insensitive" } },
        { problem: { title: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

export function problemWhere(ctx: Context, f: LedgerFilter, now = new Date()): Prisma.ProblemWhereInput {
  const and: Prisma.ProblemWhereInput[] = [problemVisibility(ctx)];
  if (!f.includeArchived) and.push(LIVE_PROBLEM);
  if (f.inspectionId) and.push({ inspectionId: f.inspectionId });
  if (f.inspectionIds) and.push({ inspectionId: { in: f.inspectionIds } });
  if (f.changedSince) and.push({ changedAt: { gt: changedAfter(f.changedSince) } });
  if (f.section) and.push({ section: f.section });
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.unitId) and.push(problemWhereForUnit(f.unitId));
  if (f.leadLeaderId) {
    and.push({ OR: [{ leadLeaderId: f.leadLeaderId }, { measures: { some: { leadLeaderId: f.leadLeaderId } } }] });
  }
  const today = shanghaiToday(now);
  const overdueProblem: Prisma.ProblemWhereInput = {
    OR: [
      { deadline: { lt: today }, status: { notIn: [...DONE_STATUSES] } },
      { measures: { some: overdueMeasure(now) } },
    ],
  };
  if (f.overdue === true) and.push(overdueProblem);
  if (f.overdue === false) and.push({ NOT: overdueProblem });
  const range = deadlineRange(f);
  if (range) and.push({ OR: [{ deadline: range }, { measures: { some: { deadline: range } } }] });
  if (f.search?.trim()) {
    const q = f.search.trim();
    and.push({
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { body: { contains: q, mode: "insensitive" } },
        { measures: { some: { text: { contains: q, mode: "insensitive" } } } },
      ],
    });
  }
  return { AND: and };
}
