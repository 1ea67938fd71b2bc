// Throttling as an attacker would meet it, over real HTTP with real concurrent requests: parallel guesses
// are counted before any password is checked, an address cannot guess across many users, the owner at another
// address is not locked out, failed logins are audited in aggregate rows, and 100 simultaneous public opinions from
// one sender store exactly the 5 an hour allows. TRUSTED_PROXY lets the test
// speak for several client addresses through X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOGIN_POLICY } from "@rectify/server/security/settings";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  // The default policy with a first delay of a minute, so how long the test machine takes does not matter.
  const login = { ...DEFAULT_LOGIN_POLICY, userAtAddress: { ...DEFAULT_LOGIN_POLICY.userAtAddress, baseMs: 60_000 } };
  app = await startTestApp({ env: { TRUSTED_PROXY: "loopback" }, security: { login } });
});
afterAll(async () => app?.close());

const LOGIN = `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER) { __typename ... on LoginPayload { token } ... on RateLimitedError { retryAfterSeconds } ... on Error { code } } }`;

async function login(username: string, password: string, from: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": from },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
  const body: any = await res.json();
  return body.data.login as { __typename: string; token?: string; retryAfterSeconds?: number };
}

describe("login throttling", () => {
  it("counts 300 simultaneous guesses before checking any: at most 5 are checked, and the owner elsewhere gets in", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login("insp", i === 150 ? PASSWORD : `wrong-${i}`, "203.0.113.7")),
    );
    const checked = guesses.filter((g) => g.__typename !== "RateLimitedError");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(guesses.filter((g) => g.__typename === "RateLimitedError").length).toBeGreaterThanOrEqual(295);
    expect(guesses.find((g) => g.__typename === "RateLimitedError")!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Growing delays, not a lock: the owner at another address logs in at once.
    expect((await login("insp", PASSWORD, "198.51.100.20")).__typename).toBe("LoginPayload");
    // Failed logins are aggregated: one row for that user, address and hour.
    const rows = await app.db.prisma.loginFailure.findMany({ where: { address: "203.0.113.7" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: "insp",
      count: checked.filter((g) => g.__typename !== "LoginPayload").length,
    });
  });

  it("limits one address guessing across many user names, and collapses unknown names into one audit row", async () => {
    const results = [];
    for (let i = 0; i < 35; i++) results.push(await login(`nobody-${i}`, "wrong-password", "203.0.113.99"));
    expect(results.slice(0, 30).every((r) => r.__typename === "BadCredentialsError")).toBe(true);
    expect(results.slice(30).every((r) => r.__typename === "RateLimitedError")).toBe(true);
    const rows = await app.db.prisma.loginFailure.findMany({ where: { address: "203.0.113.99" } });
    expect(rows).toEqual([expect.objectContaining({ username: "", count: 30 })]);
    // Another address is not affected.
    expect((await login("sup", PASSWORD, "198.51.100.21")).__typename).toBe("LoginPayload");
  });

  it("keeps the counters in the database, so every server process on it shares them", async () => {
    const before = await app.db.prisma.rateLimit.count();
    await login("admin", "wrong-password", "192.0.2.1");
    expect(await app.db.prisma.rateLimit.count()).toBeGreaterThan(before);
  });
});

describe("public opinions", () => {
  it("store exactly 5 of 100 simultaneous submissions from one sender, and refuse the rest with 429", async () => {
    const problem = await app.db.prisma.problem.findFirstOrThrow();
    const before = await app.db.prisma.opinion.count();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${app.url}/public/opinions`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.50" },
          body: new URLSearchParams({ problemId: problem.id, text: `第${i}条并发提交的意见` }).toString(),
        }).then(async (r) => (await r.body?.cancel(), r.status)),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    expect((await app.db.prisma.opinion.count()) - before).toBe(5);
  });

  it("answer a malformed problem id with a 400 page, not a server error", async () => {
    const r = await fetch(`${app.url}/public/opinions`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.51" },
      body: new URLSearchParams({ problemId: "garbage", text: "格式错误的问题编号" }).toString(),
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("该事项不存在");
  });
});
