// HTTP-level defences over real HTTP: security headers on every response (PWA, public pages, GraphQL, errors),
// CSRF (a cookie-carrying POST from another origin is refused and changes nothing; no credentialed CORS for
// other origins), introspection and query limits by role, and QR posters that print only a trusted origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await startTestApp({ env: { ALLOWED_ORIGINS: "https://partner.example" } });
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(username: "admin", password: "${PASSWORD}") { __typename } }` }),
  });
  cookie = res.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => app?.close());

const CREATE_UNIT = `mutation { createUnit(name: "跨站伪造单位") { __typename } }`;

describe("security headers", () => {
  it("are on every response: the PWA, public pages, GraphQL, files and errors", async () => {
    for (const path of ["/", "/public/report", "/graphql?query=%7B__typename%7D", "/healthz", "/files/x", "/nope"]) {
      const res = await fetch(`${app.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      // Evidence files may be framed by the PWA itself (PDF preview), by nobody else.
      expect(csp, path).toContain(path.startsWith("/files/") ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
      // No inline or foreign script anywhere (the export pages allow no script at all).
      expect(csp, path).toMatch(/script-src 'self'(;|$)|default-src 'none'/);
      expect(csp, path).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy"), path).toMatch(/^(same-origin|no-referrer)$/);
      await res.body?.cancel();
    }
  });
});

describe("CSRF", () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${app.url}/graphql`, { method: "POST", headers: { Cookie: cookie, ...headers }, body });

  it("refuses a cookie-carrying urlencoded or JSON POST from another origin, and nothing changes", async () => {
    const form = new URLSearchParams({ query: CREATE_UNIT }).toString();
    const urlencoded = await post(
      { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      form,
    );
    expect(urlencoded.status).toBe(403);
    expect((await urlencoded.json()).errors[0].extensions.code).toBe("CSRF_REJECTED");
    const json = await post(
      { "Content-Type": "application/json", Origin: "https://evil.example" },
      JSON.stringify({ query: CREATE_UNIT }),
    );
    expect(json.status).toBe(403);
    const noOrigin = await post(
      { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" },
      JSON.stringify({ query: CREATE_UNIT }),
    );
    expect(noOrigin.status).toBe(403);
    expect(await app.db.prisma.unit.count({ where: { name: "跨站伪造单位" } })).toBe(0);
  });

  it("lets the same origin and a configured origin use the cookie", async () => {
    const same = await post(
      { "Content-Type": "application/json", Origin: app.url },
      JSON.stringify({ query: `{ me { username } }` }),
    );
    expect((await same.json()).data.me.username).toBe("admin");
    const partner = await post(
      { "Content-Type": "application/json", Origin: "https://partner.example" },
      JSON.stringify({ query: `{ me { username } }` }),
    );
    expect(partner.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    expect((await partner.json()).data.me.username).toBe("admin");
  });

  it("gives other origins no credentialed CORS, preflight included", async () => {
    const preflight = await fetch(`${app.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://evil.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    await preflight.body?.cancel();
  });
});

describe("introspection and query limits", () => {
  it("answers introspection to staff only", async () => {
    const anon = await app.as("public")(`{ __schema { queryType { name } } }`);
    expect(anon.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const liaison = await app.as("liaisonA")(`{ __type(name: "Problem") { name } }`);
    expect(liaison.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const staff = await app.as("inspector")(`{ __schema { queryType { name } } }`);
    expect(staff.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect((await app.as("public")(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("serves GraphiQL to staff logged in by cookie, never to the public", async () => {
    const page = (headers: Record<string, string>) =>
      fetch(`${app.url}/graphql`, { headers: { Accept: "text/html", ...headers } }).then(async (r) => ({
        status: r.status,
        html: (await r.text()).includes("graphiql"),
      }));
    expect((await page({})).html).toBe(false);
    expect((await page({ Cookie: "rectify_session=forged" })).html).toBe(false);
    expect(await page({ Cookie: cookie })).toEqual({ status: 200, html: true });
  });

  it("refuses 1,000 aliases of a big connection with a typed error before running it", async () => {
    const one = (i: number) =>
      `a${i}: problems(first: 200) { edges { node { measures(first: 200) { edges { node { text } } } } } }`;
    const huge = `{ ${Array.from({ length: 1000 }, (_, i) => one(i)).join(" ")} }`;
    for (const role of ["public", "supervisor"] as const) {
      const r = await app.as(role)(huge);
      expect(r.data, role).toBeUndefined();
      expect(r.errors?.[0]?.extensions?.code, role).toBe("QUERY_TOO_COMPLEX");
    }
  });

  it("is stricter for the anonymous public than for staff", async () => {
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: problems(first: 1) { totalCount }`).join(" ")} }`;
    expect((await app.as("public")(aliases)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await app.as("supervisor")(aliases)).errors).toBeUndefined();
    // The PWA's largest document (the inspector's working set, 200 problems × 200 measures) is within staff limits.
    const workingSet = `{ problems(first: 200) { pageInfo { hasNextPage endCursor } edges { node {
      id section number title body status deadline overdue light inspection { id }
      responsibleUnit { name } leadLeader { name } participatingUnits { name }
      measures(first: 200) { edges { node {
        id number numbered text subPoints status deadline longTerm overdue light responsibleUnit { name } } } } } } } }`;
    expect((await app.as("inspector")(workingSet)).errors).toBeUndefined();
    expect((await app.as("public")(workingSet)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  // The server keeps parsed and validated documents: a document accepted or refused for one kind of caller must
  // not be answered from that memory for another kind with other limits.
  it("judges a document by the caller's own limits, whoever sent the same document before", async () => {
    // A unit liaison has staff limits and, like the public, no introspection: the same set of rules but one.
    const aliases = `{ ${Array.from({ length: 15 }, (_, i) => `b${i}: problems(first: 1) { totalCount }`).join(" ")} }`;
    expect((await app.as("liaisonA")(aliases)).errors).toBeUndefined();
    expect((await app.as("public")(aliases)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    // More tokens than the public may send (1,000), fewer than staff may (5,000): refused to the public first.
    const none = Buffer.from("Inspection:00000000-0000-0000-0000-000000000000").toString("base64");
    const long = `{ problems(first: 1, filter: { inspectionIds: [${`"${none}" `.repeat(1500)}] }) { totalCount } }`;
    expect((await app.as("public")(long)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await app.as("supervisor")(long)).data).toEqual({ problems: { totalCount: 0 } });
    expect((await app.as("public")(long)).errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("QR posters", () => {
  it("never print a Host header a request made up", async () => {
    const { request } = await import("node:http");
    const port = new URL(app.url).port;
    const problem = await app.db.prisma.problem.findFirstOrThrow();
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path: `/qr/problems/${problem.id}`, headers: { Host: "evil.example" } },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(body.status).toBe(400);
    expect(body.text).not.toContain("evil.example");
    expect(body.text).toContain("PUBLIC_URL");
    // Its own name (localhost) is fine.
    expect(await (await fetch(`${app.url}/qr/problems/${problem.id}`)).text()).toContain(`${app.url}/public/problems/`);
  });
});
