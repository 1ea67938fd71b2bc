// A supervisor lists the ledger through GraphQL: continuing problems with measures, filtered and paged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

const PROBLEMS = `query($filter: LedgerFilter, $first: Int, $after: String) {
  problems(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id section number title status measures(first: 50) { totalCount edges { node { number text subPoints } } } } }
  }
}`;

describe("ledger queries", () => {
  it("lists the 32 continuing problems with their measures, in pages", async () => {
    const sup = app.as("supervisor");
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r: any = await sup(PROBLEMS, { filter: { section: "CONTINUING" }, first: 10, after });
      expect(r.errors).toBeUndefined();
      expect(r.data.problems.totalCount).toBe(32);
      seen.push(...r.data.problems.edges.map((e: any) => e.node));
      if (!r.data.problems.pageInfo.hasNextPage) break;
      after = r.data.problems.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(32);
    expect(seen.map((p) => p.number)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(seen.every((p) => p.section === "CONTINUING" && p.status === "IN_PROGRESS")).toBe(true);
    const measures = seen.reduce((n, p) => n + p.measures.totalCount, 0);
    const all: any = await sup(`{ measures { totalCount }
      completed: problems(filter:{section:COMPLETED}) { totalCount edges { node { measures { totalCount } } } } }`);
    expect(all.data.measures.totalCount).toBe(120);
    expect(all.data.completed.totalCount).toBe(4);
    const completedMeasures = all.data.completed.edges.reduce((n: number, e: any) => n + e.node.measures.totalCount, 0);
    expect(measures + completedMeasures).toBe(120);
  });

  it("searches titles and measure texts", async () => {
    const sup = app.as("supervisor");
    const r: any = await sup(`{ problems(filter:{search:"三重一大"}) { totalCount edges { node { title } } } }`);
    expect(r.data.problems.totalCount).toBeGreaterThan(0);
    const m: any = await sup(
      `{ measures(filter:{search:"臭氧"}) { totalCount edges { node { text indicators { value unit } } } } }`,
    );
    expect(m.data.measures.totalCount).toBeGreaterThan(0);
    expect(m.data.measures.edges[0].node.text).toContain("臭氧");
    const none: any = await sup(`{ problems(filter:{search:"绝不存在的词语"}) { totalCount } }`);
    expect(none.data.problems.totalCount).toBe(0);
  });

  it("filters by unit, lead leader, deadline range and overdue after assignment", async () => {
    const sup = app.as("supervisor");
    const first: any = await sup(`{ measures(first: 2, filter:{section:CONTINUING}) { edges { node { id } } } }`);
    const [m1, m2] = first.data.measures.edges.map((e: any) => e.node.id);
    const person: any = await sup(`mutation { createPerson(name:"张三", post:"副市长") { ... on Person { id } } }`);
    const personId = person.data.createPerson.id;
    const units: any = await sup(`{ units { edges { node { id name } } } }`);
    const unitA = units.data.units.edges.find((e: any) => e.node.name === "市委组织部").node.id;
    const unitB = units.data.units.edges.find((e: any) => e.node.name === "市财政局").node.id;
    const assign = `mutation($id: ID!, $a: AssignmentInput!) { assignMeasure(id: $id, assignment: $a) {
      __typename ... on Measure { deadline overdue responsibleUnit { name } participatingUnits { name } leadLeader { name } }
      ... on Error { code message } } }`;
    const a1: any = await sup(assign, {
      id: m1,
      a: { leadLeaderId: personId, responsibleUnitId: unitA, participantUnitIds: [unitB], deadline: "2020-01-31" },
    });
    expect(a1.data.assignMeasure).toMatchObject({
      __typename: "Measure",
      deadline: "2020-01-31",
      overdue: true,
      responsibleUnit: { name: "市委组织部" },
      participatingUnits: [{ name: "市财政局" }],
      leadLeader: { name: "张三" },
    });
    await sup(assign, { id: m2, a: { responsibleUnitId: unitB, deadline: "2099-12-31" } });
    const q = `query($f: LedgerFilter) { measures(filter: $f) { totalCount } }`;
    const count = async (f: object) => ((await sup(q, { f })) as any).data.measures.totalCount;
    expect(await count({ unitId: unitA })).toBe(1);
    expect(await count({ unitId: unitB })).toBe(2);
    expect(await count({ leadLeaderId: personId })).toBe(1);
    expect(await count({ overdue: true })).toBe(1);
    expect(await count({ deadlineFrom: "2099-01-01", deadlineTo: "2099-12-31" })).toBe(1);
    const p: any = await sup(`{ problems(filter:{overdue:true}) { totalCount } }`);
    expect(p.data.problems.totalCount).toBe(1);
  });

  it("rejects bad input with typed errors and changes nothing", async () => {
    const sup = app.as("supervisor");
    const badDate: any = await sup(`{ measures(filter:{deadlineFrom:"2024-02-30"}) { totalCount } }`);
    expect(badDate.errors?.[0]?.message).toMatch(/Invalid Date|Date must/);
    const badId: any = await sup(
      `mutation { assignMeasure(id:"bm90LWFuLWlk", assignment:{deadline:"2024-01-01"}) { __typename ... on Error { code message } } }`,
    );
    expect(badId.data.assignMeasure).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const before = await app.db.prisma.auditEvent.count();
    const m: any = await sup(`{ measures(first:1) { edges { node { id } } } }`);
    const participantIsResponsible: any = await sup(
      `mutation($id:ID!,$u:ID!) { assignMeasure(id:$id, assignment:{responsibleUnitId:$u, participantUnitIds:[$u]}) { __typename ... on Error { code } } }`,
      { id: m.data.measures.edges[0].node.id, u: Buffer.from(`Unit:${app.units.a}`).toString("base64") },
    );
    expect(participantIsResponsible.data.assignMeasure).toMatchObject({ __typename: "ValidationError" });
    expect(await app.db.prisma.auditEvent.count()).toBe(before);
  });
});
