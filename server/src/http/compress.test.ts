// withCompression over a real node:http server: whole answers (however their headers were given) and answers
// written in pieces both arrive compressed as accepted and decode to what was sent; what must not be compressed
// is not; Content-Length is the encoded length.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCompression } from "./compress.ts";

const json = JSON.stringify({ data: Array.from({ length: 60 }, (_, i) => ({ id: i, title: `整改措施 ${i}` })) });
const big = "措施".repeat(60_000); // ~360 kB: over the at-once limit, so the stream compresses it

const routes: Record<string, (res: ServerResponse) => void> = {
  // as yoga (whatwg-node) answers: writeHead with a headers object, then end(Buffer)
  "/write-head": (res) => {
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "X-Kept": "yes" });
    res.end(Buffer.from(json));
  },
  "/write-head-reason": (res) => {
    res.writeHead(201, "Made", [["Content-Type", "application/json"]] as never);
    res.end(json);
  },
  "/set-header": (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<p>${json}</p>`);
  },
  "/pieces": (res) => {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.write(json.slice(0, 500));
    res.end(json.slice(500));
  },
  // as yoga answers through whatwg-node: writeHead with a headers object, write(body), then end()
  "/write-then-end": (res) => {
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    res.write(json);
    res.end();
  },
  "/write-head-pieces": (res) => {
    res.writeHead(202, { "Content-Type": "application/json" });
    res.write(json.slice(0, 100));
    setTimeout(() => res.end(json.slice(100)), 20);
  },
  "/live": (res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.flushHeaders();
    setTimeout(() => res.end(`data: ${json}\n\n`), 400);
  },
  "/flushed": (res) => {
    res.setHeader("Content-Type", "text/plain");
    res.flushHeaders();
    setTimeout(() => res.end(json), 400);
  },
  "/big": (res) => {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(big);
  },
  "/small": (res) => {
    res.setHeader("Content-Type", "application/json");
    res.end('{"data":{}}');
  },
  "/no-transform": (res) => {
    res.setHeader("Content-Type", "application/json");
    res.setHeader("Cache-Control", "private, no-transform");
    res.end(json);
  },
  "/encoded": (res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "identity-x" });
    res.end(json);
  },
  "/binary": (res) => {
    res.setHeader("Content-Type", "image/jpeg");
    res.end(Buffer.alloc(5000, 7));
  },
  "/events": (res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.end(`data: ${json}\n\n`);
  },
  "/files/x": (res) => {
    res.setHeader("Content-Type", "text/plain");
    res.end(json);
  },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) =>
    withCompression(req, res, () => routes[req.url ?? ""]!(res)),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

function get(p: string, acceptEncoding: string | null, method = "GET") {
  return new Promise<{ status: number; message?: string; headers: IncomingMessage["headers"]; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding };
      const req = request(`${base}${p}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            message: res.statusMessage,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

const decode = (r: { headers: IncomingMessage["headers"]; body: Buffer }) => {
  const enc = r.headers["content-encoding"];
  const raw =
    enc === "br"
      ? brotliDecompressSync(r.body)
      : enc === "gzip"
        ? gunzipSync(r.body)
        : enc === "deflate"
          ? inflateSync(r.body)
          : r.body;
  return raw.toString("utf8");
};

describe("withCompression", () => {
  it("compresses a whole answer as accepted, whichever way its headers were set, keeping status and headers", async () => {
    for (const [enc, expected] of [
      ["br, gzip", "br"],
      ["gzip, deflate", "gzip"],
      ["deflate", "deflate"],
      ["br;q=0, gzip", "gzip"],
    ] as const) {
      const r = await get("/write-head", enc);
      expect(r.status).toBe(200);
      expect(r.headers["content-encoding"]).toBe(expected);
      expect(r.headers["x-kept"]).toBe("yes");
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(r.headers.vary).toMatch(/Accept-Encoding/);
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
      expect(r.body.length).toBeLessThan(json.length / 2);
      expect(decode(r)).toBe(json);
    }
    const made = await get("/write-head-reason", "gzip");
    expect([made.status, made.message, made.headers["content-encoding"]]).toEqual([201, "Made", "gzip"]);
    expect(decode(made)).toBe(json);
    const written = await get("/write-then-end", "br");
    expect(written.headers["content-encoding"]).toBe("br");
    expect(Number(written.headers["content-length"])).toBe(written.body.length);
    expect(decode(written)).toBe(json);
    const page = await get("/set-header", "br");
    expect(page.headers["content-encoding"]).toBe("br");
    expect(decode(page)).toBe(`<p>${json}</p>`);
  });

  it("still compresses answers written in pieces and answers too large to compress at once", async () => {
    const pieces = await get("/pieces", "gzip");
    expect(pieces.headers["content-encoding"]).toBe("gzip");
    expect(Number(pieces.headers["content-length"])).toBe(pieces.body.length);
    expect(decode(pieces)).toBe(json);
    const headed = await get("/write-head-pieces", "gzip");
    expect([headed.status, headed.headers["content-encoding"]]).toEqual([202, "gzip"]);
    expect(headed.headers["transfer-encoding"]).toBe("chunked");
    expect(decode(headed)).toBe(json);
    const large = await get("/big", "br");
    expect(large.headers["content-encoding"]).toBe("br");
    expect(decode(large)).toBe(big);
  });

  it("sends flushed headers at once, not held back until the body (live streams, answers in pieces)", async () => {
    for (const [p, encoding] of [
      ["/live", undefined],
      ["/flushed", "br"],
    ] as const) {
      const started = Date.now();
      const headersAfter = await new Promise<number>((resolve, reject) =>
        request(`${base}${p}`, { headers: { "Accept-Encoding": "br" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe(encoding);
          res.resume();
          resolve(Date.now() - started);
        })
          .on("error", reject)
          .end(),
      );
      expect(headersAfter).toBeLessThan(300);
    }
    expect(decode(await get("/flushed", "br"))).toBe(json);
  });

  it("leaves alone what is not accepted, small, no-transform, encoded, binary, live or a file", async () => {
    const plain = await get("/write-head", null);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(json);
    expect((await get("/write-head", "identity")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/small", "br")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/no-transform", "br")).headers["content-encoding"]).toBeUndefined();
    const encoded = await get("/encoded", "br");
    expect(encoded.headers["content-encoding"]).toBe("identity-x");
    expect(encoded.body.toString("utf8")).toBe(json);
    expect((await get("/binary", "br")).headers["content-encoding"]).toBeUndefined();
    const events = await get("/events", "br");
    expect(events.headers["content-encoding"]).toBeUndefined();
    expect(events.body.toString("utf8")).toBe(`data: ${json}\n\n`);
    expect((await get("/files/x", "br")).headers["content-encoding"]).toBeUndefined();
    const head = await get("/write-head", "br", "HEAD");
    expect(head.body.length).toBe(0);
  });
});
