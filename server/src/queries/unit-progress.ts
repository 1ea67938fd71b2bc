// A unit's measures by urgency (我的整改事项), a measure's timeline, 补充材料 requests and publishing updates.
// Invariants: a liaison's lists hold only its unit's measures (responsible or participating); "reported this
// month" means a progress update created in the Asia/Shanghai month; every change is audited in its transaction.
import type { Context } from "../context.ts";
import { DONE_STATUSES } from "../domain/dates.ts";
import { monthOfInstant, parsePeriod, type Period } from "../domain/periods.ts";
import { lightOf, type Light } from "../domain/traffic-light.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { measureLightItem, measureLightSelect } from "./analysis.ts";
import { audit } from "./audit.ts";
import { thresholdsFor } from "./settings.ts";
import { measureWhereForUnit } from "./visibility.ts";

const DONE: ReadonlySet<string> = new Set(DONE_STATUSES);
const LIGHT_RANK: Record<Light, number> = { RED: 0, YELLOW: 1, GREEN: 2, GREY: 3 };

export function currentMonth(now: Date): Period {
  return parsePeriod(monthOfInstant(now))!;
}

/** The unit whose measures the viewer asks for: a liaison always its own, staff the one named. */
export function unitFor(ctx: Context, unitId: string | null): string {
  const v = ctx.viewer!;
  if (v.role === "UNIT_LIAISON") {
    if (!v.unitId) throw new ForbiddenError("Your account belongs to no unit");
    if (unitId && unitId !== v.unitId) throw new ForbiddenError("You may only see your own unit's measures");
    return v.unitId;
  }
  if (!unitId) throw new ValidationError("Name the unit", [{ path: "unitId", message: "required for staff" }]);
  return unitId;
}

/**
 * The unit's measures, most urgent first: an open 补充材料 request, then by light (red, yellow, green, grey),
 * then open measures without progress this month, then the nearest deadline.
 */
export async function unitMeasureIds(ctx: Context, unitId: string, now = new Date()): Promise<string[]> {
  const month = currentMonth(now);
  const rows = await ctx.prisma.measure.findMany({
    where: measureWhereForUnit(unitId),
    select: {
      id: true,
      number: true,
      ...measureLightSelect,
      problem: { select: { ...measureLightSelect.problem.select, section: true, number: true } },
      progressUpdates: { where: { createdAt: { gte: month.start, lt: month.end } }, select: { id: true }, take: 1 },
    },
  });
  const asked = await ctx.prisma.supplementRequest.findMany({
    where: { measureId: { in: rows.map((r) => r.id) }, answeredAt: null },
    select: { measureId: true },
  });
  const askedIds = new Set(asked.map((a) => a.measureId));
  const th = await thresholdsFor(ctx);
  const keyed = rows.map((m) => ({
    id: m.id,
    asked: askedIds.has(m.id) ? 0 : 1,
    light: LIGHT_RANK[lightOf(measureLightItem(m), now, th)],
    lacks: !DONE.has(m.status) && m.progressUpdates.length === 0 ? 0 : 1,
    deadline: m.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER,
    order: [m.problem.section === "COMPLETED" ? 0 : 1, m.problem.number, m.number],
  }));
  keyed.sort(
    (a, b) =>
      a.asked - b.asked ||
      a.light - b.light ||
      a.lacks - b.lacks ||
      a.deadline - b.deadline ||
      a.order[0]! - b.order[0]! ||
      a.order[1]! - b.order[1]! ||
      a.order[2]! - b.order[2]!,
  );
  return keyed.map((k) => k.id);
}

export async function requestSupplement(ctx: Context, progressUpdateId: string, reason: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const update = await tx.progressUpdate.findUnique({ where: { id: progressUpdateId } });
    if (!update?.measureId) throw new NotFoundError("ProgressUpdate", progressUpdateId);
    const request = await tx.supplementRequest.create({
      data: { progressUpdateId, measureId: update.measureId, reason, requestedById: viewer.id },
    });
    await audit(tx, viewer, "requestSupplement", "SupplementRequest", request.id, {
      progressUpdateId,
      measureId: update.measureId,
      reason,
    });
    return { request, problemId: update.problemId };
  });
}

