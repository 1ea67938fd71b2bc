// Live dashboards: the ledgerChanged subscription over SSE fires when records sync and statuses change,
// and a unit liaison hears only about their own unit's problems.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

/** Subscribes over SSE and collects events until `count` arrived or the timeout passed. */
function subscribe(token: string | null, count: number, timeoutMs = 5000) {
  const controller = new AbortController();
  const events: any[] = [];
  const ready = fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "text/event-stream",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: "subscription { ledgerChanged { kind problemId measureId } }" }),
    signal: controller.signal,
  });
  const done = (async () => {
    const res = await ready;
    const reader = res.body!.getReader();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let buffer = "";
    try {
      while (events.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += new TextDecoder().decode(value);
        let i;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split("\n").find((l) => l.startsWith("data:"));
          if (data && data.length > 6) events.push(JSON.parse(data.slice(5)));
        }
      }
    } catch (err) {
      if ((err as Error).name !== "AbortError") throw err;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    return events;
  })();
  return { ready, done };
}

describe("ledgerChanged", () => {
  it("tells an open dashboard when a record syncs and a status changes", async () => {
    const p = await app.db.prisma.problem.findFirstOrThrow({
      where: { number: 2, section: "CONTINUING" },
      include: { measures: true },
    });
    await app.db.prisma.measure.update({ where: { id: p.measures[0]!.id }, data: { responsibleUnitId: app.units.a } });
    const sup = subscribe(app.tokenOf("supervisor"), 2);
    const liaisonA = subscribe(app.tokenOf("liaisonA"), 1);
    const liaisonB = subscribe(app.tokenOf("liaisonB"), 1, 2500);
    await Promise.all([sup.ready, liaisonA.ready, liaisonB.ready]);
    await new Promise((r) => setTimeout(r, 200));
    await send(app, "inspector", siteVisit(p.id, [p.measures[0]!.id]));
    const m = Buffer.from(`Measure:${p.measures[0]!.id}`).toString("base64");
    await app.as("liaisonA")(
      `mutation($id:ID!){ changeStatus(id:$id, status: COMPLETED, reason:"已完成整改") { __typename } }`,
      { id: m },
    );
    const events = await sup.done;
    expect(events.map((e) => e.data.ledgerChanged.kind)).toEqual(["RECORD", "STATUS"]);
    expect(events[1].data.ledgerChanged.measureId).toBe(m);
    expect((await liaisonA.done).map((e) => e.data.ledgerChanged.kind)).toEqual(["RECORD"]);
    expect(await liaisonB.done).toEqual([]);
  });

  it("is refused to the public", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "subscription { ledgerChanged { kind } }" }),
    });
    const text = await res.text();
    expect(text).toContain("UNAUTHENTICATED");
  });

  it("does not keep the server from shutting down (the stream ends when shutdown begins)", async () => {
    const other = await startTestApp();
    const res = await fetch(`${other.url}/graphql`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        Authorization: `Bearer ${other.tokenOf("supervisor")}`,
      },
      body: JSON.stringify({ query: "subscription { ledgerChanged { kind } }" }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const ended = (async () => {
      try {
        while (!(await reader.read()).done);
      } catch {
        // cut mid-stream: the client sees an error, which is what a cut is
      }
      return "ended";
    })();
    const started = Date.now();
    await other.server.close(300);
    expect(await ended).toBe("ended");
    expect(Date.now() - started).toBeLessThan(5000);
    await other.db.close();
  });
});
