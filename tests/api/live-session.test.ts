// Live-update streams (SSE over real HTTP) end with the session that opened them: on logout, when an admin revokes
// the session, and when the user is deactivated; a user's other sessions keep their streams. After the end
// nothing more is delivered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

async function login(username: string): Promise<string> {
  const r = await app.as("public")(
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p, credential: BEARER) { ... on LoginPayload { token } } }`,
    { u: username, p: PASSWORD },
  );
  return r.data!.login.token as string;
}

/** An open SSE subscription: its events so far, and `ended` once the server closed the stream. */
async function openStream(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "subscription { ledgerChanged { kind } }" }),
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const events: string[] = [];
  let closed = false;
  const reader = res.body!.getReader();
  const ended = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += new TextDecoder().decode(value);
        for (let i; (i = buffer.indexOf("\n\n")) >= 0; buffer = buffer.slice(i + 2)) {
          const data = buffer
            .slice(0, i)
            .split("\n")
            .find((l) => l.startsWith("data:"));
          if (data && data.length > 6) events.push(JSON.parse(data.slice(5)).data?.ledgerChanged?.kind);
        }
      }
    } catch (err) {
      if ((err as Error).name !== "AbortError") throw err;
    }
    closed = true;
  })();
  // Let the server attach the subscription before anything is published.
  await new Promise((r) => setTimeout(r, 300));
  return { events, ended, isClosed: () => closed, abort: () => controller.abort() };
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

async function syncOne() {
  const problem = await app.db.prisma.problem.findFirstOrThrow();
  await send(app, "inspector", siteVisit(problem.id, []));
  await new Promise((r) => setTimeout(r, 300));
}

describe("live streams end with their session", () => {
  it("on logout: that session's stream closes, the same user's other session keeps its own", async () => {
    const [first, second] = [await login("sup"), await login("sup")];
    const a = await openStream(first);
    const b = await openStream(second);
    await syncOne();
    expect(a.events).toEqual(["RECORD"]);
    const out = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${first}` },
      body: JSON.stringify({ query: "mutation { logout }" }),
    });
    expect((await out.json()).data.logout).toBe(true);
    expect(await within(a.ended, 3000)).toBe(true);
    await syncOne();
    expect(a.events).toEqual(["RECORD"]);
    expect(b.isClosed()).toBe(false);
    expect(b.events).toEqual(["RECORD", "RECORD"]);
    b.abort();
  });

  it("when an admin revokes the session", async () => {
    const token = await login("sup");
    const s = await openStream(token);
    const sessions = await app.as("admin")(`query($id: ID!) { userSessions(userId: $id) { id createdAt } }`, {
      id: Buffer.from(
        `User:${(await app.db.prisma.user.findUniqueOrThrow({ where: { username: "sup" } })).id}`,
      ).toString("base64"),
    });
    const newest = (sessions.data!.userSessions as { id: string; createdAt: string }[]).sort((x, y) =>
      y.createdAt.localeCompare(x.createdAt),
    )[0]!;
    const r = await app.as("admin")(`mutation($id: ID!) { revokeSession(id: $id) { __typename } }`, {
      id: newest.id,
    });
    expect(r.errors).toBeUndefined();
    expect(await within(s.ended, 3000)).toBe(true);
  });

  it("when the user is deactivated: every stream of theirs closes and nothing more arrives", async () => {
    const token = await login("sup");
    const s = await openStream(token);
    const other = await openStream(app.tokenOf("admin")!);
    const user = await app.db.prisma.user.findUniqueOrThrow({ where: { username: "sup" } });
    const r = await app.as("admin")(`mutation($id: ID!) { updateUser(id: $id, active: false) { __typename } }`, {
      id: Buffer.from(`User:${user.id}`).toString("base64"),
    });
    expect(r.errors).toBeUndefined();
    expect(await within(s.ended, 3000)).toBe(true);
    await syncOne();
    expect(s.events).toEqual([]);
    // Another user's stream is untouched.
    expect(other.isClosed()).toBe(false);
    expect(other.events).toEqual(["RECORD"]);
    other.abort();
  });
});
