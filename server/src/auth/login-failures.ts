// Failed logins for the audit, aggregated: one row per user name, client address and hour with a count (names
// that do not exist share the name ""), so a flood of guesses adds to counts instead of filling the table.
import type { PrismaClient } from "../db.ts";

export async function recordLoginFailure(prisma: PrismaClient, username: string, address: string, now = new Date()) {
  const name = username.trim();
  const exists = name ? await prisma.user.findUnique({ where: { username: name }, select: { id: true } }) : null;
  const hour = new Date(Math.floor(now.getTime() / 3600_000) * 3600_000);
  await prisma.$executeRaw`
    INSERT INTO "LoginFailure" ("id", "username", "address", "hour", "count", "firstAt", "lastAt")
    VALUES (gen_random_uuid(), ${exists ? name : ""}, ${address}, ${hour}, 1, ${now}, ${now})
    ON CONFLICT ("username", "address", "hour") DO UPDATE
    SET "count" = "LoginFailure"."count" + 1, "lastAt" = EXCLUDED."lastAt"`;
}
