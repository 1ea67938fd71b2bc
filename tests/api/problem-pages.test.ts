// Problem lists asking only for the problems' own fields are read in one raw statement (server
// queries/problem-pages.ts); these tests hold that path to Prisma's answer: the same rows, order and count for
// every viewer and filter and every page window Pothos asks for, and through GraphQL the same edges, cursors,
// pageInfo and totalCount paging forwards and backwards, with the fast path really taken.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemWhere, type LedgerFilter } from "@rectify/server/queries/ledger-filters";
import {
  countProblems,
  problemFilterSql,
  problemPageRows,
  type ProblemWindow,
} from "@rectify/server/queries/problem-pages";
import { startTestApp, type RoleName, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let statements: string[] = [];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const NOW = new Date("2026-06-15T04:00:00Z");

let unitA = "";
let mainInspection = "";
let hidden = "";
let leader = "";
let ordered: string[] = []; // every problem, in report order
let filters: Record<string, LedgerFilter> = {};

beforeAll(async () => {
  app = await startTestApp({ onStatement: (sql) => statements.push(sql) });
  const db = app.db.prisma;
  unitA = (await db.unit.findFirstOrThrow({ where: { name: "市委组织部" } })).id;
  const unitB = (await db.unit.findFirstOrThrow({ where: { name: "市财政局" } })).id;
  const problems = await db.problem.findMany({
    orderBy: [{ section: "asc" }, { number: "asc" }],
    include: { measures: { orderBy: { number: "asc" } } },
  });
  mainInspection = problems[0]!.inspectionId;
  await db.inspection.update({ where: { id: mainInspection }, data: { published: true } });
  // A second, unpublished inspection: the public never sees its problems.
  const other = await db.inspection.create({
    data: { team: "第三巡察组", inspectedBody: "测试局", kind: "巡察", published: false },
  });
  hidden = other.id;
  leader = (await db.person.create({ data: { name: "张测试" } })).id;
  for (let i = 0; i < 4; i++) {
    await db.problem.create({
      data: {
        inspectionId: other.id,
        section: i % 2 ? "CONTINUING" : "COMPLETED",
        number: i + 1,
        titleKey: `hidden-${i}`,
        title: i === 0 ? "百分之百_完成 50% 的\\任务" : `隐藏问题${i}`,
        body: "另一个被巡察单位",
        responsibleUnitId: i === 1 ? unitA : null,
        deadline: i === 2 ? day("2026-01-10") : null,
        status: i === 3 ? "CLOSED" : "IN_PROGRESS",
      },
    });
  }
  // A spread of deadlines (none, past, future), statuses, units, leads and archived rows on the sample.
  for (const [i, p] of problems.entries()) {
    const data: Record<string, unknown> = {};
    if (i % 3 === 0) data.deadline = null;
    if (i % 3 === 1) data.deadline = day(i % 2 ? "2026-03-01" : "2026-12-31");
    if (i % 3 === 2) data.deadline = day("2026-06-15");
    if (i % 5 === 0) data.status = "CLOSED";
    if (i % 7 === 0) data.status = "COMPLETED";
    if (i % 4 === 1) data.responsibleUnitId = i % 8 === 1 ? unitA : unitB;
    if (i === 3) data.leadLeaderId = leader;
    if (i % 11 === 5) data.archivedAt = new Date("2026-05-01T00:00:00Z");
    if (i % 6 === 4) data.changedAt = new Date("2026-06-14T00:00:00Z");
    await db.problem.update({ where: { id: p.id }, data });
    const m = p.measures[0];
    if (m && i % 2 === 0) {
      await db.measure.update({
        where: { id: m.id },
        data: {
          deadline: i % 4 === 0 ? day("2026-02-01") : day("2026-09-01"),
          longTerm: i % 8 === 6,
          status: i % 10 === 0 ? "COMPLETED" : "IN_PROGRESS",
          responsibleUnitId: i % 6 === 2 ? unitA : undefined,
          leadLeaderId: i === 8 ? leader : undefined,
        },
      });
    }
    if (i === 10) await db.problemParticipant.create({ data: { problemId: p.id, unitId: unitA } });
    if (i === 12 && m) await db.measureParticipant.create({ data: { measureId: m.id, unitId: unitA } });
  }
  ordered = (
    await db.problem.findMany({ orderBy: [{ section: "asc" }, { number: "asc" }, { id: "asc" }], select: { id: true } })
  ).map((p) => p.id);
  const someTitle = problems[4]!.title.slice(2, 6);
  const someMeasure = problems[6]!.measures[0]!.text.slice(3, 8);
  filters = {
    none: {},
    archived: { includeArchived: true },
    inspection: { inspectionId: mainInspection },
    inspections: { inspectionIds: [mainInspection, hidden], includeArchived: true },
    noInspections: { inspectionIds: [] },
    changed: { changedSince: new Date("2026-06-14T00:05:00Z") },
    section: { section: "CONTINUING" },
    status: { status: ["CLOSED", "COMPLETED"] },
    emptyStatus: { status: [] },
    unit: { unitId: unitA },
    lead: { leadLeaderId: leader },
    overdue: { overdue: true },
    notOverdue: { overdue: false },
    from: { deadlineFrom: day("2026-06-01") },
    to: { deadlineTo: day("2026-06-15") },
    range: { deadlineFrom: day("2026-02-01"), deadlineTo: day("2026-06-15"), section: "COMPLETED" },
    title: { search: `  ${someTitle} ` },
    measureText: { search: someMeasure },
    wildcards: { search: "50%" },
    underscore: { search: "_" },
    backslash: { search: "\\" },
    mixed: { overdue: false, section: "CONTINUING", includeArchived: true, unitId: unitA, search: "问题" },
  };
});
afterAll(async () => app?.close());

describe("problem pages in one statement", () => {
  it("answer Prisma's rows, order and count for every viewer, filter and page window", async () => {
    const db = app.db.prisma;
    const viewers = {
      public: null,
      liaisonA: { id: "x", username: "a", displayName: "a", role: "UNIT_LIAISON", unitId: unitA },
      liaisonNoUnit: { id: "x", username: "n", displayName: "n", role: "UNIT_LIAISON", unitId: null },
      inspector: { id: "x", username: "i", displayName: "i", role: "INSPECTOR", unitId: null },
      supervisor: { id: "x", username: "s", displayName: "s", role: "SUPERVISOR", unitId: null },
    } as const;
    const archived = (await db.problem.findFirstOrThrow({ where: { archivedAt: { not: null } } })).id;
    const cursors = [ordered[0]!, ordered[17]!, ordered.at(-1)!, archived, randomUUID()];
    const windows: ProblemWindow[] = [
      { take: 6, skip: 0 },
      { take: -6, skip: 0 },
      { take: 500, skip: 0 },
      ...cursors.flatMap((cursorId) => [
        { take: 6, skip: 1, cursorId },
        { take: -6, skip: 1, cursorId },
      ]),
    ];
    let compared = 0;
    for (const [who, viewer] of Object.entries(viewers)) {
      for (const [name, f] of Object.entries(filters)) {
        const where = problemWhere({ viewer } as never, f, NOW);
        const sql = problemFilterSql(viewer as never, f, NOW);
        const label = `${who} ${name}`;
        expect(await countProblems(db, sql), label).toBe(await db.problem.count({ where }));
        for (const w of windows) {
          const byPrisma = await db.problem.findMany({
            where,
            orderBy: [{ section: "asc" }, { number: "asc" }, { id: "asc" }],
            take: w.take,
            skip: w.skip,
            ...(w.cursorId ? { cursor: { id: w.cursorId } } : {}),
          });
          expect(await problemPageRows(db, sql, w), `${label} ${JSON.stringify(w)}`).toEqual(byPrisma);
          compared += byPrisma.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000); // the filters select something
  });

  const OWN = "id section number title status category body";
  const page = (node: string) => `query($f: LedgerFilter, $first: Int, $last: Int, $after: String, $before: String) {
    problems(filter: $f, first: $first, last: $last, after: $after, before: $before) { totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${node} } } } }`;

  async function walk(role: RoleName, node: string, f: unknown, backwards: boolean) {
    const pages: any[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const vars = backwards ? { f, last: 7, before: cursor } : { f, first: 7, after: cursor };
      const r: any = await app.as(role)(page(node), vars);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const p = r.data.problems;
      pages.push(p);
      const more = backwards ? p.pageInfo.hasPreviousPage : p.pageInfo.hasNextPage;
      if (!more) break;
      cursor = backwards ? p.pageInfo.startCursor : p.pageInfo.endCursor;
    }
    return pages;
  }

  it("page through GraphQL exactly as the Prisma path does, forwards and backwards, for every role", async () => {
    const apiFilters = [
      {},
      { includeArchived: true },
      { inspectionIds: [gid("Inspection", mainInspection), gid("Inspection", hidden)], includeArchived: true },
      { section: "CONTINUING", status: ["IN_PROGRESS"] },
      { unitId: gid("Unit", unitA) },
      { leadLeaderId: gid("Person", leader) },
      { overdue: true },
      { overdue: false, deadlineFrom: "2026-01-01" },
      { deadlineTo: "2026-06-15", search: "问题" },
    ];
    let rows = 0;
    for (const role of ["public", "liaisonA", "inspector", "supervisor"] as const) {
      for (const f of apiFilters) {
        for (const backwards of [false, true]) {
          const fast = await walk(role, OWN, f, backwards);
          // a relation asked for sends the page through Prisma
          const slow = await walk(role, `${OWN} inspection { id }`, f, backwards);
          for (const e of slow.flatMap((p) => p.edges)) delete e.node.inspection;
          expect(fast, `${role} ${JSON.stringify(f)} ${backwards}`).toEqual(slow);
          rows += fast.reduce((n, p) => n + p.edges.length, 0);
        }
      }
    }
    expect(rows).toBeGreaterThan(500);
  });

  it("read a page of the problems' own fields in one statement", async () => {
    const sup = app.as("supervisor");
    const first: any = await sup(`{ problems(first: 5) { pageInfo { endCursor } } }`);
    statements = [];
    const r: any = await sup(`query($a: String) { problems(first: 20, after: $a) { edges { node { ${OWN} } } } }`, {
      a: first.data.problems.pageInfo.endCursor,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.problems.edges).toHaveLength(20);
    const problemStatements = statements.filter((s) => /"Problem"/.test(s));
    expect(problemStatements).toHaveLength(1);
    // just the columns asked for (and what the type's scope checks read)
    expect(problemStatements[0]).toMatch(/^SELECT p\."\w+"(, p\."\w+")* FROM "Problem" p/);
    expect(problemStatements[0]).toContain('p."inspectionId"');
    const narrow: any = await sup(
      `query($a: String) { problems(first: 20, after: $a) { edges { node { id title } } } }`,
      {
        a: first.data.problems.pageInfo.endCursor,
      },
    );
    expect(narrow.data.problems.edges.map((e: any) => e.node)).toEqual(
      r.data.problems.edges.map((e: any) => ({ id: e.node.id, title: e.node.title })),
    );
    expect(statements.filter((s) => /"Problem"/.test(s)).at(-1)).not.toContain('p."body"');
    // with a relation the page is Prisma's own query
    statements = [];
    await sup(`{ problems(first: 20) { edges { node { ${OWN} inspection { id } } } } }`);
    expect(statements.filter((s) => /"Problem"/.test(s)).some((s) => /^SELECT p\.\*/.test(s))).toBe(false);
  });
});
