// Hand authoring through GraphQL on a real database: inspections, problems and measures created and corrected,
// inline people and units, 长期坚持, reorder, remove (delete vs archive), restore, bulk assignment, audit
// before/after values; every role; bad input is a typed error and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const raw = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];

const CREATE_INSPECTION = `mutation($i: InspectionInput!) { createInspection(input: $i) {
  __typename ... on Inspection { id kind round team inspectedBody rectificationEnd published }
  ... on ValidationError { code issues { path message } } } }`;
const CREATE_PROBLEM = `mutation($i: ID!, $p: ProblemInput!) { createProblem(inspectionId: $i, input: $p) {
  __typename ... on Problem { id number section title category status } ... on Error { code message } } }`;
const MEASURE_FIELDS = `id number text subPoints deadline longTerm overdue light status leadLeader { name }
  responsibleUnit { name } participatingUnits { name }`;
const CREATE_MEASURE = `mutation($p: ID!, $m: MeasureInput!) { createMeasure(problemId: $p, input: $m) {
  __typename ... on Measure { ${MEASURE_FIELDS} } ... on Error { code message } } }`;
const UPDATE_MEASURE = `mutation($id: ID!, $m: MeasureInput!) { updateMeasure(id: $id, input: $m) {
  __typename ... on Measure { ${MEASURE_FIELDS} } ... on Error { code message } } }`;
const MEASURES_OF = `query($id: ID!, $all: Boolean) { node(id: $id) { ... on Problem { measures(includeArchived: $all) {
  totalCount edges { node { id number text archivedAt } } } } } }`;
const REMOVE = (what: string) => `mutation($id: ID!) { remove${what}(id: $id) {
  __typename ... on RemovalResult { outcome removedId } ... on Error { code } } }`;

const sup = () => app.as("supervisor");
let inspectionId: string;
const problemIds: string[] = [];
let measureIds: string[] = [];

