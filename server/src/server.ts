// The HTTP server: GraphQL at /graphql (with GraphiQL), the PWA at /. One process, one database.
// Invariant: close() stops accepting, drains in-flight requests, then the caller closes the database.
import { createServer as createHttpServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "./db.ts";
import { createGraphQL } from "./yoga.ts";
import { createStaticHandler } from "./static-files.ts";
import { createLedgerPubSub } from "./pubsub.ts";

export const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface AppServer {
  http: Server;
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  db: Database;
  dataDir: string;
  port: number;
  host?: string;
  distDir?: string;
}

export async function startServer(opts: ServerOptions): Promise<AppServer> {
  const pubsub = createLedgerPubSub();
  const yoga = createGraphQL({ prisma: opts.db.prisma, pubsub, dataDir: opts.dataDir, secureCookies: false });
  const serveStatic = createStaticHandler(opts.distDir ?? clientDist);
  const http = createHttpServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/graphql" || url.startsWith("/graphql?")) {
      void yoga.handle(req, res);
      return;
    }
    if (url === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    serveStatic(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const addr = http.address();
  const port = typeof addr === "object" && addr ? addr.port : opts.port;
  return {
    http,
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((err) => (err ? reject(err) : resolve()));
        http.closeIdleConnections();
      }),
  };
}
