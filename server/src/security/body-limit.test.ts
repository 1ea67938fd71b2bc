// The GraphQL body limit over real HTTP: Content-Length checked before reading, chunked bodies counted.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchema, createYoga } from "graphql-yoga";
import { useBodyLimit } from "./body-limit.ts";

const LIMIT = 200;
const yoga = createYoga({
  schema: createSchema({
    typeDefs: "type Query { echo(s: String): String }",
    resolvers: { Query: { echo: (_: unknown, a: { s?: string }) => a.s ?? null } },
  }),
  maxRequestBodySize: false,
  plugins: [useBodyLimit(LIMIT)],
  logging: false,
});
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => void yoga.handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const body = (s: string) => JSON.stringify({ query: "query($s: String) { echo(s: $s) }", variables: { s } });

/** POSTs `chunks`: with Content-Length when `framed`, else chunked (one write per chunk). */
function post(chunks: string[], framed: boolean) {
  return new Promise<{ status: number; json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }>(
    (resolve, reject) => {
      const all = chunks.join("");
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
      if (framed) headers["content-length"] = String(Buffer.byteLength(all));
      const req = request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      });
      req.on("error", reject);
      for (const c of chunks) req.write(c);
      req.end();
    },
  );
}

describe("useBodyLimit", () => {
  it("answers a body within the limit, framed by Content-Length or chunked", async () => {
    const ok = body("x".repeat(50));
    expect(await post([ok], true)).toEqual({ status: 200, json: { data: { echo: "x".repeat(50) } } });
    const half = Math.floor(ok.length / 2);
    expect(await post([ok.slice(0, half), ok.slice(half)], false)).toEqual({
      status: 200,
      json: { data: { echo: "x".repeat(50) } },
    });
  });

  it("refuses a Content-Length over the limit with 413 before reading the body", async () => {
    const r = await post([body("x".repeat(LIMIT))], true);
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions?.code).toBe("REQUEST_ENTITY_TOO_LARGE");
  });

  it("refuses a chunked body once more than the limit has arrived", async () => {
    const big = body("x".repeat(LIMIT));
    const r = await post([big.slice(0, 100), big.slice(100)], false);
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions?.code).toBe("REQUEST_ENTITY_TOO_LARGE");
  });

  it("refuses a Content-Length that is not one non-negative integer", async () => {
    for (const value of ["abc", "-1", "10, 10"]) {
      const res = await yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "content-length": value },
        body: body("x"),
      });
      expect(res.status, value).toBe(400);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        "BAD_REQUEST",
      );
    }
  });
});
