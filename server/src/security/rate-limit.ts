// Rate limits kept in the database ("RateLimit"), so every server process on one database shares them.
// Invariant: each attempt is counted by ONE atomic upsert before the guarded work runs (reserve, then verify),
// so parallel requests cannot all pass a check that counts only afterwards. Same SQL on PGlite and PostgreSQL.
import type { PrismaClient } from "../db.ts";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export interface Reservation {
  allowed: boolean;
  /** Attempts counted in the current window (fixed window) or since the counter was last reset (backoff). */
  hits: number;
  /** Whole seconds until a refused attempt may be tried again (0 when allowed). */
  retryAfterSeconds: number;
}

/** Rows idle this long are deleted now and then: every limit here forgets sooner. */
const SWEEP_AFTER = "1 day";

async function sweepSometimes(db: Db) {
  if (Math.random() < 0.02) {
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "lastAt" < now() - ${SWEEP_AFTER}::interval`;
  }
}

/**
 * A fixed window: at most `limit` attempts per `windowMs` for `key`. Refused attempts count too (they are
 * attempts), which only matters until the window ends.
 */
export async function reserveInWindow(db: Db, key: string, limit: number, windowMs: number): Promise<Reservation> {
  const secs = windowMs / 1000;
  const rows = await db.$queryRaw<{ hits: number; retry: number }[]>`
    INSERT INTO "RateLimit" ("key", "hits", "windowStart", "lastAt") VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${secs}::float8)
                    THEN 1 ELSE "RateLimit"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${secs}::float8)
                    THEN now() ELSE "RateLimit"."windowStart" END,
      "lastAt" = now()
    RETURNING "hits",
      EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${secs}::float8) - now()))::float8 AS "retry"`;
  await sweepSometimes(db);
  const { hits, retry } = rows[0]!;
  const allowed = hits <= limit;
  return { allowed, hits, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retry)) };
}

export interface BackoffPolicy {
  /** Attempts allowed without any wait. */
  free: number;
  /** Wait after the first attempt beyond `free`; it doubles with every further attempt … */
  baseMs: number;
  /** … up to this. */
  maxMs: number;
  /** The counter starts afresh after this long without an attempt. */
  idleMs: number;
}

/**
 * Growing delays instead of a lock: the first `free` attempts pass; after that each attempt must come at least
 * min(baseMs·2^(n−free), maxMs) after the previous attempt that passed (n = attempts that passed so far).
 * Refused attempts do not lengthen the wait, so nobody can keep an account shut by hammering it.
 */
export async function reserveWithBackoff(db: Db, key: string, p: BackoffPolicy): Promise<Reservation> {
  const rows = await db.$queryRaw<{ hits: number; allowed: boolean; retry: number }[]>`
    WITH policy AS (SELECT ${p.free}::int AS free, ${p.baseMs}::float8 AS base, ${p.maxMs}::float8 AS max,
                           make_interval(secs => ${p.idleMs / 1000}::float8) AS idle)
    INSERT INTO "RateLimit" ("key", "hits", "windowStart", "lastAt") VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE
        WHEN "RateLimit"."lastAt" <= now() - (SELECT idle FROM policy) THEN 1
        WHEN "RateLimit"."hits" < (SELECT free FROM policy)
          OR now() >= "RateLimit"."lastAt" + make_interval(secs => LEAST((SELECT base FROM policy)
               * power(2, "RateLimit"."hits" - (SELECT free FROM policy)), (SELECT max FROM policy)) / 1000)
          THEN "RateLimit"."hits" + 1
        ELSE "RateLimit"."hits" END,
      "windowStart" = CASE WHEN "RateLimit"."lastAt" <= now() - (SELECT idle FROM policy)
                      THEN now() ELSE "RateLimit"."windowStart" END,
      "lastAt" = CASE
        WHEN "RateLimit"."lastAt" <= now() - (SELECT idle FROM policy) THEN now()
        WHEN "RateLimit"."hits" < (SELECT free FROM policy)
          OR now() >= "RateLimit"."lastAt" + make_interval(secs => LEAST((SELECT base FROM policy)
               * power(2, "RateLimit"."hits" - (SELECT free FROM policy)), (SELECT max FROM policy)) / 1000)
          THEN now()
        ELSE "RateLimit"."lastAt" END
    RETURNING "hits", "lastAt" = now() AS "allowed",
      EXTRACT(EPOCH FROM ("lastAt" + make_interval(secs => LEAST(${p.baseMs}::float8
        * power(2, "hits" - ${p.free}::int), ${p.maxMs}::float8) / 1000) - now()))::float8 AS "retry"`;
  await sweepSometimes(db);
  const { hits, allowed, retry } = rows[0]!;
  return { allowed, hits, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retry)) };
}

/** Gives back one attempt (e.g. a login that succeeded does not count against its address). */
export async function refund(db: Db, key: string) {
  await db.$executeRaw`UPDATE "RateLimit" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = ${key}`;
}

/** Forgets a counter (e.g. the account's delays after a successful login). */
export async function resetLimit(db: Db, key: string) {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${key}`;
}
