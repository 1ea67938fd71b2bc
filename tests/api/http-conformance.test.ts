// GraphQL over HTTP: graphql-http's audits, the session cookie's attributes, and GraphiQL.
import { connect } from "node:net";
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOGIN_POLICY } from "@rectify/server/security/settings";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  // A first delay of a minute after the free attempts, so the machine's speed cannot let a guess through.
  const login = { ...DEFAULT_LOGIN_POLICY, userAtAddress: { ...DEFAULT_LOGIN_POLICY.userAtAddress, baseMs: 60_000 } };
  app = await startTestApp({ sample: false, security: { login } });
});
afterAll(async () => app?.close());

describe("GraphQL over HTTP", () => {
  it("passes every graphql-http audit with no error", async () => {
    // As staff: some audits use introspection (`__type`), which the anonymous public does not get.
    const token = app.tokenOf("inspector")!;
    const fetchFn = (url: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("Authorization", `Bearer ${token}`);
      return fetch(url, { ...init, headers });
    };
    const audits = serverAudits({ url: `${app.url}/graphql`, fetchFn });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
    expect(audits.length).toBeGreaterThan(20);
  });

  it("refuses a body announced over 25 MB with 413 before reading it, and answers a chunked body", async () => {
    const { hostname, port } = new URL(app.url);
    // Headers only: the answer must come without the 25 MB, which the test never sends.
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
            `Accept: application/json\r\nContent-Length: 25000001\r\n\r\n{"query":`,
        ),
      );
      let text = "";
      socket.on("data", (c) => {
        text += String(c);
        if (text.includes("REQUEST_ENTITY_TOO_LARGE")) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(text));
    });
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    const chunked = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: new Blob([JSON.stringify({ query: "{ __typename }" })]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(await chunked.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("serves GraphiQL to logged-in staff only (GRAPHIQL=staff, the default)", async () => {
    const anonymous = await fetch(`${app.url}/graphql`, { headers: { Accept: "text/html" } });
    expect(await anonymous.text()).not.toContain("Rectify GraphQL");
    const login = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(username: "sup", password: "${PASSWORD}") { __typename } }` }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const staff = await fetch(`${app.url}/graphql`, { headers: { Accept: "text/html", Cookie: cookie } });
    expect(staff.status).toBe(200);
    expect(await staff.text()).toContain("Rectify GraphQL");
    expect(staff.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("cookie sessions (the PWA)", () => {
  const LOGIN = `mutation($u:String!,$p:String!){ login(username:$u,password:$p) { __typename ... on LoginPayload { token user { username } } ... on Error { code message } } }`;
  const post = (query: string, variables: object, cookie?: string) =>
    fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });

  it("sets an HttpOnly SameSite cookie that authenticates, and logout revokes it", async () => {
    const res = await post(LOGIN, { u: "sup", p: PASSWORD });
    const body: any = await res.json();
    expect(body.data.login).toEqual({ __typename: "LoginPayload", token: null, user: { username: "sup" } });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^rectify_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(";")[0]!;
    const me: any = await (await post(`{ me { username role } }`, {}, cookie)).json();
    expect(me.data.me).toEqual({ username: "sup", role: "SUPERVISOR" });
    const out = await post(`mutation { logout }`, {}, cookie);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after: any = await (await post(`{ me { username } }`, {}, cookie)).json();
    expect(after.data.me).toBeNull();
  });

  it("answers a wrong password and an unknown user alike, then throttles guessing", async () => {
    const wrong: any = await (await post(LOGIN, { u: "insp", p: "wrong-password" })).json();
    const unknown: any = await (await post(LOGIN, { u: "nobody", p: "wrong-password" })).json();
    expect(wrong.data.login).toEqual(unknown.data.login);
    expect(wrong.data.login).toMatchObject({ __typename: "BadCredentialsError", code: "BAD_CREDENTIALS" });
    for (let i = 0; i < 4; i++) await post(LOGIN, { u: "insp", p: "wrong-password" });
    const limited: any = await (await post(LOGIN, { u: "insp", p: PASSWORD })).json();
    expect(limited.data.login).toMatchObject({ __typename: "RateLimitedError", code: "RATE_LIMITED" });
  });
});

describe("query limits", () => {
  it("refuses a query nested deeper than the server allows, before running it", async () => {
    const deep = `{ problems { edges { node { measures { edges { node { problem { measures { edges { node { problem { inspection { team } } } } } } } } } } } } }`;
    const r = await app.gql(deep);
    expect(r.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(r.data).toBeUndefined();
    const fine = await app.gql(
      `{ problems(first: 1) { edges { node { measures(first: 1) { edges { node { text } } } } } } }`,
    );
    expect(fine.errors).toBeUndefined();
  });
});
