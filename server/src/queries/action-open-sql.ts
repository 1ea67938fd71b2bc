// Opens rectification actions (督促整改事项) for a synced field finding, inside the record's sync transaction.
// Invariants: one action per (record, responsible unit), by a unique index and ON CONFLICT DO NOTHING, so a
// replayed or duplicated sync opens nothing new; one statement; due = the record's day (Asia/Shanghai) + the
// campaign's actionDueDays, or DEFAULT_ACTION_DUE_DAYS when the record belongs to no campaign.
import { Prisma } from "../generated/prisma/client.ts";
import { shanghaiDay } from "../domain/dates.ts";
import type { RecordContent } from "../sync/index.ts";
import type { Tx } from "./record-state.ts";
import { DEFAULT_ACTION_DUE_DAYS, isFinding } from "../domain/actions.ts";

export interface OpenedAction {
  id: string;
  unitId: string;
  problemId: string;
  measureId: string | null;
}

/**
 * The finding's units: each distinct responsible unit of the record's measures (a measure without one falls back
 * to its problem's), with its first measure by number; a record naming no measure: the problem's unit.
 * Its campaign: the named target's, else the latest-starting live campaign whose period holds the record's day,
 * that targets one of its measures with this inspector on the target's team.
 */
export async function openActionsSql(
  tx: Tx,
  recordId: string,
  inspectorId: string,
  c: RecordContent,
): Promise<OpenedAction[]> {
  if (!isFinding(c)) return [];
  const day = shanghaiDay(new Date(c.deviceTime));
  const measureIds = c.measureIds;
  const targetId = c.targetId ?? null;
  return tx.$queryRaw<OpenedAction[]>`
    WITH units AS (
      SELECT DISTINCT ON (u."unitId") u."unitId", u."measureId" FROM (
        SELECT COALESCE(m."responsibleUnitId", p."responsibleUnitId") AS "unitId", m.id AS "measureId", m.number
        FROM "Measure" m JOIN "Problem" p ON p.id = m."problemId"
        WHERE m.id = ANY(${measureIds}::uuid[])
        UNION ALL
        SELECT p."responsibleUnitId", NULL::uuid, 0 FROM "Problem" p
        WHERE p.id = ${c.problemId}::uuid AND cardinality(${measureIds}::uuid[]) = 0
      ) u WHERE u."unitId" IS NOT NULL
      ORDER BY u."unitId", u.number
    ), camp AS (
      SELECT id, "actionDueDays" FROM (
        SELECT c.id, c."actionDueDays", 0 AS pri, c."startsOn" FROM "CampaignTarget" t
        JOIN "Campaign" c ON c.id = t."campaignId" WHERE t.id = ${targetId}::uuid
        UNION ALL
        SELECT c.id, c."actionDueDays", 1, c."startsOn" FROM "CampaignTarget" t
        JOIN "Campaign" c ON c.id = t."campaignId"
        JOIN "CampaignTeamMember" tm ON tm."teamId" = t."teamId" AND tm."userId" = ${inspectorId}::uuid
        WHERE t."measureId" = ANY(${measureIds}::uuid[]) AND c."cancelledAt" IS NULL
          AND ${day}::date BETWEEN c."startsOn" AND c."endsOn"
      ) k ORDER BY pri, "startsOn" DESC, id LIMIT 1
    )
    INSERT INTO "RectificationAction" (id, "recordId", "unitId", "problemId", "measureId", "campaignId", "targetId",
      "inspectorId", rating, "followUp", "dueOn", "updatedAt")
    SELECT gen_random_uuid(), ${recordId}::uuid, u."unitId", ${c.problemId}::uuid, u."measureId", camp.id,
      (SELECT t.id FROM "CampaignTarget" t WHERE t."campaignId" = camp.id AND t."measureId" = u."measureId"),
      ${inspectorId}::uuid, ${c.rating === null ? Prisma.sql`NULL` : Prisma.sql`${c.rating}::"Rating"`},
      ${c.followUpRequired}, ${day}::date + COALESCE(camp."actionDueDays", ${DEFAULT_ACTION_DUE_DAYS}::int), now()
    FROM units u LEFT JOIN camp ON true
    ON CONFLICT ("recordId", "unitId") DO NOTHING
    RETURNING id::text, "unitId"::text, "problemId"::text, "measureId"::text`;
}
