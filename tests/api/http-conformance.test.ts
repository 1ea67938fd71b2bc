// GraphQL over HTTP: graphql-http's audits, the session cookie's attributes, and GraphiQL.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ sample: false });
});
afterAll(async () => app?.close());

describe("GraphQL over HTTP", () => {
  it("passes every graphql-http audit with no error", async () => {
    const audits = serverAudits({ url: `${app.url}/graphql`, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
    expect(audits.length).toBeGreaterThan(20);
  });

  it("serves GraphiQL to browsers", async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { Accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Rectify GraphQL");
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
