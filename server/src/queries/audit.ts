// The audit trail: every mutation writes one event, inside the same transaction as its change where it has one.
// Invariant: secrets (passwords, tokens) never enter the details.
import type { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";

type Tx = Prisma.TransactionClient | PrismaClient;

export async function audit(
  tx: Tx,
  actor: Viewer | null,
  action: string,
  entityType: string,
  entityId: string | null,
  details: Record<string, unknown> = {},
) {
  await tx.auditEvent.create({
    data: { actorId: actor?.id ?? null, action, entityType, entityId, details: details as Prisma.InputJsonValue },
  });
}
