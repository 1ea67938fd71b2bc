// An HTTP proxy between the phones and the server that injects the network's failures on sync traffic
// (POST /graphql carrying syncRecord, and /uploads/*): drop the request, drop the answer after the server
// applied it, delay the answer, or SIGKILL the server while the request is in flight. Other traffic passes.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "drop-request" | "drop-response" | "delay" | "kill";

export interface FaultProxy {
  url: string;
  port: number;
  /** The next `count` sync requests suffer `fault`. */
  arm(fault: Fault, count: number, delayMs?: number): void;
  disarm(): void;
  /** Where requests go; the server may move between restarts. */
  setTarget(port: number): void;
  /** Called for a "kill" fault once the request has reached the server. */
  onKill: () => Promise<void>;
  /** How many faults were injected, by kind. */
  injected: Record<Fault, number>;
  close(): Promise<void>;
}

function isSync(req: IncomingMessage, body: Buffer): boolean {
  if (req.url?.startsWith("/uploads/")) return true;
  return req.method === "POST" && req.url?.startsWith("/graphql") === true && body.includes("syncRecord");
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let target = targetPort;
  let armed: { fault: Fault; count: number; delayMs: number } | null = null;
  const sockets = new Set<import("node:net").Socket>();
  // Requests to the server still open (a live SSE stream never ends by itself): cut on close, or they keep both
  // this process and the server's shutdown waiting.
  const upstreams = new Set<http.ClientRequest>();

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const upstream = http.request(
        { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers },
        resolve,
      );
      upstreams.add(upstream);
      upstream.on("close", () => upstreams.delete(upstream));
      upstream.on("error", reject);
      upstream.end(body);
    });

  const cut = (res: ServerResponse) => res.socket?.destroy();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readAll(req);
    const sync = isSync(req, body);
    const fault = sync && armed && armed.count > 0 ? armed.fault : null;
    const delayMs = armed?.delayMs ?? 0;
    if (fault && armed) {
      armed.count--;
      proxy.injected[fault]++;
      if (armed.count === 0) armed = null;
    }
    if (fault === "drop-request") return cut(res);
    let upstream: IncomingMessage;
    try {
      const pending = forward(req, body);
      pending.catch(() => undefined); // a request cut by a kill must not become an unhandled rejection
      if (fault === "kill") {
        // The request is on its way to (or inside) the server when it dies: applied or not, the phone never knows.
        await sleep(Math.floor(Math.random() * 30));
        await proxy.onKill();
        return cut(res);
      }
      upstream = await pending;
    } catch {
      return cut(res); // server down: the phone sees a network error
    }
    if (fault === "drop-response") {
      await readAll(upstream).catch(() => undefined); // applied on the server; the answer is lost
      return cut(res);
    }
    if (fault === "delay") await sleep(delayMs);
    upstream.on("error", () => cut(res));
    res.on("error", () => upstream.destroy());
    res.on("close", () => upstream.destroy()); // the phone went away (or was cut): so does its stream
    res.writeHead(upstream.statusCode ?? 502, upstream.headers);
    upstream.pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => cut(res));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const proxy: FaultProxy = {
    url: `http://localhost:${port}`,
    port,
    arm(fault, count, delay = 0) {
      armed = { fault, count, delayMs: delay };
    },
    disarm() {
      armed = null;
    },
    setTarget(p) {
      target = p;
    },
    onKill: async () => undefined,
    injected: { "drop-request": 0, "drop-response": 0, delay: 0, kill: 0 },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        for (const u of upstreams) u.destroy();
        server.close(() => r());
      }),
  };
  return proxy;
}