async function auditCount() {
  return app.db.prisma.auditEvent.count();
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

describe("roles", () => {
  const input = { kind: "巡察", team: "市委第一巡察组", inspectedBody: "市水务局" };
  it("inspectors, unit liaisons and the public may not author; scope is checked before input rules", async () => {
    const before = await auditCount();
    for (const role of ["inspector", "liaisonA"] as const) {
      expect(code(await app.as(role)(CREATE_INSPECTION, { i: input }))).toBe("FORBIDDEN");
      // Invalid input from a role that may not author is still FORBIDDEN: it learns no input rules.
      expect(code(await app.as(role)(CREATE_INSPECTION, { i: { ...input, kind: "x" } }))).toBe("FORBIDDEN");
      const m = await app.db.prisma.measure.findFirstOrThrow();
      const r = await app.as(role)(
        `mutation($ids:[ID!]!){ assignMeasures(ids:$ids, assignment:{longTerm:true}) { __typename } }`,
        {
          ids: [gid("Measure", m.id)],
        },
      );
      expect(code(r)).toBe("FORBIDDEN");
      expect(code(await app.as(role)(REMOVE("Measure"), { id: gid("Measure", m.id) }))).toBe("FORBIDDEN");
    }
    expect(code(await app.as("public")(CREATE_INSPECTION, { i: input }))).toBe("UNAUTHENTICATED");
    expect(await auditCount()).toBe(before);
    expect(await app.db.prisma.inspection.count()).toBe(1);
  });

  it("admins author too", async () => {
    const r = await app.as("admin")(CREATE_INSPECTION, {
      i: { ...input, kind: "审计", team: "市审计局", inspectedBody: "市交通局" },
    });
    expect(r.data.createInspection).toMatchObject({ __typename: "Inspection", kind: "审计", published: false });
  });
});

describe("an inspection by hand: two problems, three measures", () => {
  it("creates the inspection with round, 集中整改期 and published flag, audited", async () => {
    const r = await sup()(CREATE_INSPECTION, {
      i: {
        kind: "巡察",
        round: "十四届市委第五轮",
        team: "市委第二巡察组",
        inspectedBody: "市住建局",
        feedbackDate: "2024-05-10",
        rectificationEnd: "2024-08-10",
        published: true,
      },
    });
    expect(r.data.createInspection).toMatchObject({
      __typename: "Inspection",
      round: "十四届市委第五轮",
      rectificationEnd: "2024-08-10",
      published: true,
    });
    inspectionId = r.data.createInspection.id;
    const ev = await app.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "createInspection", entityId: raw(inspectionId) },
    });
    expect(ev.details).toMatchObject({ before: {}, after: { team: "市委第二巡察组", rectificationEnd: "2024-08-10" } });
  });

  it("refuses bad inspections with typed errors and writes nothing", async () => {
    const before = [await auditCount(), await app.db.prisma.inspection.count()];
    const bad = await sup()(CREATE_INSPECTION, { i: { kind: "调研", team: " ", inspectedBody: "市住建局" } });
    expect(bad.data.createInspection.code).toBe("VALIDATION_FAILED");
    expect(bad.data.createInspection.issues.map((i: any) => i.path).sort()).toEqual(["input.kind", "input.team"]);
    const dup = await sup()(CREATE_INSPECTION, {
      i: { kind: "巡察", team: "市委第二巡察组", inspectedBody: "市住建局" },
    });
    expect(dup.data.createInspection.code).toBe("VALIDATION_FAILED");
    const period = await sup()(CREATE_INSPECTION, {
      i: { kind: "巡视", team: "甲", inspectedBody: "乙", startDate: "2024-05-01", endDate: "2024-04-01" },
    });
    expect(period.data.createInspection.code).toBe("VALIDATION_FAILED");
    expect([await auditCount(), await app.db.prisma.inspection.count()]).toEqual(before);
  });

  it("creates two problems numbered in order; a duplicate title is refused", async () => {
    for (const [title, category] of [
      ["落实全面从严治党主体责任不到位", "党的领导方面"],
      ["工程项目监管存在漏洞", "重点领域风险防控方面"],
    ] as const) {
      const r = await sup()(CREATE_PROBLEM, { i: inspectionId, p: { title, category } });
      expect(r.data.createProblem).toMatchObject({ __typename: "Problem", section: "CONTINUING", category });
      problemIds.push(r.data.createProblem.id);
    }
    const numbers = await app.db.prisma.problem.findMany({
      where: { inspectionId: raw(inspectionId) },
      orderBy: { number: "asc" },
    });
    expect(numbers.map((p) => p.number)).toEqual([1, 2]);
    const dup = await sup()(CREATE_PROBLEM, { i: inspectionId, p: { title: "落实全面从严治党主体责任不到位 " } });
    expect(dup.data.createProblem.code).toBe("VALIDATION_FAILED");
    const noTitle = await sup()(CREATE_PROBLEM, { i: inspectionId, p: { category: "x" } });
    expect(noTitle.data.createProblem.code).toBe("VALIDATION_FAILED");
    const unknown = await sup()(CREATE_PROBLEM, { i: gid("Inspection", crypto.randomUUID()), p: { title: "x" } });
    expect(unknown.data.createProblem.code).toBe("NOT_FOUND");
  });

  it("creates three measures with people and units picked or typed inline, a deadline or 长期坚持", async () => {
    const unitA = gid("Unit", app.units.a);
    const m1 = await sup()(CREATE_MEASURE, {
      p: problemIds[0],
      m: {
        text: "制定主体责任清单",
        subPoints: ["一是明确责任", "二是压实责任"],
        leadLeader: { name: "王局长" },
        responsibleUnit: { id: unitA },
        participatingUnits: [{ name: "市住建局办公室" }, { name: "市住建局办公室" }],
        deadline: "2030-06-30",
      },
    });
    expect(m1.data.createMeasure).toMatchObject({
      number: 1,
      subPoints: ["一是明确责任", "二是压实责任"],
      leadLeader: { name: "王局长" },
      responsibleUnit: { name: "市委组织部" },
      participatingUnits: [{ name: "市住建局办公室" }],
      deadline: "2030-06-30",
      longTerm: false,
      status: "NOT_STARTED",
    });
    const m2 = await sup()(CREATE_MEASURE, {
      p: problemIds[0],
      m: {
        text: "建立长效机制",
        leadLeader: { name: "王局长" },
        responsibleUnit: { name: "市住建局办公室" },
        longTerm: true,
      },
    });
    expect(m2.data.createMeasure).toMatchObject({
      number: 2,
      longTerm: true,
      deadline: null,
      overdue: false,
      light: "GREEN",
    });
    const m3 = await sup()(CREATE_MEASURE, {
      p: problemIds[1],
      m: { text: "开展工程项目专项检查", responsibleUnit: { name: "市住建局质监站" }, deadline: "2020-01-31" },
    });
    expect(m3.data.createMeasure).toMatchObject({ number: 1, overdue: true, light: "RED" });
    measureIds = [m1, m2, m3].map((r) => r.data.createMeasure.id);
    // The typed name found the person created a moment ago: no duplicate.
    expect(await app.db.prisma.person.count({ where: { name: "王局长" } })).toBe(1);
    expect(
      await app.db.prisma.auditEvent.count({
        where: { action: "createUnit", details: { path: ["inline"], equals: true } },
      }),
    ).toBe(2);
  });

  it("refuses bad measures and writes nothing (no inline unit either)", async () => {
    const before = [await auditCount(), await app.db.prisma.measure.count(), await app.db.prisma.unit.count()];
    const cases = [
      { text: "x", deadline: "2030-01-01", longTerm: true, responsibleUnit: { name: "不应创建的单位" } },
      { text: "x", responsibleUnit: { name: "市委组织部" }, participatingUnits: [{ id: gid("Unit", app.units.a) }] },
      { text: " ", responsibleUnit: { name: "不应创建的单位" } },
      { text: "x", leadLeader: { id: gid("Person", crypto.randomUUID()) } },
      { text: "x", leadLeader: { name: "甲", id: gid("Person", crypto.randomUUID()) } },
      { responsibleUnit: { name: "不应创建的单位" } },
    ];
    const codes = [];
    for (const m of cases) codes.push(code(await sup()(CREATE_MEASURE, { p: problemIds[0], m })));
    expect(codes).toEqual([
      "VALIDATION_FAILED",
      "VALIDATION_FAILED",
      "VALIDATION_FAILED",
      "NOT_FOUND",
      "VALIDATION_FAILED",
      "VALIDATION_FAILED",
    ]);
    expect([await auditCount(), await app.db.prisma.measure.count(), await app.db.prisma.unit.count()]).toEqual(before);
  });

  it("corrects a measure: the audit trail holds the changed values before and after", async () => {
    const r = await sup()(UPDATE_MEASURE, {
      id: measureIds[2],
      m: { deadline: "2031-12-31", text: "开展工程项目专项检查和整治" },
    });
    expect(r.data.updateMeasure).toMatchObject({
      deadline: "2031-12-31",
      overdue: false,
      text: "开展工程项目专项检查和整治",
    });
    const ev = await app.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "updateMeasure", entityId: raw(measureIds[2]!) },
      orderBy: { at: "desc" },
    });
    expect(ev.details).toEqual({
      before: { text: "开展工程项目专项检查", deadline: "2020-01-31" },
      after: { text: "开展工程项目专项检查和整治", deadline: "2031-12-31" },
    });
    // Switching to 长期坚持 clears the deadline; giving a deadline again ends 长期坚持.
    const lt = await sup()(UPDATE_MEASURE, { id: measureIds[2], m: { longTerm: true } });
    expect(lt.data.updateMeasure).toMatchObject({ longTerm: true, deadline: null });
    const dl = await sup()(UPDATE_MEASURE, { id: measureIds[2], m: { deadline: "2031-12-31" } });
    expect(dl.data.updateMeasure).toMatchObject({ longTerm: false, deadline: "2031-12-31" });
  });

  it("corrects an inspection and a problem, audited with before/after", async () => {
    const r = await sup()(
      `mutation($id:ID!){ updateInspection(id:$id, input:{round:"十四届市委第六轮", published:false}) { ... on Inspection { round published } } }`,
      { id: inspectionId },
    );
    expect(r.data.updateInspection).toEqual({ round: "十四届市委第六轮", published: false });
    const p = await sup()(
      `mutation($id:ID!){ updateProblem(id:$id, input:{title:"工程项目监管存在明显漏洞", body:"反馈意见原文"}) { ... on Problem { title body } } }`,
      { id: problemIds[1] },
    );
    expect(p.data.updateProblem).toEqual({ title: "工程项目监管存在明显漏洞", body: "反馈意见原文" });
    const ev = await app.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "updateProblem" } });
    expect(ev.details).toEqual({
      before: { title: "工程项目监管存在漏洞", body: "" },
      after: { title: "工程项目监管存在明显漏洞", body: "反馈意见原文" },
    });
    const back = await sup()(`mutation($id:ID!){ updateInspection(id:$id, input:{published:true}) { __typename } }`, {
      id: inspectionId,
    });
    expect(back.data.updateInspection.__typename).toBe("Inspection");
  });
});

