// What an incremental working-set download needs besides the changed problems: the ledger's clock (the cursor the
// device keeps) and the problems deleted since a cursor. Invariant: the clock is the database's, the same clock
// the change triggers stamp with (working_set_changes migration), so app and database clocks never disagree.
import type { PrismaClient } from "../db.ts";
import { changedAfter } from "./ledger-filters.ts";

/** The database's wall clock, in the same TIMESTAMP(3) terms as Problem.changedAt. */
export async function ledgerClock(prisma: PrismaClient): Promise<Date> {
  const [row] = await prisma.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp()::timestamp(3) AS now`;
  return row!.now;
}

/** Ids of problems deleted after `since` (less the margin), of these inspections when given. */
export async function removedProblemIds(prisma: PrismaClient, since: Date, inspectionIds: string[] | null) {
  const rows = await prisma.problemTombstone.findMany({
    where: {
      deletedAt: { gt: changedAfter(since) },
      ...(inspectionIds ? { inspectionId: { in: inspectionIds } } : {}),
    },
    select: { problemId: true },
    orderBy: { problemId: "asc" },
  });
  return rows.map((r) => r.problemId);
}
