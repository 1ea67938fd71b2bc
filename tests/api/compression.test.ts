// Text answers are compressed as the client accepts (brotli, gzip, or not at all); the built PWA's precompressed
// copies are sent as they are; photos and live updates are never compressed.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type AppServer } from "@rectify/server/server";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let server: AppServer;
const script = `console.log(${JSON.stringify("整改通 ".repeat(800))});\n`;

beforeAll(async () => {
  app = await startTestApp();
  const dist = await mkdtemp(path.join(tmpdir(), "rectify-dist-"));
  await mkdir(path.join(dist, "assets"));
  await writeFile(path.join(dist, "index.html"), "<!doctype html><title>整改通</title>");
  await writeFile(path.join(dist, "assets", "app.js"), script);
  // distinct markers prove which copy was sent
  await writeFile(path.join(dist, "assets", "app.js.br"), brotliCompressSync(`${script}//br`));
  await writeFile(path.join(dist, "assets", "app.js.gz"), gzipSync(`${script}//gz`));
  server = await startServer({ db: app.db, dataDir: app.dataDir, port: 0, host: "127.0.0.1", distDir: dist });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

function get(url: string, headers: Record<string, string>, method = "GET", body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const decode = (r: { headers: Record<string, unknown>; body: Buffer }) =>
  (r.headers["content-encoding"] === "br"
    ? brotliDecompressSync(r.body)
    : r.headers["content-encoding"] === "gzip"
      ? gunzipSync(r.body)
      : r.body
  ).toString("utf8");

describe("compression", () => {
  it("sends the build's precompressed copies of static assets when accepted", async () => {
    const url = `${server.url}/assets/app.js`;
    const br = await get(url, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decode(br)).toBe(`${script}//br`);
    const gz = await get(url, { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz)).toBe(`${script}//gz`);
    const refused = await get(url, { "Accept-Encoding": "br;q=0, gzip" });
    expect(refused.headers["content-encoding"]).toBe("gzip");
    const plain = await get(url, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(script);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
  });

  it("compresses GraphQL answers as accepted, and leaves small ones alone", async () => {
    const body = JSON.stringify({ query: "{ problems(first: 50) { edges { node { id title body } } } }" });
    const headers = {
      "Content-Type": "application/json",
      Authorization: `Bearer ${app.tokenOf("supervisor")}`,
    };
    const plain = await get(`${server.url}/graphql`, headers, "POST", body);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const enc of ["br", "gzip"]) {
      const r = await get(`${server.url}/graphql`, { ...headers, "Accept-Encoding": enc }, "POST", body);
      expect(r.headers["content-encoding"]).toBe(enc);
      expect(r.body.length).toBeLessThan(plain.body.length * 0.7);
      expect(JSON.parse(decode(r))).toEqual(JSON.parse(plain.body.toString("utf8")));
    }
    const small = await get(
      `${server.url}/graphql`,
      { ...headers, "Accept-Encoding": "br" },
      "POST",
      JSON.stringify({ query: "{ me { id } }" }),
    );
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("never compresses live updates (server-sent events)", async () => {
    const ac = new AbortController();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        "Accept-Encoding": "br, gzip",
        Authorization: `Bearer ${app.tokenOf("supervisor")}`,
      },
      body: JSON.stringify({ query: "subscription { ledgerChanged { kind } }" }),
      signal: ac.signal,
    });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    // yoga marks event streams "none" so that no proxy compresses them either
    expect(res.headers.get("content-encoding") ?? "none").toBe("none");
    ac.abort();
  });
});
