// PostGraphile 4 over the scale suite's database, in a process of its own. Usage:
// tsx postgraphile-server.ts <database url> anonymous|session; prints {"url": …} once up.
// `anonymous`: as it comes (one statement per page). `session`: it checks the caller's bearer session as the floor
// and Rectify do (pgSettings runs the floor's session query and hands the user to PostgreSQL, so each page is
// BEGIN, set_config, the page, COMMIT: how PostGraphile serves a logged-in user).
import { createServer, type IncomingMessage } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { sessionUser } from "./floor.ts";

const [databaseUrl, mode] = process.argv.slice(2);
if (mode !== "anonymous" && mode !== "session") throw new Error("mode must be anonymous or session");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const pgSettings = async (req: IncomingMessage) => {
  const user = await sessionUser(pool, req.headers.authorization);
  if (!user) throw new Error("unauthenticated");
  return { "rectify.user_id": user.id };
};
const server = createServer(
  postgraphile(pool, "public", {
    disableQueryLog: true,
    dynamicJson: true,
    ...(mode === "session" ? { pgSettings } : {}),
  }),
);
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
});
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
});
