// The guard's security headers, worked out once, are exactly what running helmet on each response would set, for
// pages, GraphiQL and evidence files, over HTTP and HTTPS.
import { createServer, request, type Server } from "node:http";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpGuard } from "./http-guard.ts";
import { securityFromEnv } from "./settings.ts";

let server: Server;
let base: string;
const plain = createHttpGuard(securityFromEnv({}));
const https = createHttpGuard(securityFromEnv({ PUBLIC_URL: "https://rectify.example.gov.cn" }));

beforeAll(async () => {
  server = createServer((req, res) => {
    const guard = req.headers["x-https"] ? https : plain;
    if (guard(req, res)) res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

function headersOf(path: string, headers: Record<string, string>) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      res.resume();
      resolve(res.headers);
    })
      .on("error", reject)
      .end();
  });
}

/** What helmet itself sets on a response for these options. */
function helmetHeaders(options: Parameters<typeof helmet>[0]) {
  const set: Record<string, unknown> = {};
  const res = { setHeader: (k: string, v: unknown) => (set[k.toLowerCase()] = String(v)), removeHeader: () => {} };
  helmet(options)({} as never, res as never, () => undefined);
  return set;
}

describe("the HTTP guard's headers", () => {
  it("are helmet's, for each kind of answer and scheme", async () => {
    for (const [path, accept, https_] of [
      ["/", "text/html", false],
      ["/graphql", "text/html", false],
      ["/files/x", "*/*", false],
      ["/", "text/html", true],
    ] as const) {
      const got = await headersOf(path, { accept, ...(https_ ? { "x-https": "1" } : {}) });
      const csp = String(got["content-security-policy"]);
      const expected = helmetHeaders({
        contentSecurityPolicy: false,
        strictTransportSecurity: https_ ? { maxAge: 180 * 24 * 3600 } : false,
        crossOriginResourcePolicy: { policy: "same-origin" },
        referrerPolicy: { policy: "same-origin" },
      });
      for (const [name, value] of Object.entries(expected)) {
        if (name === "content-security-policy") continue;
        expect(got[name], name).toBe(value);
      }
      expect(got["strict-transport-security"] !== undefined).toBe(https_);
      expect(csp).toContain("frame-ancestors");
      if (path === "/files/x") expect(csp).toContain("frame-ancestors 'self'");
      else expect(csp).toContain("frame-ancestors 'none'");
      if (path === "/graphql") expect(csp).toContain("https://unpkg.com");
      else expect(csp).not.toContain("unpkg");
    }
  });
});
