// workingSetProblems (issue 12): the working set's pages, built in SQL, say exactly what the `problems` connection
// says of the same problems to the same viewer (fields, units, lights, overdue, visibility, archived rows), page
// by page; only a logged-in viewer gets them, and bad paging input is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type RoleName, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // Variety the sample report lacks: a liaison's unit responsible for a measure and participating in a problem,
  // field ratings on a measure and on a problem, a long-term measure, an archived measure and problem.
  const prisma = app.db.prisma;
  const unitA = await prisma.unit.findUniqueOrThrow({ where: { name: "市委组织部" } });
  const problems = await prisma.problem.findMany({ orderBy: [{ section: "asc" }, { number: "asc" }], take: 8 });
  const measureOf = async (i: number, skip = 0) =>
    prisma.measure.findFirstOrThrow({ where: { problemId: problems[i]!.id }, orderBy: { number: "asc" }, skip });
  await prisma.measure.update({ where: { id: (await measureOf(1)).id }, data: { responsibleUnitId: unitA.id } });
  await prisma.problemParticipant.create({ data: { problemId: problems[2]!.id, unitId: unitA.id } });
  await prisma.measure.update({
    where: { id: (await measureOf(3)).id },
    data: { latestRating: "LAGGING", latestRatedAt: new Date() },
  });
  await prisma.problem.update({
    where: { id: problems[4]!.id },
    data: { latestRating: "PROBLEM_FOUND", latestRatedAt: new Date() },
  });
  await prisma.measure.update({ where: { id: (await measureOf(5)).id }, data: { longTerm: true, deadline: null } });
  const twoMeasures = await prisma.measure.groupBy({
    by: ["problemId"],
    _count: true,
    having: { problemId: { _count: { gt: 1 } } },
  });
  // A problem not used above (the groups come in no set order): archiving the rated measure of problems[3] would
  // take its YELLOW out of the working set.
  const used = new Set(problems.map((p) => p.id));
  const withTwo = twoMeasures.map((g) => g.problemId).find((id) => !used.has(id))!;
  await prisma.measure.update({
    where: { id: (await prisma.measure.findFirstOrThrow({ where: { problemId: withTwo } })).id },
    data: { archivedAt: new Date() },
  });
  await prisma.problem.update({ where: { id: problems[6]!.id }, data: { archivedAt: new Date() } });
});
afterAll(async () => app?.close());

// The fields the PWA's working-set document used to ask of `problems` (client GqlProblem).
const NODE = `id section number title body status deadline overdue light inspection { id } archivedAt
  responsibleUnit { name } leadLeader { name } participatingUnits { name }
  measures(first: 200) { edges { node { id number numbered text subPoints status deadline longTerm overdue light
  responsibleUnit { name } } } }`;

async function viaConnection(role: RoleName, filter: object | null) {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await app.as(role)(
      `query($after: String, $filter: LedgerFilter) { problems(first: 200, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } edges { node { ${NODE} } } } }`,
      { after, filter },
    );
    expect(r.errors).toBeUndefined();
    nodes.push(...r.data.problems.edges.map((e: any) => e.node));
    if (!r.data.problems.pageInfo.hasNextPage) return nodes;
    after = r.data.problems.pageInfo.endCursor;
  }
}

const PAGE = `query($first: Int, $after: String, $filter: LedgerFilter) {
  workingSetProblems(first: $first, after: $after, filter: $filter) { problems hasNextPage endCursor } }`;

async function viaPages(role: RoleName, filter: object | null, first = 7) {
  const problems: unknown[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const r: any = await app.as(role)(PAGE, { first, after, filter });
    expect(r.errors).toBeUndefined();
    pages++;
    problems.push(...r.data.workingSetProblems.problems);
    if (!r.data.workingSetProblems.hasNextPage) return { problems, pages };
    after = r.data.workingSetProblems.endCursor;
  }
}

describe("workingSetProblems", () => {
  it("gives staff what the problems connection gives, page by page", async () => {
    const expected = await viaConnection("inspector", null);
    const got = await viaPages("inspector", null);
    expect(expected.length).toBeGreaterThan(30);
    expect(got.pages).toBe(Math.ceil(expected.length / 7));
    expect(got.problems).toEqual(expected);
    const lights = new Set(
      got.problems.flatMap((p: any) => [p.light, ...p.measures.edges.map((e: any) => e.node.light)]),
    );
    expect([...lights].sort()).toEqual(expect.arrayContaining(["RED", "YELLOW"]));
    // Archived rows only when asked for, as in an incremental download.
    const all = { includeArchived: true };
    expect(await viaPages("supervisor", all, 1000).then((r) => r.problems)).toEqual(
      await viaConnection("supervisor", all),
    );
  });

  it("gives a unit's liaison only their items, as the problems connection does", async () => {
    const expected = await viaConnection("liaisonA", null);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect((await viaPages("liaisonA", null, 1)).problems).toEqual(expected);
    const staff = await viaConnection("inspector", null);
    expect(expected.length).toBeLessThan(staff.length);
  });

  it("filters by inspection and by changes since a clock", async () => {
    const inspection = await app.db.prisma.inspection.findFirstOrThrow();
    const gid = Buffer.from(`Inspection:${inspection.id}`).toString("base64");
    const filter = { inspectionIds: [gid] };
    expect((await viaPages("inspector", filter)).problems).toEqual(await viaConnection("inspector", filter));
    const future = { changedSince: new Date(Date.now() + 3_600_000).toISOString(), includeArchived: true };
    expect((await viaPages("inspector", future)).problems).toEqual([]);
  });

  it("is refused to the public and refuses bad paging", async () => {
    const pub: any = await app.as("public")(PAGE, { first: 5 });
    expect(pub.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(pub.data?.workingSetProblems ?? null).toBeNull();
    for (const first of [0, 1001]) {
      const r: any = await app.as("inspector")(PAGE, { first });
      expect(r.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    }
    const bad: any = await app.as("inspector")(PAGE, { first: 5, after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    const gone = Buffer.from("Problem:00000000-0000-4000-8000-000000000000").toString("base64");
    const missing: any = await app.as("inspector")(PAGE, { first: 5, after: gone });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
