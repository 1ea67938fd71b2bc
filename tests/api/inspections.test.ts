// Many inspections on a real database: `inspections` with their own figures, and the `inspection` filter on the
// dashboard, analysis, notices, problem lists, exports and public pages; what each role sees of them.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type RoleName, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const raw = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];
const sup = () => app.as("supervisor");

let sampleId: string;
let handId: string;
let handUnit: string;
const measures: string[] = [];

async function get(path: string, role: RoleName = "public") {
  const token = app.tokenOf(role);
  return fetch(`${app.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

beforeAll(async () => {
  app = await startTestApp();
  sampleId = gid("Inspection", (await app.db.prisma.inspection.findFirstOrThrow()).id);
  const i = await sup()(
    `mutation { createInspection(input: { kind: "专项巡察", round: "十四届市委第五轮", team: "市委第三巡察组",
      inspectedBody: "市教育局", feedbackDate: "2024-03-01" }) { ... on Inspection { id } } }`,
  );
  handId = i.data.createInspection.id;
  const p = await sup()(
    `mutation($i:ID!){ createProblem(inspectionId:$i, input:{title:"校园食品安全监管不力"}) { ... on Problem { id } } }`,
    {
      i: handId,
    },
  );
  const problemId = p.data.createProblem.id;
  for (const m of [
    { text: "开展食堂专项检查", responsibleUnit: { name: "市教育局后勤处" }, deadline: "2024-03-20" },
    { text: "建立陪餐制度", responsibleUnit: { name: "市教育局后勤处" }, longTerm: true },
    { text: "公开检查结果", responsibleUnit: { id: gid("Unit", app.units.a) }, deadline: "2099-12-31" },
  ]) {
    const r = await sup()(
      `mutation($p:ID!,$m:MeasureInput!){ createMeasure(problemId:$p, input:$m) { ... on Measure { id responsibleUnit { id } } } }`,
      {
        p: problemId,
        m,
      },
    );
    measures.push(r.data.createMeasure.id);
    handUnit ??= r.data.createMeasure.responsibleUnit.id;
  }
  // One of them done: completion 1/3.
  const done = await sup()(
    `mutation($id:ID!){ changeStatus(id:$id, status:COMPLETED, reason:"已完成检查") { __typename } }`,
    {
      id: measures[0],
    },
  );
  expect(done.data.changeStatus.__typename).toBe("Problem");
});
afterAll(async () => app?.close());

const OVERVIEW = `{ inspections { totalCount edges { node { id team round kind published
  figures { problems measures done completionRate lights { green yellow red grey overdue dueSoon total } } } } } }`;

describe("inspections side by side", () => {
  it("gives each inspection its own figures (supervisor)", async () => {
    const r = await sup()(OVERVIEW);
    const byId = Object.fromEntries(r.data.inspections.edges.map((e: any) => [e.node.id, e.node]));
    expect(r.data.inspections.totalCount).toBe(2);
    expect(byId[handId]).toMatchObject({
      team: "市委第三巡察组",
      round: "十四届市委第五轮",
      kind: "专项巡察",
      published: false,
      figures: {
        problems: 1,
        measures: 3,
        done: 1,
        completionRate: 0.3333,
        lights: { total: 3, overdue: 0, dueSoon: 0, grey: 0, red: 0 },
      },
    });
    const sample = byId[sampleId].figures;
    expect(sample).toMatchObject({ problems: 36, measures: 120 });
    const db = await app.db.prisma.measure.count({
      where: { problem: { inspectionId: raw(sampleId) }, status: { in: ["COMPLETED", "CLOSE_REQUESTED", "CLOSED"] } },
    });
    expect(sample.done).toBe(db);
    const l = sample.lights;
    expect(l.green + l.yellow + l.red + l.grey).toBe(120);
  });

  it("counts only what a unit liaison may see; the public sees published inspections without figures", async () => {
    const r = await app.as("liaisonA")(OVERVIEW);
    const hand = r.data.inspections.edges.find((e: any) => e.node.id === handId).node;
    expect(hand.figures).toMatchObject({ problems: 1, measures: 1, done: 0 });
    const pub = await app.as("public")(`{ inspections { totalCount edges { node { id published } } } }`);
    expect(pub.data.inspections).toEqual({ totalCount: 1, edges: [{ node: { id: sampleId, published: true } }] });
    expect(code(await app.as("public")(`{ inspections { edges { node { figures { problems } } } } }`))).toBe(
      "UNAUTHENTICATED",
    );
  });
});

describe("the inspection filter", () => {
  it("narrows the dashboard", async () => {
    const q = `query($i:ID){ dashboard(inspection:$i) { measures { total overdue } problems { total } byUnit { unit { name } counts { total } } } }`;
    const all = (await sup()(q)).data.dashboard;
    const hand = (await sup()(q, { i: handId })).data.dashboard;
    const sample = (await sup()(q, { i: sampleId })).data.dashboard;
    expect(hand.measures.total).toBe(3);
    expect(hand.problems.total).toBe(1);
    expect(sample.measures.total).toBe(120);
    expect(all.measures.total).toBe(123);
    expect(hand.byUnit.map((u: any) => u.unit?.name).sort()).toEqual(["市委组织部", "市教育局后勤处"]);
    const bad = await sup()(q, { i: gid("Problem", raw(handId)) });
    expect(code(bad)).toBe("VALIDATION_FAILED");
  });

  it("narrows the period analysis, the problem and measure lists", async () => {
    const q = `query($i:ID){ periodAnalysis(period:"2024-03", inspection:$i) { ... on PeriodAnalysisSummary { figures { statuses { total } } } } }`;
    const hand = await sup()(q, { i: handId });
    expect(hand.data.periodAnalysis.figures.statuses.total).toBe(3);
    const sample = await sup()(q, { i: sampleId });
    expect(sample.data.periodAnalysis.figures.statuses.total).toBe(120);
    const lists = await sup()(
      `query($i:ID!){ problems(filter:{inspectionId:$i}) { totalCount } measures(filter:{inspectionId:$i}) { totalCount } }`,
      { i: handId },
    );
    expect(lists.data).toEqual({ problems: { totalCount: 1 }, measures: { totalCount: 3 } });
  });

  it("files monthly notices under the inspections their items belong to", async () => {
    const issue = `mutation($u:ID!){ issueMonthlyNotice(month:"2024-03", unitId:$u) { ... on IssueMonthlyNoticePayload { notice { id } } } }`;
    const n = await sup()(issue, { u: handUnit });
    const noticeId = n.data.issueMonthlyNotice.notice.id;
    const list = `query($i:ID){ monthlyNotices(inspection:$i) { totalCount edges { node { id } } } }`;
    expect((await sup()(list, { i: handId })).data.monthlyNotices.edges).toEqual([{ node: { id: noticeId } }]);
    expect((await sup()(list, { i: sampleId })).data.monthlyNotices.totalCount).toBe(0);
    expect((await sup()(list)).data.monthlyNotices.totalCount).toBe(1);
  });

  it("exports the ledger of the chosen inspection, without archived rows", async () => {
    const ledger = async () => {
      const res = await get(`/exports/ledger.xlsx?inspection=${raw(handId)}`, "supervisor");
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const texts: string[] = [];
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
      return texts.join("\n");
    };
    const before = await ledger();
    expect(before).toContain("开展食堂专项检查");
    expect(before).toContain("建立陪餐制度");
    const sampleMeasure = await app.db.prisma.measure.findFirstOrThrow({
      where: { problem: { inspectionId: raw(sampleId) } },
    });
    expect(before).not.toContain(sampleMeasure.text.slice(0, 30));
    const extra = await sup()(
      `mutation($p:ID!){ createMeasure(problemId:$p, input:{text:"随后归档的措施"}) { ... on Measure { id } } }`,
      {
        p: gid(
          "Problem",
          (await app.db.prisma.measure.findUniqueOrThrow({ where: { id: raw(measures[0]!) } })).problemId,
        ),
      },
    );
    await sup()(
      `mutation($id:String!,$m:ID!){ addProgressUpdate(id:$id, measureId:$m, text:"已启动") { __typename } }`,
      {
        id: crypto.randomUUID(),
        m: extra.data.createMeasure.id,
      },
    );
    expect(await ledger()).toContain("随后归档的措施");
    const rm = await sup()(`mutation($id:ID!){ removeMeasure(id:$id) { ... on RemovalResult { outcome } } }`, {
      id: extra.data.createMeasure.id,
    });
    expect(rm.data.removeMeasure.outcome).toBe("ARCHIVED");
    expect(await ledger()).not.toContain("随后归档的措施");
  });
});

describe("the inspector's working set", () => {
  // The PWA's working-set query (client/src/graphql/documents.ts), narrowed to the inspections worked on.
  const WS = `query($after: String, $filter: LedgerFilter) { problems(first: 200, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor } edges { node {
      id section number title body status deadline overdue light inspection { id }
      responsibleUnit { name } leadLeader { name } participatingUnits { name }
      measures(first: 200) { edges { node {
        id number numbered text subPoints status deadline longTerm overdue light responsibleUnit { name } } } } } } } }`;
  it("covers only the inspections worked on, follows edits, and stays small", async () => {
    const ws = async (ids: string[]) => {
      const r = await app.as("inspector")(WS, { filter: { inspectionIds: ids } });
      const problems = r.data.problems.edges.map((e: any) => e.node);
      const measures = problems.flatMap((p: any) => p.measures.edges);
      return { problems: problems.length, measures: measures.length, bytes: JSON.stringify(problems).length };
    };
    const sample = await ws([sampleId]);
    expect(sample).toMatchObject({ problems: 36, measures: 120 });
    // Measured for the README: the sample's working set as downloaded (UTF-8 JSON of the problems).
    expect(sample.bytes).toBeLessThan(200_000);
    console.log(
      `working set of the sample: ${sample.problems} problems, ${sample.measures} measures, ${sample.bytes} bytes`,
    );
    const hand = await ws([handId]);
    expect(hand).toMatchObject({ problems: 1, measures: 3 });
    const both = await ws([handId, sampleId]);
    expect(both).toMatchObject({ problems: 37, measures: 123 });
    // A supervisor's edit shows in the next download.
    const p = await app.db.prisma.problem.findFirstOrThrow({ where: { inspectionId: raw(handId) } });
    await sup()(
      `mutation($p:ID!){ createMeasure(problemId:$p, input:{text:"新增的巡察措施", longTerm:true}) { __typename } }`,
      {
        p: gid("Problem", p.id),
      },
    );
    expect((await ws([handId])).measures).toBe(4);
  });
});

describe("public pages per inspection", () => {
  it("show published inspections only; publishing by hand makes one public", async () => {
    const pubProblems = `query($i:ID!){ problems(filter:{inspectionId:$i}) { totalCount } }`;
    expect((await app.as("public")(pubProblems, { i: handId })).data.problems.totalCount).toBe(0);
    let index = await (await get("/public/inspections")).text();
    const sample = await app.db.prisma.inspection.findUniqueOrThrow({ where: { id: raw(sampleId) } });
    expect(index).toContain(`对${sample.inspectedBody}`);
    expect(index).not.toContain("市教育局");
    const upd = await sup()(
      `mutation($id:ID!){ updateInspection(id:$id, input:{published:true}) { ... on Inspection { published } } }`,
      {
        id: handId,
      },
    );
    expect(upd.data.updateInspection.published).toBe(true);
    expect((await app.as("public")(pubProblems, { i: handId })).data.problems.totalCount).toBe(1);
    index = await (await get("/public/inspections")).text();
    expect(index).toContain("十四届市委第五轮市委第三巡察组对市教育局专项巡察：反馈问题1个 · 整改进展尚未公布");
    // A unit's page narrowed to one inspection.
    const unitAll = await (await get(`/public/units/${app.units.a}`)).text();
    const unitHand = await (await get(`/public/units/${app.units.a}?inspection=${raw(handId)}`)).text();
    expect(unitHand).toContain("公开检查结果");
    expect(unitAll).toContain("公开检查结果");
    expect(unitHand.match(/<li>/g)?.length).toBe(1);
    // No published report yet: the public report page says so rather than showing another inspection's.
    const report = await get(`/public/report?inspection=${raw(handId)}`);
    expect(report.status).toBe(404);
  });
});
