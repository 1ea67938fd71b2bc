// Session and API-token issue and lookup. Only SHA-256 digests of tokens are stored, so a database leak
// does not leak usable credentials. Invariant: revoked or expired sessions never authenticate.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { Prisma, type User } from "../generated/prisma/client.ts";
import { rawQuery } from "../db/raw-sql.ts";

export type SessionKind = "cookie" | "bearer";
export const COOKIE_NAME = "rectify_session";
/** Lifetimes come from SESSION_DAYS / TOKEN_DAYS (security/settings.ts). */
export interface Lifetimes {
  cookieLifetimeMs: number;
  bearerLifetimeMs: number;
}

export function digestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueSession(
  prisma: PrismaClient,
  userId: string,
  kind: SessionKind,
  lifetimes: Lifetimes,
  now = new Date(),
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(
    now.getTime() + (kind === "cookie" ? lifetimes.cookieLifetimeMs : lifetimes.bearerLifetimeMs),
  );
  await prisma.session.create({ data: { tokenHash: digestToken(token), kind, userId, expiresAt } });
  return { token, expiresAt };
}

/** The session and its user in one statement (every request asks: it is on the path of each sync). */
export async function findSessionUser(prisma: PrismaClient, token: string, now = new Date()) {
  // Read on every request, so straight on the pool (db/raw-sql.ts); never cached: a revocation counts at once.
  const rows = await rawQuery<User & { sessionId: string; revokedAt: Date | null; expiresAt: Date }>(
    prisma,
    Prisma.sql`SELECT s.id AS "sessionId", s."revokedAt", s."expiresAt", u.*
    FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."tokenHash" = ${digestToken(token)}`,
  );
  const row = rows[0];
  if (!row || row.revokedAt || row.expiresAt <= now || !row.active) return null;
  const { sessionId, revokedAt, expiresAt, ...user } = row;
  return { session: { id: sessionId, revokedAt, expiresAt }, user: user as User };
}

export async function revokeSession(prisma: PrismaClient, token: string) {
  await prisma.session.updateMany({
    where: { tokenHash: digestToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
