// Traffic lights via GraphQL: light fields, dashboard by unit/leader/problem, thresholds, scoping; deadlines vs today.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
/** Statements run on the pool, to see what a dashboard reads of each problem. */
const statements: string[] = [];
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
/** A day relative to today in Asia/Shanghai, as the UTC midnight a Date column holds. */
const dayFromToday = (n: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000);
};
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];

let P: { id: string; measures: { id: string }[] }[];
let M: Record<"overdue" | "closed" | "dueSoon" | "relapsed" | "lagging" | "found", string>;
let leaderId: string;

async function addRecord(problemId: string, measureIds: string[], rating: string, deviceTime: Date) {
  const inspector = await app.db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
  await app.db.prisma.inspectionRecord.create({
    data: {
      id: randomUUID(),
      kind: "SITE_VISIT",
      inspectorId: inspector.id,
      problemId,
      content: {},
      contentHash: "test",
      clientRevision: 1,
      deviceTime,
      details: {},
      findings: `评价：${rating}`,
      rating: rating as any,
      measures: { create: measureIds.map((measureId) => ({ measureId })) },
    },
  });
}

beforeAll(async () => {
  app = await startTestApp({ onStatement: (sql) => statements.push(sql) });
  const db = app.db.prisma;
  const problems = await db.problem.findMany({
    where: { section: "CONTINUING" },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" }, select: { id: true } } },
  });
  P = problems.filter((p) => p.measures.length >= 2).slice(0, 4);
  const [p1, p2, p3] = P as [(typeof P)[0], (typeof P)[0], (typeof P)[0]];
  M = {
    overdue: p1.measures[0]!.id,
    closed: p1.measures[1]!.id,
    dueSoon: p2.measures[0]!.id,
    relapsed: p2.measures[1]!.id,
    lagging: p3.measures[0]!.id,
    found: p3.measures[1]!.id,
  };
  const { a, b } = app.units;
  leaderId = (await db.person.create({ data: { name: "张三", post: "副市长" } })).id;
  const set = (id: string, data: object) => db.measure.update({ where: { id }, data });
  await set(M.overdue, { responsibleUnitId: a, deadline: dayFromToday(-10) });
  await set(M.closed, { responsibleUnitId: a, deadline: dayFromToday(-100), status: "CLOSED" });
  await set(M.dueSoon, { responsibleUnitId: a, deadline: dayFromToday(5) });
  await set(M.relapsed, { responsibleUnitId: b, deadline: dayFromToday(200), status: "RELAPSED" });
  await set(M.lagging, { responsibleUnitId: b, deadline: dayFromToday(200) });
  await set(M.found, { responsibleUnitId: b, deadline: dayFromToday(200), leadLeaderId: leaderId });
  // The latest rated record decides: an old PROBLEM_FOUND followed by LAGGING is yellow; an unrated one is ignored.
  await addRecord(p3.id, [M.lagging], "PROBLEM_FOUND", new Date(Date.now() - 5 * 86_400_000));
  await addRecord(p3.id, [M.lagging], "LAGGING", new Date(Date.now() - 86_400_000));
  await addRecord(p3.id, [M.found], "PROBLEM_FOUND", new Date(Date.now() - 86_400_000));
  // A record naming no measure is about the whole problem: every measure of the 4th problem lags.
  await addRecord(P[3]!.id, [], "LAGGING", new Date(Date.now() - 86_400_000));
});
afterAll(async () => app?.close());

const COUNTS = `green yellow red grey total overdue dueSoon relapsed`;
const DASHBOARD = `{ dashboard { asOf dueSoonDays measures { ${COUNTS} } problems { ${COUNTS} }
  byUnit { unit { name } counts { ${COUNTS} } } byLeader { leader { name } counts { ${COUNTS} } }
  byProblem { problem { id } light counts { ${COUNTS} } } } }`;
const LIGHT = `query($id: ID!) { node(id: $id) { ... on Measure { light } ... on Problem { light } } }`;
const tally = (over: Partial<Record<string, number>>) => ({
  green: 0,
  yellow: 0,
  red: 0,
  grey: 0,
  total: 0,
  overdue: 0,
  dueSoon: 0,
  relapsed: 0,
  ...over,
});