describe("reorder, remove, restore", () => {
  it("reorders measures and problems; a list that is not exactly the live rows is refused", async () => {
    const r = await sup()(
      `mutation($p:ID!,$ids:[ID!]!){ reorderMeasures(problemId:$p, ids:$ids) { ... on Problem { measures { edges { node { id number } } } } } }`,
      { p: problemIds[0], ids: [measureIds[1], measureIds[0]] },
    );
    expect(r.data.reorderMeasures.measures.edges.map((e: any) => [e.node.id, e.node.number])).toEqual([
      [measureIds[1], 1],
      [measureIds[0], 2],
    ]);
    const bad = await sup()(
      `mutation($p:ID!,$ids:[ID!]!){ reorderMeasures(problemId:$p, ids:$ids) { __typename ... on Error { code } } }`,
      {
        p: problemIds[0],
        ids: [measureIds[1]],
      },
    );
    expect(bad.data.reorderMeasures.code).toBe("VALIDATION_FAILED");
    const rp = await sup()(
      `mutation($i:ID!,$ids:[ID!]!){ reorderProblems(inspectionId:$i, section:CONTINUING, ids:$ids) { __typename } }`,
      { i: inspectionId, ids: [problemIds[1], problemIds[0]] },
    );
    expect(rp.data.reorderProblems.__typename).toBe("Inspection");
    const list = await sup()(`query($i:ID!){ problems(filter:{inspectionId:$i}) { edges { node { id number } } } }`, {
      i: inspectionId,
    });
    expect(list.data.problems.edges.map((e: any) => e.node.id)).toEqual([problemIds[1], problemIds[0]]);
  });

  it("deletes a measure nothing hangs off, and renumbers the rest", async () => {
    const extra = await sup()(CREATE_MEASURE, { p: problemIds[0], m: { text: "临时措施" } });
    const id = extra.data.createMeasure.id;
    expect(extra.data.createMeasure.number).toBe(3);
    expect((await sup()(REMOVE("Measure"), { id })).data.removeMeasure.outcome).toBe("DELETED");
    expect(await app.db.prisma.measure.findUnique({ where: { id: raw(id) } })).toBeNull();
    const ev = await app.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "deleteMeasure", entityId: raw(id) },
    });
    expect(ev.details).toMatchObject({ before: { text: "临时措施" }, after: null });
  });

  it("archives a measure with progress: kept, hidden from lists and the dashboard, restorable", async () => {
    const [first] = measureIds;
    const prog = await sup()(
      `mutation($id:String!,$m:ID!){ addProgressUpdate(id:$id, measureId:$m, text:"已制定清单") { __typename } }`,
      {
        id: crypto.randomUUID(),
        m: first,
      },
    );
    expect(prog.errors).toBeUndefined();
    const dashBefore = await sup()(`query($i:ID){ dashboard(inspection:$i) { measures { total } } }`, {
      i: inspectionId,
    });
    expect(dashBefore.data.dashboard.measures.total).toBe(3);
    expect((await sup()(REMOVE("Measure"), { id: first })).data.removeMeasure.outcome).toBe("ARCHIVED");
    const live = await sup()(MEASURES_OF, { id: problemIds[0] });
    expect(live.data.node.measures.edges.map((e: any) => [e.node.id, e.node.number])).toEqual([[measureIds[1], 1]]);
    const all = await sup()(MEASURES_OF, { id: problemIds[0], all: true });
    expect(all.data.node.measures.totalCount).toBe(2);
    expect(all.data.node.measures.edges[1].node.archivedAt).toBeTruthy();
    const dash = await sup()(`query($i:ID){ dashboard(inspection:$i) { measures { total } } }`, { i: inspectionId });
    expect(dash.data.dashboard.measures.total).toBe(2);
    const flat = await sup()(`query($i:ID!){ measures(filter:{inspectionId:$i}) { totalCount } }`, { i: inspectionId });
    expect(flat.data.measures.totalCount).toBe(2);
    expect(await app.db.prisma.progressUpdate.count({ where: { measureId: raw(first!) } })).toBe(1);
    const back = await sup()(`mutation($id:ID!){ restoreMeasure(id:$id) { ... on Measure { number archivedAt } } }`, {
      id: first,
    });
    expect(back.data.restoreMeasure).toEqual({ number: 2, archivedAt: null });
  });

  it("archives a problem with a status history; it leaves lists and the public pages", async () => {
    const [p] = problemIds;
    const st = await sup()(
      `mutation($id:ID!){ changeStatus(id:$id, status:IN_PROGRESS, reason:"已启动整改") { __typename } }`,
      {
        id: measureIds[1],
      },
    );
    expect(st.data.changeStatus.__typename).toBe("Problem");
    expect((await sup()(REMOVE("Problem"), { id: p })).data.removeProblem.outcome).toBe("ARCHIVED");
    const list = await sup()(`query($i:ID!){ problems(filter:{inspectionId:$i}) { edges { node { id number } } } }`, {
      i: inspectionId,
    });
    expect(list.data.problems.edges.map((e: any) => [e.node.id, e.node.number])).toEqual([[problemIds[1], 1]]);
    const pub = await app.as("public")(`query($i:ID!){ problems(filter:{inspectionId:$i}) { totalCount } }`, {
      i: inspectionId,
    });
    expect(pub.data.problems.totalCount).toBe(1);
    const html = await (await fetch(`${app.url}/public/problems/${raw(p!)}`)).text();
    expect(html).not.toContain("落实全面从严治党主体责任不到位");
    const archived = await sup()(
      `query($i:ID!){ problems(filter:{inspectionId:$i, includeArchived:true}) { totalCount } }`,
      {
        i: inspectionId,
      },
    );
    expect(archived.data.problems.totalCount).toBe(2);
    const ev = await app.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "archiveProblem" } });
    expect(ev.details).toMatchObject({ before: { title: "落实全面从严治党主体责任不到位", archivedAt: null } });
    const back = await sup()(`mutation($id:ID!){ restoreProblem(id:$id) { ... on Problem { number archivedAt } } }`, {
      id: p,
    });
    expect(back.data.restoreProblem).toEqual({ number: 2, archivedAt: null });
  });

  it("deletes a problem nothing hangs off, with its measures", async () => {
    const r = await sup()(CREATE_PROBLEM, { i: inspectionId, p: { title: "误录的问题" } });
    const id = r.data.createProblem.id;
    await sup()(CREATE_MEASURE, { p: id, m: { text: "误录的措施" } });
    expect((await sup()(REMOVE("Problem"), { id })).data.removeProblem.outcome).toBe("DELETED");
    expect(await app.db.prisma.measure.count({ where: { text: "误录的措施" } })).toBe(0);
  });
});

