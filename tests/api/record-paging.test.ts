// Record lists page by keyset: every record exactly once, newest first (id breaks deviceTime ties), forwards and
// backwards, with filters; a foreign cursor is a typed error; a page's measures load without a statement per
// record, and totalCount is counted only when asked for.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let statements: string[] = [];
const expected: { id: string; deviceTime: Date; inspector: string; measures: number }[] = [];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const raw = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;

const PAGE = `query($first: Int, $last: Int, $after: String, $before: String, $f: RecordFilter) {
  inspectionRecords(first: $first, last: $last, after: $after, before: $before, filter: $f) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id deviceTime measures { id number } } } } }`;

beforeAll(async () => {
  app = await startTestApp({ onStatement: (sql) => statements.push(sql) });
  const db = app.db.prisma;
  const problems = await db.problem.findMany({ include: { measures: { select: { id: true } } }, take: 4 });
  const insp = await db.user.findUniqueOrThrow({ where: { username: "insp" } });
  const other = await db.user.create({
    data: { username: "insp2", displayName: "二号", passwordHash: "x", role: "INSPECTOR" },
  });
  const base = Date.parse("2026-05-01T08:00:00Z");
  for (let i = 0; i < 57; i++) {
    const p = problems[i % problems.length]!;
    const measureIds = p.measures.slice(0, i % 3).map((m) => m.id);
    const inspectorId = i % 4 === 0 ? other.id : insp.id;
    // every third pair shares a deviceTime: ties are ordered by id
    const deviceTime = new Date(base + Math.floor(i / 2) * 3_600_000);
    const id = randomUUID();
    await db.inspectionRecord.create({
      data: {
        id,
        kind: "SITE_VISIT",
        inspectorId,
        problemId: p.id,
        content: {},
        contentHash: "h",
        clientRevision: 1,
        deviceTime,
        details: {},
        measures: { create: measureIds.map((measureId) => ({ measureId })) },
      },
    });
    expected.push({ id, deviceTime, inspector: inspectorId, measures: measureIds.length });
  }
  expected.sort((a, b) => b.deviceTime.getTime() - a.deviceTime.getTime() || (a.id < b.id ? 1 : -1));
});
afterAll(async () => app?.close());

async function page(vars: Record<string, unknown>) {
  const r: any = await app.as("supervisor")(PAGE, vars);
  expect(r.errors).toBeUndefined();
  return r.data.inspectionRecords;
}

describe("record pages", () => {
  it("walk forwards and backwards over every record once, newest first", async () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: any = await page({ first: 8, after });
      forward.push(...p.edges.map((e: any) => raw(e.node.id)));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(expected.map((e) => e.id));
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p: any = await page({ last: 8, before });
      backward.unshift(...p.edges.map((e: any) => raw(e.node.id)));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(expected.map((e) => e.id));
  });

  it("filter by inspector and dates, and count only when asked", async () => {
    const inspector = expected.find((e) => e.inspector !== expected[0]!.inspector)!.inspector;
    const from = new Date(Date.parse("2026-05-01T08:00:00Z") + 5 * 3_600_000);
    const to = new Date(Date.parse("2026-05-01T08:00:00Z") + 20 * 3_600_000);
    const want = expected.filter((e) => e.inspector === inspector && e.deviceTime >= from && e.deviceTime < to);
    const f = { inspectorId: gid("User", inspector), from: from.toISOString(), to: to.toISOString() };
    const p: any = await page({ first: 100, f });
    expect(p.edges.map((e: any) => raw(e.node.id))).toEqual(want.map((e) => e.id));

    statements = [];
    await page({ first: 5, f });
    expect(statements.some((s) => /"InspectionRecord"/.test(s))).toBe(true);
    expect(statements.some((s) => /count\(/i.test(s))).toBe(false);
    const counted: any = await app.as("supervisor")(
      `query($f: RecordFilter) { inspectionRecords(first: 5, filter: $f) { totalCount } }`,
      { f },
    );
    expect(counted.data.inspectionRecords.totalCount).toBe(want.length);
  });

  it("load a page's measures with the page, not one statement per record", async () => {
    statements = [];
    const p: any = await page({ first: 50 });
    expect(p.edges).toHaveLength(50);
    const byId = new Map(expected.map((e) => [e.id, e.measures]));
    for (const e of p.edges) expect(e.node.measures).toHaveLength(byId.get(raw(e.node.id))!);
    // session lookup, the page's ids, the records with their measures (Prisma may split a relation load)
    expect(statements.length).toBeGreaterThan(1);
    expect(statements.length).toBeLessThanOrEqual(6);
  });

  it("read a page of the records' own fields in one statement, answering what Prisma reads", async () => {
    const FIELDS = `id kind deviceTime receivedAt updatedAt findings rating followUpRequired latitude longitude
      accuracyM details version syncState conflict lookBack`;
    const q = `query($after: String) { inspectionRecords(first: 7, after: $after) { pageInfo { endCursor }
      edges { cursor node { ${FIELDS} } } } }`;
    const first: any = await app.as("supervisor")(q, {});
    statements = [];
    const r: any = await app.as("supervisor")(q, { after: first.data.inspectionRecords.pageInfo.endCursor });
    expect(r.errors).toBeUndefined();
    // the session, then the page itself
    expect(statements.filter((s) => /"InspectionRecord"/.test(s))).toHaveLength(1);
    const nodes = r.data.inspectionRecords.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => raw(n.id))).toEqual(expected.slice(7, 14).map((e) => e.id));
    // The same fields read by id through Prisma (the path a page with relations takes) answer the same.
    const byPrisma: any = await app.as("supervisor")(`{ nodes(ids: ${JSON.stringify(nodes.map((n: any) => n.id))}) {
      ... on InspectionRecord { ${FIELDS} problem { id } } } }`);
    expect(byPrisma.errors).toBeUndefined();
    expect(byPrisma.data.nodes.map(({ problem: _p, ...n }: any) => n)).toEqual(nodes);
  });

  it("read only the columns a page of own fields asks for", async () => {
    const q = (fields: string) => `{ inspectionRecords(first: 9) { edges { node { ${fields} } } } }`;
    statements = [];
    const narrow: any = await app.as("supervisor")(q("id kind rating findings"));
    expect(narrow.errors).toBeUndefined();
    const [page] = statements.filter((s) => /"InspectionRecord"/.test(s));
    expect(page).toMatch(/^SELECT r\."deviceTime", r\."findings", r\."id", r\."kind", r\."rating" FROM/);
    const full: any = await app.as("supervisor")(q("id kind rating findings lookBack"));
    expect(statements.filter((s) => /"InspectionRecord"/.test(s)).at(-1)).toMatch(/^SELECT r\.\* FROM/);
    expect(full.data.inspectionRecords.edges.map(({ node: { lookBack: _l, ...n } }: any) => n)).toEqual(
      narrow.data.inspectionRecords.edges.map((e: any) => e.node),
    );
  });

  it("refuse a cursor that is not one of theirs, with a typed error", async () => {
    const r: any = await app.as("supervisor")(PAGE, { first: 5, after: "bm9wZQ==" });
    expect(r.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });
});
