// Which records count towards campaign targets, each target's status, and a campaign's coverage per team and unit.
// Counting rule: a record counts towards a target when it names the target (envelope `targetId`), or when it names
// no target, names the target's measure, was made by a member of the target's team, and its day (Asia/Shanghai,
// China keeps no daylight saving: UTC+8) lies within the campaign's period. Records held as conflicts count too:
// the visit happened. Invariant: one statement per batch of targets, whatever the number of records.

import type { PrismaClient } from "../db.ts";
import type { Context } from "../context.ts";
import type { RecordKind } from "../generated/prisma/enums.ts";
import {
  coverageBy,
  dueOf,
  missingMethods,
  targetStatus,
  type CoverageTally,
  type TargetStatus,
} from "../domain/campaign-status.ts";

export interface TargetProgress {
  targetId: string;
  recordedKinds: RecordKind[];
  records: number;
  lastRecordAt: Date | null;
}

export async function targetProgress(prisma: PrismaClient, targetIds: string[]): Promise<Map<string, TargetProgress>> {
  const out = new Map<string, TargetProgress>();
  for (const id of targetIds) out.set(id, { targetId: id, recordedKinds: [], records: 0, lastRecordAt: null });
  if (!targetIds.length) return out;
  const rows = await prisma.$queryRaw<{ targetId: string; kinds: RecordKind[]; records: number; last: Date }[]>`
    SELECT x."targetId"::text, array_agg(DISTINCT x.kind::text) AS kinds, count(DISTINCT x."recordId")::int AS records,
      max(x."deviceTime") AS last
    FROM (
      SELECT t.id AS "targetId", r.id AS "recordId", r.kind, r."deviceTime"
      FROM "CampaignTarget" t JOIN "InspectionRecord" r ON r."targetId" = t.id
      WHERE t.id = ANY(${targetIds}::uuid[])
      UNION
      SELECT t.id, r.id, r.kind, r."deviceTime"
      FROM "CampaignTarget" t JOIN "Campaign" c ON c.id = t."campaignId"
      JOIN "InspectionRecordMeasure" rm ON rm."measureId" = t."measureId"
      JOIN "InspectionRecord" r ON r.id = rm."recordId" AND r."targetId" IS NULL
      JOIN "CampaignTeamMember" tm ON tm."teamId" = t."teamId" AND tm."userId" = r."inspectorId"
      WHERE t.id = ANY(${targetIds}::uuid[])
        AND (r."deviceTime" + interval '8 hours')::date BETWEEN c."startsOn" AND c."endsOn"
    ) x GROUP BY x."targetId"`;
  for (const r of rows) {
    out.set(r.targetId, { targetId: r.targetId, recordedKinds: r.kinds, records: r.records, lastRecordAt: r.last });
  }
  return out;
}

export interface TargetState extends TargetProgress {
  status: TargetStatus;
  missingMethods: RecordKind[];
  due: Date;
}

interface TargetRow {
  id: string;
  methods: RecordKind[];
  dueOn: Date | null;
  campaign: { endsOn: Date };
}

export function stateOf(t: TargetRow, p: TargetProgress, now: Date): TargetState {
  const facts = {
    methods: t.methods,
    recordedKinds: p.recordedKinds,
    dueOn: t.dueOn,
    campaignEndsOn: t.campaign.endsOn,
  };
  return { ...p, status: targetStatus(facts, now), missingMethods: missingMethods(facts), due: dueOf(facts) };
}

const batches = new WeakMap<object, Map<string, Promise<TargetState>>>();

/**
 * A target's state, batched per request: targets asked for in the same tick are read in one statement, so a list
 * of 200 targets costs one query, not 200.
 */
export function targetStateFor(ctx: Context, targetId: string): Promise<TargetState> {
  let cache = batches.get(ctx);
  if (!cache) batches.set(ctx, (cache = new Map()));
  const hit = cache.get(targetId);
  if (hit) return hit;
  const pending = pendingFor(ctx);
  const p = new Promise<TargetState>((resolve, reject) => pending.push({ id: targetId, resolve, reject }));
  cache.set(targetId, p);
  return p;
}

type Waiter = { id: string; resolve: (s: TargetState) => void; reject: (e: unknown) => void };
const queues = new WeakMap<object, Waiter[]>();

function pendingFor(ctx: Context): Waiter[] {
  let q = queues.get(ctx);
  if (q) return q;
  queues.set(ctx, (q = []));
  const queue = q;
  setImmediate(() => {
    queues.delete(ctx);
    void loadStates(
      ctx.prisma,
      queue.map((w) => w.id),
    ).then(
      (states) => queue.forEach((w) => w.resolve(states.get(w.id)!)),
      (err: unknown) => queue.forEach((w) => w.reject(err)),
    );
  });
  return queue;
}

export async function loadStates(prisma: PrismaClient, ids: string[], now = new Date()) {
  const targets = await prisma.campaignTarget.findMany({
    where: { id: { in: ids } },
    select: { id: true, methods: true, dueOn: true, campaign: { select: { endsOn: true } } },
  });
  const progress = await targetProgress(prisma, ids);
  return new Map(targets.map((t) => [t.id, stateOf(t, progress.get(t.id)!, now)]));
}

export interface CoverageRow extends CoverageTally {
  id: string;
  name: string;
}

export interface Coverage extends CoverageTally {
  byTeam: CoverageRow[];
  byUnit: CoverageRow[];
}

/** Coverage of a campaign's targets (those in `teamIds` only, when given: an inspector's own teams). */
export async function campaignCoverage(
  prisma: PrismaClient,
  campaignId: string,
  teamIds: Set<string> | null,
  now = new Date(),
): Promise<Coverage> {
  const targets = await prisma.campaignTarget.findMany({
    where: { campaignId, ...(teamIds ? { teamId: { in: [...teamIds] } } : {}) },
    select: {
      id: true,
      methods: true,
      dueOn: true,
      campaign: { select: { endsOn: true } },
      team: { select: { id: true, name: true } },
      measure: { select: { responsibleUnit: { select: { id: true, name: true } } } },
    },
    orderBy: [{ team: { name: "asc" } }, { createdAt: "asc" }],
  });
  const progress = await targetProgress(
    prisma,
    targets.map((t) => t.id),
  );
  const states = targets.map((t) => ({ t, s: stateOf(t, progress.get(t.id)!, now).status }));
  const byTeam = coverageBy(states.map(({ t, s }) => ({ key: t.team.id, status: s })));
  const byUnit = coverageBy(states.map(({ t, s }) => ({ key: t.measure.responsibleUnit?.id ?? "", status: s })));
  const teamNames = new Map(targets.map((t) => [t.team.id, t.team.name]));
  const unitNames = new Map(
    targets.map((t) => [t.measure.responsibleUnit?.id ?? "", t.measure.responsibleUnit?.name ?? "（未定责任单位）"]),
  );
  return {
    ...byTeam.all,
    byTeam: [...byTeam.by].map(([id, c]) => ({ id, name: teamNames.get(id)!, ...c })),
    byUnit: [...byUnit.by].map(([id, c]) => ({ id, name: unitNames.get(id)!, ...c })),
  };
}
