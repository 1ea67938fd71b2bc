// Session and API-token issue and lookup. Only SHA-256 digests of tokens are stored, so a database leak
// does not leak usable credentials. Invariant: revoked or expired sessions never authenticate.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";

export type SessionKind = "cookie" | "bearer";
export const COOKIE_NAME = "rectify_session";
const LIFETIME_MS: Record<SessionKind, number> = {
  cookie: 30 * 24 * 3600 * 1000, // a field inspector must stay logged in through weeks offline
  bearer: 365 * 24 * 3600 * 1000,
};

export function digestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueSession(prisma: PrismaClient, userId: string, kind: SessionKind, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[kind]);
  await prisma.session.create({ data: { tokenHash: digestToken(token), kind, userId, expiresAt } });
  return { token, expiresAt };
}

export async function findSessionUser(prisma: PrismaClient, token: string, now = new Date()) {
  const session = await prisma.session.findUnique({
    where: { tokenHash: digestToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
  return { session, user: session.user };
}

export async function revokeSession(prisma: PrismaClient, token: string) {
  await prisma.session.updateMany({
    where: { tokenHash: digestToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
