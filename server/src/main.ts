// `pnpm start`: opens the database (migrating it), creates the first admin and imports the sample report on
// first start, then serves the PWA and GraphQL. SIGINT/SIGTERM shut down cleanly: HTTP drains, then the DB closes.
import { readFile } from "node:fs/promises";
import { loadConfig, sampleReportPath } from "./config.ts";
import { openDatabase } from "./db.ts";
import { DataDirInUseError } from "./db/data-dir-lock.ts";
import { startServer } from "./server.ts";
import { ensureAdmin } from "./queries/users.ts";
import { importReport } from "./queries/import-report.ts";
import { ValidationError } from "./errors.ts";

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((err: unknown) => {
  if (!(err instanceof DataDirInUseError)) throw err;
  console.error(`error: ${err.message}`);
  process.exit(1);
});
console.log(`database: ${db.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`);

const admin = await ensureAdmin(db.prisma, config.adminPassword).catch(async (err: unknown) => {
  // A weak RECTIFY_ADMIN_PASSWORD is refused like any other weak password.
  if (!(err instanceof ValidationError)) throw err;
  console.error(`error: RECTIFY_ADMIN_PASSWORD: ${err.message}`);
  await db.close();
  process.exit(1);
});
if (admin) {
  console.log(
    admin.generated
      ? `created the first admin: user "admin", password ${admin.password} (shown once; set RECTIFY_ADMIN_PASSWORD to choose it)`
      : `created the first admin: user "admin" with the password from RECTIFY_ADMIN_PASSWORD`,
  );
}
if ((await db.prisma.report.count()) === 0) {
  const s = await importReport(db.prisma, await readFile(sampleReportPath, "utf8"));
  console.log(
    `imported the sample report: ${s.problems} problems (${s.completed} completed, ${s.continuing} continuing), ${s.measures} measures`,
  );
}

const server = await startServer({ db, dataDir: config.dataDir, port: config.port, distDir: config.clientDist });
console.log(`Rectify is running: ${server.url}/ (PWA) and ${server.url}/graphql (GraphQL)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  try {
    await server.close();
    await db.close();
    process.exit(0);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
