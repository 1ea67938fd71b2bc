// Statements sent straight on the pool (server db/raw-sql.ts) answer exactly what prisma.$queryRaw answers, in a
// process whose time zone is not UTC: timestamps without time zone are UTC both ways, dates are UTC midnight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, rawQuery } from "@rectify/server/db/raw-sql";
import { findSessionUser, issueSession } from "@rectify/server/auth/sessions";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

let db: TestDatabase;
const tz = process.env.TZ;
beforeAll(async () => {
  process.env.TZ = "Asia/Shanghai";
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
  process.env.TZ = tz;
});

describe("raw SQL on the pool", () => {
  it("answers as Prisma does: rows, timestamps, dates, enums and parameters", async () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-480); // really not UTC here
    const user = await db.prisma.user.create({
      data: { username: "raw", displayName: "原始", passwordHash: "x", role: "INSPECTOR" },
    });
    const at = new Date("2026-05-01T23:30:00.123Z");
    const { token } = await issueSession(
      db.prisma,
      user.id,
      "bearer",
      { cookieLifetimeMs: 1, bearerLifetimeMs: 1 },
      at,
    );
    const statements = [
      Prisma.sql`SELECT s.*, u.* FROM "Session" s JOIN "User" u ON u.id = s."userId"`,
      Prisma.sql`SELECT count(*)::int AS n FROM "Session" WHERE "expiresAt" = ${new Date(at.getTime() + 1)}`,
      Prisma.sql`SELECT DATE '2026-05-01' AS d, ${"x"}::text AS s, ${3}::int AS i, ${true} AS b`,
    ];
    for (const sql of statements) {
      expect(await rawQuery(db.prisma, sql)).toEqual(await db.prisma.$queryRaw(sql));
    }
    const [row] = await rawQuery<{ expiresAt: Date; n: number }>(db.prisma, statements[0]!);
    expect(row!.expiresAt.toISOString()).toBe("2026-05-01T23:30:00.124Z");
    expect((await rawQuery<{ n: number }>(db.prisma, statements[1]!))[0]!.n).toBe(1);
    // The session lookup of every request: found before it expires, not after.
    expect((await findSessionUser(db.prisma, token, at))?.user.id).toBe(user.id);
    expect(await findSessionUser(db.prisma, token, new Date(at.getTime() + 1))).toBeNull();
  });
});
