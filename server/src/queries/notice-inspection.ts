// Which monthly notices concern an inspection: those whose frozen content names any problem of it.
// Invariant: read from the snapshot itself (not today's ledger), so an old notice stays filed where it was issued.
import type { PrismaClient } from "../db.ts";

export async function noticeIdsOfInspection(prisma: PrismaClient, inspectionId: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT n.id::text AS id FROM "MonthlyNotice" n
    WHERE EXISTS (
      SELECT 1 FROM jsonb_array_elements(
          COALESCE(n.content->'dueThisMonth', '[]'::jsonb)
          || COALESCE(n.content->'overdue', '[]'::jsonb)
          || COALESCE(n.content->'withoutProgress', '[]'::jsonb)) AS e
        JOIN "Problem" p ON p.id::text = e->>'problemId'
      WHERE p."inspectionId" = ${inspectionId}::uuid)`;
  return rows.map((r) => r.id);
}
