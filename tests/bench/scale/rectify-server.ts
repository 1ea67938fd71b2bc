// The Rectify server of the scale suite in a process of its own, so its memory is measured alone (run.ts reads
// this process's resident set from /proc). Usage: tsx rectify-server.ts <database url>; prints {"url": …} once up.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@rectify/server/db";
import { startServer } from "@rectify/server/server";

const db = await openDatabase({ databaseUrl: process.argv[2]! });
const server = await startServer({
  db,
  dataDir: await mkdtemp(path.join(tmpdir(), "bench-")),
  port: 0,
  host: "127.0.0.1",
});
console.log(JSON.stringify({ url: server.url }));
process.on("SIGTERM", () => {
  void server
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
