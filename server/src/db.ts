// Opens Rectify's database: embedded PGlite (default, data under DATA_DIR) or PostgreSQL (DATABASE_URL),
// both through Prisma's pg driver adapter, with migrations applied first.
// Invariants: one process per PGlite data dir; close() disconnects Prisma, stops the socket, then closes PGlite.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { migrate, type SqlSession } from "./db/migrate.ts";
import { lockDataDir } from "./db/data-dir-lock.ts";
import { registerPool } from "./db/raw-sql.ts";

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** The PostgreSQL URL (null for embedded PGlite): the live-event channel opens its own connections. */
  databaseUrl: string | null;
  /** Prisma's connection pool (its size and use are exported as metrics). */
  pool: pg.Pool;
  /**
   * Runs `fn` while holding the start-up advisory lock, so servers starting together on one PostgreSQL seed
   * (first admin, sample import) one at a time; the next one then finds the work done. PGlite: just runs it.
   */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  /** The embedded database itself (backups dump it); absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Fixed, arbitrary; not the migration runner's key (db/migrate.ts), which it takes and releases first. */
const STARTUP_LOCK_KEY = 724_002;

export interface DatabaseOptions {
  /** A postgresql:// URL: use that server. Unset: embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Called with every statement Prisma sends (tests and benches count them); off by default. */
  onStatement?: (sql: string) => void;
  /** Told when an idle pooled connection is lost (see keepPoolAlive); a process warning by default. */
  onConnectionLost?: (err: Error) => void;
}

const warnConnectionLost = (err: Error) => process.emitWarning(`database connection lost: ${err.message}`);

/**
 * An idle pooled connection that the database ends (a restart, a terminated backend, a dropped database) emits
 * "error" on its pool; unheard, that error would crash the whole server. Heard, the pool simply opens a new
 * connection on next use. PrismaPg listens only on pools it creates itself, and ours are created here.
 */
function keepPoolAlive(pool: pg.Pool, onLost: (err: Error) => void = warnConnectionLost): pg.Pool {
  pool.on("error", onLost);
  return pool;
}

function newPrismaClient(pool: pg.Pool, onStatement?: (sql: string) => void) {
  const adapter = new PrismaPg(pool);
  let prisma: PrismaClient;
  if (!onStatement) prisma = new PrismaClient({ adapter });
  else {
    const logged = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
    logged.$on("query", (e) => onStatement(e.query));
    prisma = logged as unknown as PrismaClient;
  }
  registerPool(prisma, pool, onStatement);
  return prisma;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.onStatement, opts.onConnectionLost);
  return openPglite(opts.dataDir ?? "./data", opts.onStatement, opts.onConnectionLost);
}

function pglSession(db: PGlite): SqlSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export function pgSession(client: pg.Client | pg.PoolClient): SqlSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

async function openPglite(
  dataDir: string,
  onStatement?: (sql: string) => void,
  onConnectionLost?: (err: Error) => void,
): Promise<Database> {
  let pgDir = dataDir;
  let unlock = async () => {};
  if (!dataDir.startsWith("memory://")) {
    // PGlite does not create missing parent folders.
    pgDir = path.resolve(dataDir, "pglite");
    await mkdir(pgDir, { recursive: true });
    unlock = await lockDataDir(path.resolve(dataDir, "pglite.lock"));
  }
  // pg_trgm backs the search indexes (migration search_trigram); PGlite loads an extension only when asked, on
  // every start, for new and existing data directories alike.
  const db = await PGlite.create(pgDir, { extensions: { pg_trgm } }).catch(async (err: unknown) => {
    await unlock();
    throw err;
  });
  await migrate(pglSession(db));
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir, not under DATA_DIR.
  const socketDir = await mkdtemp(path.join(tmpdir(), "rectify-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 1 });
  await server.start();
  // PGlite is a single session: one pooled connection keeps transactions from interleaving.
  const pool = keepPoolAlive(
    new pg.Pool({ host: socketDir, user: "postgres", database: "postgres", max: 1 }),
    onConnectionLost,
  );
  const prisma = newPrismaClient(pool, onStatement);
  await prisma.$connect();
  return {
    prisma,
    kind: "pglite",
    databaseUrl: null,
    pool,
    withStartupLock: (fn) => fn(),
    pglite: db,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      await unlock();
    },
  };
}

async function openPostgres(
  databaseUrl: string,
  onStatement?: (sql: string) => void,
  onConnectionLost?: (err: Error) => void,
): Promise<Database> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(pgSession(client));
  } finally {
    await client.end();
  }
  // DATABASE_POOL_MAX: connections per server process (default 10); N servers use N times as many.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const pool = keepPoolAlive(
    new pg.Pool({ connectionString: databaseUrl, max: Number.isInteger(max) && max > 0 ? max : 10 }),
    onConnectionLost,
  );
  const prisma = newPrismaClient(pool, onStatement);
  await prisma.$connect();
  return {
    prisma,
    kind: "postgres",
    databaseUrl,
    pool,
    async withStartupLock(fn) {
      // A session lock on a connection of its own: the seeding itself runs through Prisma's pool.
      const lock = new pg.Client({ connectionString: databaseUrl, application_name: "rectify-startup" });
      await lock.connect();
      try {
        await lock.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
        return await fn();
      } finally {
        await lock.end();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
