// Authenticates a plain HTTP request (uploads, file downloads) exactly as GraphQL does: bearer token or cookie.
import type { IncomingMessage } from "node:http";
import type { PrismaClient } from "../db.ts";
import { COOKIE_NAME, findSessionUser } from "../auth/sessions.ts";
import { readCookie } from "../context.ts";

export async function requestUser(prisma: PrismaClient, req: IncomingMessage) {
  const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? readCookie(req.headers.cookie ?? null, COOKIE_NAME);
  return token ? ((await findSessionUser(prisma, token))?.user ?? null) : null;
}
