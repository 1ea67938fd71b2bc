// The database rate-limit counters on their own (both databases): a fixed window admits exactly its limit under
// concurrency, growing delays admit the free attempts and then one per (doubling) delay, a reset forgets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refund, reserveInWindow, reserveWithBackoff, resetLimit } from "@rectify/server/security/rate-limit";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("rate-limit counters", () => {
  it("admit exactly the limit of a window among 50 concurrent reservations, and a refund gives one back", async () => {
    const all = await Promise.all(Array.from({ length: 50 }, () => reserveInWindow(db.prisma, "w", 7, 60_000)));
    expect(all.filter((r) => r.allowed)).toHaveLength(7);
    expect(Math.min(...all.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds))).toBeGreaterThanOrEqual(1);
    await resetLimit(db.prisma, "w");
    await reserveInWindow(db.prisma, "w", 1, 60_000);
    expect((await reserveInWindow(db.prisma, "w", 1, 60_000)).allowed).toBe(false);
    await refund(db.prisma, "w");
    await refund(db.prisma, "w");
    expect((await reserveInWindow(db.prisma, "w", 1, 60_000)).allowed).toBe(true);
  });

  it("start a new window when the old one is over", async () => {
    expect((await reserveInWindow(db.prisma, "short", 1, 3000)).allowed).toBe(true);
    expect((await reserveInWindow(db.prisma, "short", 1, 3000)).allowed).toBe(false);
    await sleep(3100);
    expect((await reserveInWindow(db.prisma, "short", 1, 3000)).allowed).toBe(true);
  });

  it("grow the delay after the free attempts instead of locking, and refused attempts do not lengthen it", async () => {
    const policy = { free: 2, baseMs: 1000, maxMs: 60_000, idleMs: 600_000 };
    const first = await Promise.all(Array.from({ length: 20 }, () => reserveWithBackoff(db.prisma, "b", policy)));
    expect(first.filter((r) => r.allowed)).toHaveLength(2);
    await sleep(1050); // past the first delay (1 s): one more passes, then the next needs 2 s
    expect((await reserveWithBackoff(db.prisma, "b", policy)).allowed).toBe(true);
    const refused = await reserveWithBackoff(db.prisma, "b", policy);
    expect(refused).toMatchObject({ allowed: false, hits: 3 });
    await sleep(2050);
    expect((await reserveWithBackoff(db.prisma, "b", policy)).allowed).toBe(true);
    await resetLimit(db.prisma, "b");
    expect((await reserveWithBackoff(db.prisma, "b", policy)).allowed).toBe(true);
  });
});