/** Publishes (or withdraws) an update on the public pages; `fileIds` are the files shown with it. */
export async function setProgressPublic(ctx: Context, progressUpdateId: string, isPublic: boolean, fileIds: string[]) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const update = await tx.progressUpdate.findUnique({
      where: { id: progressUpdateId },
      include: { attachments: { select: { id: true } } },
    });
    if (!update) throw new NotFoundError("ProgressUpdate", progressUpdateId);
    const own = new Set(update.attachments.map((a) => a.id));
    const foreign = fileIds.find((id) => !own.has(id));
    if (foreign) {
      throw new ValidationError("A file named is not one of this update's", [{ path: "fileIds", message: foreign }]);
    }
    const shown = isPublic ? fileIds : [];
    await tx.progressUpdate.update({ where: { id: progressUpdateId }, data: { public: isPublic } });
    await tx.attachment.updateMany({ where: { progressUpdateId }, data: { published: false } });
    if (shown.length) await tx.attachment.updateMany({ where: { id: { in: shown } }, data: { published: true } });
    await audit(tx, viewer, "setProgressPublic", "ProgressUpdate", progressUpdateId, {
      public: isPublic,
      fileIds: shown,
    });
    return update;
  });
}

export type TimelineKind = "PROGRESS" | "STATUS" | "RECORD" | "NOTICE" | "SUPPLEMENT_REQUEST";

const KIND_RANK: Record<TimelineKind, number> = { PROGRESS: 0, SUPPLEMENT_REQUEST: 1, STATUS: 2, RECORD: 3, NOTICE: 4 };

export interface TimelineEntry {
  kind: TimelineKind;
  at: Date;
  id: string;
}

/** Everything that happened to a measure, oldest first. Field records only for staff (a unit sees its notices). */
export async function measureTimeline(ctx: Context, measureId: string): Promise<TimelineEntry[]> {
  const m = await ctx.prisma.measure.findUnique({ where: { id: measureId }, select: { responsibleUnitId: true } });
  if (!m) throw new NotFoundError("Measure", measureId);
  const staff = ctx.viewer?.role !== "UNIT_LIAISON";
  const [updates, changes, records, notices, asks] = await Promise.all([
    ctx.prisma.progressUpdate.findMany({ where: { measureId }, select: { id: true, createdAt: true } }),
    ctx.prisma.statusChange.findMany({ where: { measureId }, select: { id: true, at: true } }),
    staff
      ? ctx.prisma.inspectionRecord.findMany({
          where: { measures: { some: { measureId } } },
          select: { id: true, deviceTime: true },
        })
      : [],
    m.responsibleUnitId
      ? ctx.prisma.monthlyNotice.findMany({
          where: { unitId: m.responsibleUnitId },
          select: { id: true, issuedAt: true, content: true },
        })
      : [],
    ctx.prisma.supplementRequest.findMany({ where: { measureId }, select: { id: true, createdAt: true } }),
  ]);
  const entries: TimelineEntry[] = [
    ...updates.map((u) => ({ kind: "PROGRESS" as const, at: u.createdAt, id: u.id })),
    ...changes.map((c) => ({ kind: "STATUS" as const, at: c.at, id: c.id })),
    ...records.map((r) => ({ kind: "RECORD" as const, at: r.deviceTime, id: r.id })),
    // A notice belongs to the measure's timeline when its frozen content names the measure.
    ...notices
      .filter((n) => JSON.stringify(n.content).includes(measureId))
      .map((n) => ({ kind: "NOTICE" as const, at: n.issuedAt, id: n.id })),
    ...asks.map((a) => ({ kind: "SUPPLEMENT_REQUEST" as const, at: a.createdAt, id: a.id })),
  ];
  // Rows of one transaction share its timestamp: the evidence comes before the request it supports.
  return entries.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : 1),
  );
}
