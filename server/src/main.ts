// `pnpm start`: opens the database (migrating it), creates the first admin and imports the sample report on
// first start, then serves the PWA and GraphQL. Several servers may start at once on one PostgreSQL: migrations
// and the first-start seeding each run under an advisory lock. Logs are JSON lines (pino) on stdout.
// SIGINT/SIGTERM shut down cleanly: /readyz turns 503, live streams end, HTTP drains, then the DB closes.
import { readFile } from "node:fs/promises";
import { loadConfig, sampleReportPath } from "./config.ts";
import { openDatabase } from "./db.ts";
import { DataDirInUseError } from "./db/data-dir-lock.ts";
import { startServer } from "./server.ts";
import { ensureAdmin } from "./queries/users.ts";
import { importReport } from "./queries/import-report.ts";
import { ValidationError } from "./errors.ts";
import { createLogger } from "./ops/logger.ts";
import { serveBackups } from "./backup/backup-socket.ts";

const log = createLogger();
const fatal = (msg: string) => {
  log.fatal(msg);
  log.flush();
  process.exit(1);
};
const config = loadConfig();
const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onConnectionLost: (err) => log.warn({ err }, "database connection lost; the pool reconnects on next use"),
}).catch((err: unknown) => {
  if (!(err instanceof DataDirInUseError)) throw err;
  return fatal(`error: ${err.message}`);
});
log.info(
  { database: db.kind },
  `database: ${db.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
);

// Under the start-up lock: of several servers starting together, the first seeds and the others find it done.
await db.withStartupLock(async () => {
  const admin = await ensureAdmin(db.prisma, config.adminPassword).catch(async (err: unknown) => {
    // A weak RECTIFY_ADMIN_PASSWORD is refused like any other weak password.
    if (!(err instanceof ValidationError)) throw err;
    await db.close();
    return fatal(`error: RECTIFY_ADMIN_PASSWORD: ${err.message}`);
  });
  if (admin?.generated) {
    log.info("created the first admin: user admin (its generated password is printed once on stderr, never logged)");
    // Shown once on the terminal, outside the JSON log; set RECTIFY_ADMIN_PASSWORD to choose it instead.
    process.stderr.write(`first admin: user "admin", password ${admin.password} (shown once)\n`);
  } else if (admin) {
    log.info("created the first admin: user admin with the password from RECTIFY_ADMIN_PASSWORD");
  }
  if ((await db.prisma.report.count()) === 0) {
    const s = await importReport(db.prisma, await readFile(sampleReportPath, "utf8"));
    log.info(
      `imported the sample report: ${s.problems} problems (${s.completed} completed, ${s.continuing} continuing), ${s.measures} measures`,
    );
  }
});

const server = await startServer({
  db,
  dataDir: config.dataDir,
  port: config.port,
  distDir: config.clientDist,
  logger: log,
});
// `cli backup` asks the running embedded server for a consistent snapshot (the data dir admits one process).
const backups = db.pglite
  ? await serveBackups(db.pglite, config.dataDir, (err) => log.error({ err }, "backup failed"))
  : null;
log.info(
  { liveEvents: server.liveEvents },
  `Rectify is running: ${server.url}/ (PWA) and ${server.url}/graphql (GraphQL)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  try {
    await server.close(Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
    await backups?.close();
    await db.close();
    log.info("stopped");
    log.flush();
    process.exit(0);
  } catch (err) {
    log.error({ err }, "shutdown failed");
    log.flush();
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
