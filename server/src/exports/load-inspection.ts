// Reads what every export starts from: the inspection's latest published report and its problems with their measures, loaded in chunks so long exports can show progress. Invariant: only published reports are used; an empty database and an unpublished one give distinct NOT_FOUND errors.
import type { PrismaClient } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { AppError, ErrorCodes } from "../errors.ts";

/** Called with (done, total) as an export advances; total stays the same for one export. */
export type ProgressFn = (done: number, total: number) => void;

const problemInclude = {
  leadLeader: true,
  responsibleUnit: true,
  participants: { include: { unit: true } },
} satisfies Prisma.ProblemInclude;

const measureInclude = {
  indicators: { orderBy: { ordinal: "asc" } },
  leadLeader: true,
  responsibleUnit: true,
  participants: { include: { unit: true } },
} satisfies Prisma.MeasureInclude;

export type DbMeasure = Prisma.MeasureGetPayload<{ include: typeof measureInclude }>;
export type DbProblem = Prisma.ProblemGetPayload<{ include: typeof problemInclude }> & { measures: DbMeasure[] };

const reportInclude = { inspection: true } satisfies Prisma.ReportInclude;
export type PublishedReport = Prisma.ReportGetPayload<{ include: typeof reportInclude }>;

export class NoInspectionError extends AppError {
  constructor(message: string) {
    super(ErrorCodes.NOT_FOUND, message);
  }
}

/**
 * The latest published report of `inspectionId`, or by default of the inspection whose published report is
 * the latest: the one the public currently reads.
 */
export async function findPublishedReport(prisma: PrismaClient, inspectionId?: string): Promise<PublishedReport> {
  const report = await prisma.report.findFirst({
    where: { published: true, inspection: { published: true }, ...(inspectionId ? { inspectionId } : {}) },
    orderBy: [{ reportDate: { sort: "desc", nulls: "last" } }, { importedAt: "desc" }],
    include: reportInclude,
  });
  if (report) return report;
  const inspections = await prisma.inspection.count(inspectionId ? { where: { id: inspectionId } } : undefined);
  if (inspections === 0) {
    throw new NoInspectionError(
      inspectionId
        ? `inspection ${inspectionId} not found`
        : "no inspection imported yet: import a progress report first (pnpm cli import <report.txt>)",
    );
  }
  throw new NoInspectionError("the inspection has no published progress report");
}

/** The ledger's inspection: `inspectionId`, or by default the one whose report was imported last (published or not). */
export async function findLedgerInspection(prisma: PrismaClient, inspectionId?: string) {
  if (inspectionId) {
    const found = await prisma.inspection.findUnique({ where: { id: inspectionId } });
    if (!found) throw new NoInspectionError(`inspection ${inspectionId} not found`);
    return found;
  }
  const latest = await prisma.report.findFirst({ orderBy: { importedAt: "desc" }, include: reportInclude });
  if (!latest) {
    throw new NoInspectionError(
      "no inspection imported yet: import a progress report first (pnpm cli import <report.txt>)",
    );
  }
  return latest.inspection;
}

/** Problems per chunk: small enough for steady progress, large enough to keep round trips few. */
const CHUNK = 8;

export interface LoadOptions {
  onProgress?: ProgressFn;
  /** Called with each chunk's measures before progress is reported, e.g. to load their latest records. */
  onMeasures?: (measures: DbMeasure[]) => Promise<void>;
}

export async function loadProblems(
  prisma: PrismaClient,
  inspectionId: string,
  opts: LoadOptions = {},
): Promise<DbProblem[]> {
  const problems = await prisma.problem.findMany({
    where: { inspectionId, archivedAt: null },
    include: problemInclude,
    orderBy: [{ section: "asc" }, { number: "asc" }],
  });
  const byId = new Map<string, DbProblem>(problems.map((p) => [p.id, { ...p, measures: [] }]));
  const total = problems.length;
  opts.onProgress?.(0, total);
  for (let i = 0; i < total; i += CHUNK) {
    const ids = problems.slice(i, i + CHUNK).map((p) => p.id);
    const measures = await prisma.measure.findMany({
      where: { problemId: { in: ids }, archivedAt: null },
      include: measureInclude,
      orderBy: [{ problemId: "asc" }, { number: "asc" }],
    });
    for (const m of measures) byId.get(m.problemId)?.measures.push(m);
    await opts.onMeasures?.(measures);
    opts.onProgress?.(Math.min(i + CHUNK, total), total);
  }
  return [...byId.values()];
}

/** A Date column (UTC midnight of its day) as YYYY-MM-DD. */
export function isoDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