describe("traffic lights", () => {
  it("light each measure and each problem (its worst measure)", async () => {
    const sup = app.as("supervisor");
    const light = async (type: string, id: string) =>
      ((await sup(LIGHT, { id: gid(type, id) })) as any).data.node.light;
    expect(await light("Measure", M.overdue)).toBe("RED");
    expect(await light("Measure", M.closed)).toBe("GREY");
    expect(await light("Measure", M.dueSoon)).toBe("YELLOW");
    expect(await light("Measure", M.relapsed)).toBe("RED");
    expect(await light("Measure", M.lagging)).toBe("YELLOW");
    expect(await light("Measure", M.found)).toBe("RED");
    expect(await light("Measure", P[3]!.measures[0]!.id)).toBe("YELLOW");
    expect(await light("Problem", P[1]!.id)).toBe("RED");
    expect(await light("Problem", P[3]!.id)).toBe("YELLOW");
    const list: any = await sup(
      `{ problems(first: 50) { edges { node { light measures { edges { node { light } } } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.problems.edges.filter((e: any) => e.node.light === "GREEN")).toHaveLength(32);
  });

  it("count them overall, per unit, per leader and per problem for staff", async () => {
    const r: any = await app.as("inspector")(DASHBOARD);
    expect(r.errors).toBeUndefined();
    const d = r.data.dashboard;
    const p4 = P[3]!.measures.length;
    expect(d.dueSoonDays).toBe(15);
    expect(d.measures).toEqual(
      tally({
        green: 120 - 3 - (2 + p4) - 1,
        yellow: 2 + p4,
        red: 3,
        grey: 1,
        total: 120,
        overdue: 1,
        dueSoon: 1,
        relapsed: 1,
      }),
    );
    expect(d.problems).toEqual(tally({ green: 32, yellow: 1, red: 3, total: 36, overdue: 1, dueSoon: 1, relapsed: 1 }));
    const unit = (name: string | null) => d.byUnit.find((u: any) => (u.unit?.name ?? null) === name)?.counts;
    expect(unit("市委组织部")).toEqual(tally({ red: 1, yellow: 1, grey: 1, total: 3, overdue: 1, dueSoon: 1 }));
    expect(unit("市财政局")).toEqual(tally({ red: 2, yellow: 1, total: 3, relapsed: 1 }));
    expect(unit(null).total).toBe(114);
    expect(d.byUnit.at(-1).unit).toBeNull();
    expect(d.byLeader.find((l: any) => l.leader?.name === "张三").counts).toEqual(tally({ red: 1, total: 1 }));
    expect(d.byProblem).toHaveLength(36);
    const problem = (i: number) => d.byProblem.find((p: any) => p.problem.id === gid("Problem", P[i]!.id));
    expect(problem(0)).toMatchObject({ light: "RED", counts: { red: 1, grey: 1, overdue: 1 } });
    expect(problem(2)).toMatchObject({ light: "RED", counts: { red: 1, yellow: 1 } });
    expect(problem(3)).toMatchObject({ light: "YELLOW", counts: { yellow: p4, total: p4 } });
  });

  it("read only the problem columns asked for, and every other Problem field still answers", async () => {
    const rows = await app.db.prisma.problem.findMany({ where: { archivedAt: null } });
    const byGid = new Map(rows.map((p) => [gid("Problem", p.id), p]));
    const tallies = (sql: string) => sql.includes('"tally:g"');
    // Own columns only, through an alias, a named fragment and an inline fragment: no p.*, no body read.
    statements.length = 0;
    const narrow: any = await app.as("inspector")(
      `{ dashboard { byProblem { p: problem { ...F ... on Problem { n: number } } light } } }
       fragment F on Problem { id title section }`,
    );
    expect(narrow.errors).toBeUndefined();
    const sql = statements.find(tallies)!;
    expect(sql).not.toContain("p.*");
    expect(sql).not.toContain('p."body"');
    expect(narrow.data.dashboard.byProblem).toHaveLength(rows.length);
    for (const { p } of narrow.data.dashboard.byProblem) {
      const row = byGid.get(p.id)!;
      expect(p).toEqual({ id: p.id, title: row.title, section: row.section, n: row.number });
    }
    // A field that is not one column (relations, computed fields) reads the whole row, as before.
    statements.length = 0;
    const full: any = await app.as("inspector")(
      `{ dashboard { byProblem { problem { id body deadline overdue inspection { id } measures(first: 1) { totalCount } } } } }`,
    );
    expect(full.errors).toBeUndefined();
    expect(statements.find(tallies)).toContain("p.*");
    for (const { problem } of full.data.dashboard.byProblem) {
      const row = byGid.get(problem.id)!;
      expect(problem.body).toBe(row.body);
      expect(problem.inspection.id).toBe(gid("Inspection", row.inspectionId));
      expect(problem.measures.totalCount).toBeGreaterThan(0);
    }
    // body alone is one column: read with the others asked for.
    statements.length = 0;
    const body: any = await app.as("liaisonA")(`{ dashboard { byProblem { problem { body createdAt } } } }`);
    expect(body.errors).toBeUndefined();
    expect(statements.find(tallies)).toContain('p."body"');
    expect(body.data.dashboard.byProblem.length).toBeGreaterThan(0);
  });

  it("give a liaison only their unit's measures, and problems lit by those alone", async () => {
    const r: any = await app.as("liaisonA")(DASHBOARD);
    expect(r.errors).toBeUndefined();
    const d = r.data.dashboard;
    expect(d.measures).toEqual(tally({ red: 1, yellow: 1, grey: 1, total: 3, overdue: 1, dueSoon: 1 }));
    expect(d.byUnit.map((u: any) => u.unit?.name)).toEqual(["市委组织部"]);
    expect(d.byProblem.map((p: any) => [p.problem.id, p.light])).toEqual([
      [gid("Problem", P[0]!.id), "RED"],
      [gid("Problem", P[1]!.id), "YELLOW"],
    ]);
    // The supervisor sees P2 red (unit B's relapse); liaison A's view of it is lit by their due-soon measure only.
    const own: any = await app.as("liaisonA")(LIGHT, { id: gid("Problem", P[1]!.id) });
    expect(own.data.node.light).toBe("YELLOW");
    const b: any = await app.as("liaisonB")(DASHBOARD);
    expect(b.data.dashboard.measures).toEqual(tally({ red: 2, yellow: 1, total: 3, relapsed: 1 }));
  });

  it("are hidden from the public", async () => {
    expect(code(await app.as("public")(DASHBOARD))).toBe("UNAUTHENTICATED");
    expect(code(await app.as("public")(`{ problems(first: 1) { edges { node { light } } } }`))).toBe("UNAUTHENTICATED");
    expect(code(await app.as("public")(`{ trafficLightThresholds { dueSoonDays } }`))).toBe("UNAUTHENTICATED");
  });
});

describe("the due-soon threshold", () => {
  const SET = `mutation($d: Int!) { setTrafficLightThresholds(dueSoonDays: $d) {
    __typename ... on TrafficLightThresholdsSummary { dueSoonDays } ... on ValidationError { code message } } }`;

  it("is changed by supervisors only, within 1..90, and takes effect at once", async () => {
    const sup = app.as("supervisor");
    for (const bad of [0, 91]) {
      const r: any = await sup(SET, { d: bad });
      expect(r.data.setTrafficLightThresholds).toMatchObject({
        __typename: "ValidationError",
        code: "VALIDATION_FAILED",
      });
      expect(r.data.setTrafficLightThresholds.message).toMatch(/dueSoonDays must be at (least 1|most 90)/);
    }
    expect(code(await app.as("liaisonA")(SET, { d: 3 }))).toBe("FORBIDDEN");
    expect(code(await app.as("inspector")(SET, { d: 3 }))).toBe("FORBIDDEN");
    expect(await app.db.prisma.setting.count()).toBe(0);

    const ok: any = await sup(SET, { d: 3 });
    expect(ok.data.setTrafficLightThresholds).toEqual({ __typename: "TrafficLightThresholdsSummary", dueSoonDays: 3 });
    expect(await app.db.prisma.setting.findUnique({ where: { key: "trafficLight" } })).toMatchObject({
      value: { dueSoonDays: 3 },
    });
    const light: any = await sup(LIGHT, { id: gid("Measure", M.dueSoon) });
    expect(light.data.node.light).toBe("GREEN");
    const d: any = await sup(
      `{ dashboard { dueSoonDays measures { dueSoon } } trafficLightThresholds { dueSoonDays } }`,
    );
    expect(d.data).toEqual({
      dashboard: { dueSoonDays: 3, measures: { dueSoon: 0 } },
      trafficLightThresholds: { dueSoonDays: 3 },
    });
    const audit = await app.db.prisma.auditEvent.findFirst({ where: { action: "setTrafficLightThresholds" } });
    expect(audit?.details).toMatchObject({ before: null, after: { dueSoonDays: 3 } });

    await sup(SET, { d: 15 });
    expect(((await sup(LIGHT, { id: gid("Measure", M.dueSoon) })) as any).data.node.light).toBe("YELLOW");
  });

  it("falls back to the default when the stored value is malformed", async () => {
    await app.db.prisma.setting.update({ where: { key: "trafficLight" }, data: { value: { dueSoonDays: "soon" } } });
    const r: any = await app.as("supervisor")(`{ trafficLightThresholds { dueSoonDays } }`);
    expect(r.data.trafficLightThresholds.dueSoonDays).toBe(15);
  });
});