describe("bulk assignment", () => {
  const BULK = `mutation($ids:[ID!]!, $a: BulkAssignmentInput!) { assignMeasures(ids:$ids, assignment:$a) {
    __typename ... on MutationAssignMeasuresSuccess { data { id deadline longTerm leadLeader { name } responsibleUnit { name } participatingUnits { name } } }
    ... on Error { code } } }`;
  it("assigns a leader, units and a deadline to several measures at once, one audit event each", async () => {
    const sample = await app.db.prisma.measure.findMany({
      where: { problem: { inspection: { team: { not: "市委第二巡察组" } } } },
      orderBy: { id: "asc" },
      take: 3,
    });
    const ids = sample.map((m) => gid("Measure", m.id));
    const before = await app.db.prisma.auditEvent.count({ where: { action: "assignMeasure" } });
    const r = await sup()(BULK, {
      ids,
      a: {
        leadLeader: { name: "李副市长" },
        responsibleUnit: { id: gid("Unit", app.units.b) },
        participatingUnits: [{ name: "市审计局" }],
        deadline: "2030-12-31",
      },
    });
    expect(r.data.assignMeasures.data).toHaveLength(3);
    for (const m of r.data.assignMeasures.data) {
      expect(m).toMatchObject({
        deadline: "2030-12-31",
        leadLeader: { name: "李副市长" },
        responsibleUnit: { name: "市财政局" },
        participatingUnits: [{ name: "市审计局" }],
      });
    }
    expect(await app.db.prisma.auditEvent.count({ where: { action: "assignMeasure" } })).toBe(before + 3);
    // The liaison of 市财政局 now sees them.
    const seen = await app.as("liaisonB")(`query($ids:[ID!]!){ nodes(ids:$ids) { id } }`, { ids });
    expect(seen.data.nodes.map((n: any) => n?.id)).toEqual(ids);
    const lt = await sup()(BULK, { ids, a: { longTerm: true } });
    expect(lt.data.assignMeasures.data.every((m: any) => m.longTerm && m.deadline === null)).toBe(true);
  });

  it("is all or nothing: one unknown measure changes none", async () => {
    const m = await app.db.prisma.measure.findFirstOrThrow({ where: { deadline: null, longTerm: false } });
    const before = await auditCount();
    const r = await sup()(BULK, {
      ids: [gid("Measure", m.id), gid("Measure", crypto.randomUUID())],
      a: { deadline: "2029-01-01", responsibleUnit: { name: "不应出现的单位" } },
    });
    expect(r.data.assignMeasures.code).toBe("NOT_FOUND");
    expect((await app.db.prisma.measure.findUniqueOrThrow({ where: { id: m.id } })).deadline).toBeNull();
    expect(await app.db.prisma.unit.count({ where: { name: "不应出现的单位" } })).toBe(0);
    expect(await auditCount()).toBe(before);
    const empty = await sup()(BULK, { ids: [gid("Measure", m.id)], a: {} });
    expect(empty.data.assignMeasures.code).toBe("VALIDATION_FAILED");
    const wrongType = await sup()(BULK, { ids: [gid("Problem", m.problemId)], a: { longTerm: true } });
    expect(code(wrongType)).toBe("VALIDATION_FAILED");
  });
});
