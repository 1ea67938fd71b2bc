// The facts of a campaign report (督查情况通报), read from the database: targets and coverage, findings by kind
// and rating, actions per unit (opened / answered / confirmed / overdue) and the records' key facts.
// Invariant: counts are taken from the same rules as the API (campaign-coverage.ts, domain/actions.ts).
import type { PrismaClient } from "../db.ts";
import { campaignCoverage, targetProgress, stateOf, type Coverage } from "../queries/campaign-coverage.ts";
import { assessAction } from "../domain/actions.ts";
import { readTrafficLightThresholds } from "../queries/settings.ts";
import { shanghaiDay } from "../domain/dates.ts";
import type { Rating, RecordKind } from "../generated/prisma/enums.ts";

export interface ReportTarget {
  team: string;
  unit: string;
  measure: string;
  methods: RecordKind[];
  missing: RecordKind[];
  status: string;
}
export interface ReportFinding {
  date: string;
  kind: RecordKind;
  inspector: string;
  problem: string;
  findings: string;
  rating: Rating | null;
  followUp: boolean;
  photos: number;
  /** The record's stamped photo copies (水印件) that finished uploading: what the report shows. */
  images: ReportImage[];
}
export interface ReportImage {
  /** Attachment id: the HTML loads it from /files/<id> (staff may read record photos). */
  id: string;
  /** Content address in the blob store: the .docx embeds the bytes. */
  sha256: string;
}
export interface UnitActions {
  unit: string;
  opened: number;
  answered: number;
  confirmed: number;
  overdue: number;
}
export interface CampaignReportData {
  name: string;
  offices: string[];
  period: [string, string];
  inspection: string;
  coverage: Coverage;
  targets: ReportTarget[];
  byKind: Record<RecordKind, number>;
  byRating: Record<Rating | "NONE", number>;
  actions: UnitActions[];
  findings: ReportFinding[];
}

export async function loadCampaignReport(
  prisma: PrismaClient,
  campaignId: string,
  now = new Date(),
): Promise<CampaignReportData | null> {
  const c = await prisma.campaign.findUnique({ where: { id: campaignId }, include: { inspection: true } });
  if (!c) return null;
  const targets = await prisma.campaignTarget.findMany({
    where: { campaignId },
    include: {
      team: true,
      campaign: { select: { endsOn: true } },
      measure: { include: { responsibleUnit: true, problem: { select: { number: true } } } },
    },
    orderBy: [{ team: { name: "asc" } }, { createdAt: "asc" }],
  });
  const progress = await targetProgress(
    prisma,
    targets.map((t) => t.id),
  );
  const coverage = await campaignCoverage(prisma, campaignId, null, now);
  // The campaign's records: those of its targets (named or counted), and those that opened its actions.
  const actionRows = await prisma.rectificationAction.findMany({
    where: { campaignId },
    include: { unit: true },
  });
  const ids = new Set(actionRows.map((a) => a.recordId));
  const counted = await prisma.inspectionRecord.findMany({
    where: {
      OR: [
        { targetId: { in: targets.map((t) => t.id) } },
        { id: { in: [...ids] } },
        {
          targetId: null,
          measures: { some: { measureId: { in: targets.map((t) => t.measureId) } } },
          inspector: { campaignTeams: { some: { team: { campaignId } } } },
          deviceTime: {
            gte: new Date(c.startsOn.getTime() - 8 * 3600_000),
            lt: new Date(c.endsOn.getTime() + 16 * 3600_000),
          },
        },
      ],
    },
    include: {
      inspector: true,
      problem: true,
      _count: { select: { attachments: true } },
      attachments: {
        where: { variant: "stamped", completedAt: { not: null }, mimeType: { startsWith: "image/" } },
        select: { id: true, sha256: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
    orderBy: [{ deviceTime: "asc" }, { id: "asc" }],
  });
  const byKind = { SITE_VISIT: 0, LEDGER_CHECK: 0, ONSITE_QUESTIONING: 0 } as Record<RecordKind, number>;
  const byRating = { ON_TRACK: 0, LAGGING: 0, PROBLEM_FOUND: 0, NONE: 0 } as Record<Rating | "NONE", number>;
  for (const r of counted) {
    byKind[r.kind]++;
    byRating[r.rating ?? "NONE"]++;
  }
  const th = await readTrafficLightThresholds(prisma);
  const units = new Map<string, UnitActions>();
  for (const a of actionRows) {
    const u = units.get(a.unitId) ?? { unit: a.unit.name, opened: 0, answered: 0, confirmed: 0, overdue: 0 };
    u.opened++;
    if (a.status === "ANSWERED" || a.status === "CONFIRMED") u.answered++;
    if (a.status === "CONFIRMED") u.confirmed++;
    if (assessAction(a, now, th).overdue) u.overdue++;
    units.set(a.unitId, u);
  }
  return {
    name: c.name,
    offices: c.offices,
    period: [shanghaiDay(c.startsOn), shanghaiDay(c.endsOn)],
    inspection: `${c.inspection.team}对${c.inspection.inspectedBody}${c.inspection.kind}`,
    coverage,
    targets: targets.map((t) => {
      const s = stateOf(t, progress.get(t.id)!, now);
      return {
        team: t.team.name,
        unit: t.measure.responsibleUnit?.name ?? "（未定）",
        measure: `问题${t.measure.problem.number}（${t.measure.number}）${t.measure.text.slice(0, 60)}`,
        methods: t.methods,
        missing: s.missingMethods,
        status: s.status,
      };
    }),
    byKind,
    byRating,
    actions: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit, "zh")),
    findings: counted.map((r) => ({
      date: shanghaiDay(r.deviceTime),
      kind: r.kind,
      inspector: r.inspector.displayName,
      problem: `问题${r.problem.number} ${r.problem.title}`,
      findings: r.findings,
      rating: r.rating,
      followUp: r.followUpRequired,
      photos: r._count.attachments,
      images: r.attachments,
    })),
  };
}
