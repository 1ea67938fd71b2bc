// The ledger (台账) as rows: one per measure (a problem without measures gets one row of its own), in report order and numbering by CURRENT status, with assignments, latest progress, latest field inspection and close-out state. Invariants: a measure without its own lead leader, units or deadline shows its problem's, which is what it inherits; a long-term measure (长期坚持) has no date; archived problems and measures are left out; a problem's single unnumbered paragraph has no measure number, so the import reads it back as such.
import type { PrismaClient } from "../db.ts";
import type { Rating, RecordKind } from "../generated/prisma/enums.ts";
import type { Section } from "../importer/report-types.ts";
import { arrangeProblems, flattenArranged } from "./arrange.ts";
import { closeOutLabel, joinNames, progressLabel, recordLabel, SECTION_LABEL, STATUS_LABEL } from "./ledger-labels.ts";
import { findLedgerInspection, loadProblems, type DbMeasure, type ProgressFn } from "./load-inspection.ts";

export interface LedgerRow {
  section: Section;
  /** "3", or "3.1" for a sub-problem. */
  problemNumber: string;
  problem: string;
  sectionLabel: string;
  measureNumber: number | null;
  measure: string;
  leadLeader: string;
  responsibleUnit: string;
  participants: string;
  deadline: Date | null;
  /** 长期坚持: long-term work, never overdue; printed instead of a date. */
  longTerm: boolean;
  status: string;
  latestProgress: string;
  latestRecord: string;
  closeOut: string;
}

export interface LedgerExport {
  inspection: { id: string; team: string; inspectedBody: string };
  rows: LedgerRow[];
}

interface RecordSummary {
  kind: RecordKind;
  deviceTime: Date;
  rating: Rating | null;
}

const later = (a: RecordSummary | null, b: RecordSummary | null) =>
  !a ? b : !b ? a : a.deviceTime >= b.deviceTime ? a : b;

const personLabel = (p: { name: string; post?: string | null }) => (p.post ? `${p.name}（${p.post}）` : p.name);

interface Assignable {
  leadLeader: { name: string; post?: string | null } | null;
  responsibleUnit: { name: string } | null;
  participants: { unit: { name: string } }[];
  deadline: Date | null;
}

function assignment(own: Assignable | null, problem: Assignable) {
  const pick = <T>(f: (x: Assignable) => T | null) => (own ? f(own) : null) ?? f(problem);
  const participants = own && own.participants.length > 0 ? own.participants : problem.participants;
  return {
    // 张三（副市长）: the import reads the post back from the brackets.
    leadLeader: pick((x) => (x.leadLeader ? personLabel(x.leadLeader) : null)) ?? "",
    responsibleUnit: pick((x) => x.responsibleUnit?.name ?? null) ?? "",
    participants: joinNames(participants.map((p) => p.unit.name)),
    deadline: pick((x) => x.deadline),
  };
}

export async function ledgerFromDb(
  prisma: PrismaClient,
  opts: { inspectionId?: string; onProgress?: ProgressFn } = {},
): Promise<LedgerExport> {
  const inspection = await findLedgerInspection(prisma, opts.inspectionId);
  // A record that names no measure is about the whole problem, so it counts for each of its measures.
  const problemRecords = await prisma.inspectionRecord.findMany({
    where: { problem: { inspectionId: inspection.id }, measures: { none: {} } },
    orderBy: [{ problemId: "asc" }, { deviceTime: "desc" }],
    distinct: ["problemId"],
    select: { problemId: true, kind: true, deviceTime: true, rating: true },
  });
  const byProblem = new Map<string, RecordSummary>(problemRecords.map((r) => [r.problemId, r]));
  const progress = new Map<string, { text: string; createdAt: Date }>();
  const records = new Map<string, RecordSummary>();
  const closedAt = new Map<string, Date>();

  const enrich = async (measures: DbMeasure[]) => {
    const ids = measures.map((m) => m.id);
    const [updates, links, closures] = await Promise.all([
      prisma.progressUpdate.findMany({
        where: { measureId: { in: ids } },
        orderBy: [{ measureId: "asc" }, { createdAt: "desc" }],
        distinct: ["measureId"],
        select: { measureId: true, text: true, createdAt: true },
      }),
      prisma.inspectionRecordMeasure.findMany({
        where: { measureId: { in: ids } },
        orderBy: [{ measureId: "asc" }, { record: { deviceTime: "desc" } }],
        distinct: ["measureId"],
        select: { measureId: true, record: { select: { kind: true, deviceTime: true, rating: true } } },
      }),
      prisma.statusChange.findMany({
        where: {
          measureId: { in: measures.filter((m) => m.status === "CLOSED").map((m) => m.id) },
          toStatus: "CLOSED",
        },
        orderBy: [{ measureId: "asc" }, { at: "desc" }],
        distinct: ["measureId"],
        select: { measureId: true, at: true },
      }),
    ]);
    for (const u of updates) if (u.measureId) progress.set(u.measureId, u);
    for (const l of links) records.set(l.measureId, l.record);
    for (const c of closures) if (c.measureId) closedAt.set(c.measureId, c.at);
  };
  const problems = await loadProblems(prisma, inspection.id, { onProgress: opts.onProgress, onMeasures: enrich });

  const rows: LedgerRow[] = [];
  const live = problems
    .filter((p) => !p.archivedAt)
    .map((p) => ({ ...p, measures: p.measures.filter((m) => !m.archivedAt) }));
  for (const a of flattenArranged(arrangeProblems(live))) {
    const p = a.problem;
    const base = {
      section: a.section,
      sectionLabel: SECTION_LABEL[a.section],
      problemNumber: a.label,
      problem: p.title,
    };
    if (p.measures.length === 0) {
      rows.push({
        ...base,
        ...assignment(null, p),
        longTerm: false,
        measureNumber: null,
        measure: p.body,
        status: STATUS_LABEL[p.status],
        latestProgress: "",
        latestRecord: recordLabel(byProblem.get(p.id) ?? null),
        closeOut: closeOutLabel(p.status, null),
      });
      continue;
    }
    for (const m of [...p.measures].sort((x, y) => x.number - y.number)) {
      rows.push({
        ...base,
        ...assignment(m, p),
        ...(m.longTerm ? { deadline: null, longTerm: true } : { longTerm: false }),
        measureNumber: m.numbered ? m.number : null,
        measure: m.text,
        status: STATUS_LABEL[m.status],
        latestProgress: progressLabel(progress.get(m.id) ?? null),
        latestRecord: recordLabel(later(records.get(m.id) ?? null, byProblem.get(p.id) ?? null)),
        closeOut: closeOutLabel(m.status, closedAt.get(m.id) ?? null),
      });
    }
  }
  return { inspection: { id: inspection.id, team: inspection.team, inspectedBody: inspection.inspectedBody }, rows };
}
