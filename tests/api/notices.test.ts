// Monthly notices for 2024-03: snapshot lists, issue once, scoped list and acknowledgement, audit, HTML and docx.
import { randomUUID } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "@rectify/server/domain/periods";
import { composeNotice } from "@rectify/server/queries/notices";
import { shanghaiDay } from "@rectify/server/domain/dates";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];
let A: Record<"due" | "overdue" | "done" | "moved" | "later", { id: string; problemId: string; number: number }>;
let bMeasure: string;
let noticeA: string, noticeB: string;
const TITLE = "关于市委组织部2024年3月巡视整改事项的提示通报";

async function addRecord(problemId: string, measureIds: string[], deviceTime: string, findings: string) {
  const inspector = await app.db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
  await app.db.prisma.inspectionRecord.create({
    data: {
      id: randomUUID(),
      kind: "LEDGER_CHECK",
      inspectorId: inspector.id,
      problemId,
      content: {},
      contentHash: "test",
      clientRevision: 1,
      deviceTime: new Date(deviceTime),
      details: {},
      findings,
      rating: "PROBLEM_FOUND",
      followUpRequired: true,
      measures: { create: measureIds.map((measureId) => ({ measureId })) },
    },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.prisma;
  const measures = await db.measure.findMany({
    where: { problem: { section: "CONTINUING" } },
    orderBy: [{ problem: { number: "asc" } }, { number: "asc" }],
    take: 6,
  });
  type Row = (typeof measures)[number];
  const [due, overdue, done, moved, later, other] = measures as [Row, Row, Row, Row, Row, Row];
  A = { due, overdue, done, moved, later };
  bMeasure = other.id;
  const { a, b } = app.units;
  const author = await db.user.findUniqueOrThrow({ where: { username: "liaison-a" } });
  const set = (id: string, data: object) =>
    db.measure.update({ where: { id }, data: { responsibleUnitId: a, ...data } });
  const progress = (measureId: string, problemId: string, at: string) =>
    db.progressUpdate.create({
      data: { id: randomUUID(), measureId, problemId, authorId: author.id, text: "进展", createdAt: new Date(at) },
    });
  await set(due.id, { deadline: day("2024-03-20") });
  // 00:30 on 1 April in Shanghai: not progress in March.
  await progress(due.id, due.problemId, "2024-03-31T16:30:00Z");
  await set(overdue.id, { deadline: day("2024-02-15") });
  await progress(overdue.id, overdue.problemId, "2024-03-10T02:00:00Z");
  await set(done.id, { deadline: day("2024-03-05"), status: "COMPLETED" });
  await set(moved.id, {});
  await db.statusChange.create({
    data: {
      measureId: moved.id,
      fromStatus: "NOT_STARTED",
      toStatus: "IN_PROGRESS",
      reason: "启动",
      at: new Date("2024-03-12T02:00:00Z"),
    },
  });
  await set(later.id, { deadline: day("2024-04-10") });
  await progress(later.id, later.problemId, "2024-02-20T02:00:00Z");
  await db.measure.update({ where: { id: bMeasure }, data: { responsibleUnitId: b, deadline: day("2024-03-15") } });
  // Deadlines assigned at the start of the year (the trigger dated them now); a notice reads them as of its month.
  await db.deadlineChange.updateMany({ data: { at: new Date("2024-01-02T02:00:00Z") } });
  await addRecord(due.problemId, [due.id], "2024-03-08T02:00:00Z", "台账缺少<b>会议记录</b>");
  await addRecord(due.problemId, [], "2024-03-09T02:00:00Z", "整体推进偏慢");
  await addRecord(overdue.problemId, [overdue.id], "2024-02-28T02:00:00Z", "二月的发现");
  await addRecord(other.problemId, [bMeasure], "2024-03-08T02:00:00Z", "其他单位的发现");
});
afterAll(async () => app?.close());

const ISSUE = `mutation($m: String!, $u: ID!) { issueMonthlyNotice(month: $m, unitId: $u) { __typename
  ... on IssueMonthlyNoticePayload { created notice { id month title unit { name } issuedByName acknowledged
    content { firstDay lastDay dueThisMonth { measureId deadline status } overdue { measureId } withoutProgress { measureId }
      findings { kind kindLabel date rating findings followUpRequired measureNumbers } } } }
  ... on Error { code message } } }`;
const ACK = `mutation($id: ID!) { acknowledgeMonthlyNotice(id: $id) { __typename
  ... on MonthlyNotice { acknowledged acknowledgedByName acknowledgedAt } ... on Error { code message } } }`;
const LIST = `query($m: String, $u: ID) { monthlyNotices(month: $m, unitId: $u) { totalCount edges { node { id unit { name } } } } }`;
const unitA = () => gid("Unit", app.units.a);

describe("issuing a monthly notice", () => {
  it("snapshots the unit's items due, overdue and without progress, and the month's findings", async () => {
    const r: any = await app.as("supervisor")(ISSUE, { m: "2024-03", u: unitA() });
    const p = r.data.issueMonthlyNotice;
    expect(p.__typename).toBe("IssueMonthlyNoticePayload");
    expect(p.created).toBe(true);
    noticeA = p.notice.id;
    expect(p.notice).toMatchObject({
      month: "2024-03",
      title: TITLE,
      unit: { name: "市委组织部" },
      issuedByName: "sup",
    });
    const c = p.notice.content;
    const ids = (xs: any[]) => xs.map((x) => x.measureId);
    expect(c.firstDay).toBe("2024-03-01");
    expect(c.lastDay).toBe("2024-03-31");
    expect(c.dueThisMonth).toEqual([
      { measureId: gid("Measure", A.due.id), deadline: "2024-03-20", status: "IN_PROGRESS" },
    ]);
    expect(ids(c.overdue)).toEqual([gid("Measure", A.overdue.id)]);
    expect(ids(c.withoutProgress).sort()).toEqual([gid("Measure", A.due.id), gid("Measure", A.later.id)].sort());
    expect(c.findings).toEqual([
      {
        kind: "LEDGER_CHECK",
        kindLabel: "查阅台账",
        date: "2024-03-08",
        rating: "PROBLEM_FOUND",
        findings: "台账缺少<b>会议记录</b>",
        followUpRequired: true,
        measureNumbers: [A.due.number],
      },
      expect.objectContaining({ findings: "整体推进偏慢", measureNumbers: [] }),
    ]);
    const audit = await app.db.prisma.auditEvent.findFirst({
      where: { action: "issueMonthlyNotice", entityId: idOf(noticeA) },
    });
    expect(audit?.details).toMatchObject({
      month: "2024-03",
      unitId: app.units.a,
      dueThisMonth: 1,
      overdue: 1,
      findings: 2,
    });
  });

  it("again for the same month and unit returns the notice issued, unchanged", async () => {
    await app.db.prisma.measure.update({ where: { id: A.due.id }, data: { status: "COMPLETED" } });
    const r: any = await app.as("supervisor")(ISSUE, { m: "2024-03", u: unitA() });
    expect(r.data.issueMonthlyNotice.created).toBe(false);
    expect(r.data.issueMonthlyNotice.notice.id).toBe(noticeA);
    expect(r.data.issueMonthlyNotice.notice.content.dueThisMonth).toHaveLength(1);
    expect(await app.db.prisma.monthlyNotice.count()).toBe(1);
    expect(await app.db.prisma.auditEvent.count({ where: { action: "issueMonthlyNotice" } })).toBe(1);
  });

  it("rejects bad months and units, and anyone but supervisors", async () => {
    const sup = app.as("supervisor");
    const badMonth: any = await sup(ISSUE, { m: "2024-13", u: unitA() });
    expect(badMonth.data.issueMonthlyNotice).toMatchObject({
      __typename: "ValidationError",
      message: expect.stringMatching(/YYYY-MM/),
    });
    const badUnit: any = await sup(ISSUE, { m: "2024-03", u: gid("Measure", A.due.id) });
    expect(badUnit.data.issueMonthlyNotice.__typename).toBe("ValidationError");
    const noUnit: any = await sup(ISSUE, { m: "2024-03", u: gid("Unit", randomUUID()) });
    expect(noUnit.data.issueMonthlyNotice.__typename).toBe("NotFoundError");
    expect(code(await app.as("liaisonA")(ISSUE, { m: "2024-04", u: unitA() }))).toBe("FORBIDDEN");
    expect(code(await app.as("inspector")(ISSUE, { m: "2024-04", u: unitA() }))).toBe("FORBIDDEN");
    expect(code(await app.as("public")(ISSUE, { m: "2024-04", u: unitA() }))).toBe("UNAUTHENTICATED");
    expect(await app.db.prisma.monthlyNotice.count()).toBe(1);
  });
});

describe("reading and acknowledging notices", () => {
  it("staff list all; a liaison only their unit's, also through node()", async () => {
    const r: any = await app.as("supervisor")(ISSUE, { m: "2024-03", u: gid("Unit", app.units.b) });
    noticeB = r.data.issueMonthlyNotice.notice.id;
    expect(r.data.issueMonthlyNotice.notice.content.dueThisMonth).toEqual([
      { measureId: gid("Measure", bMeasure), deadline: "2024-03-15", status: "IN_PROGRESS" },
    ]);
    const total = async (role: any, vars = {}) =>
      ((await app.as(role)(LIST, vars)) as any).data.monthlyNotices.totalCount;
    expect(await total("inspector")).toBe(2);
    expect(await total("supervisor", { m: "2024-03", u: gid("Unit", app.units.b) })).toBe(1);
    expect(await total("supervisor", { m: "2024-02" })).toBe(0);
    expect(await total("liaisonA")).toBe(1);
    expect(await total("liaisonA", { u: gid("Unit", app.units.b) })).toBe(0);
    const own: any = await app.as("liaisonA")(LIST);
    expect(own.data.monthlyNotices.edges).toEqual([{ node: { id: noticeA, unit: { name: "市委组织部" } } }]);
    const other: any = await app.as("liaisonA")(`query($id: ID!) { node(id: $id) { id } }`, { id: noticeB });
    expect(other.data?.node ?? null).toBeNull();
    expect(code(other)).toBe("FORBIDDEN");
    expect(code(await app.as("public")(LIST))).toBe("UNAUTHENTICATED");
    expect(code(await app.as("supervisor")(LIST, { m: "March" }))).toBe("VALIDATION_FAILED");
  });

  it("only a liaison of the notice's unit acknowledges, once, and it is audited", async () => {
    const wrongUnit: any = await app.as("liaisonB")(ACK, { id: noticeA });
    expect(wrongUnit.data.acknowledgeMonthlyNotice.__typename).toBe("ForbiddenError");
    expect(code(await app.as("supervisor")(ACK, { id: noticeA }))).toBe("FORBIDDEN");
    expect(code(await app.as("public")(ACK, { id: noticeA }))).toBe("UNAUTHENTICATED");
    const missing: any = await app.as("liaisonA")(ACK, { id: gid("MonthlyNotice", randomUUID()) });
    expect(missing.data.acknowledgeMonthlyNotice.__typename).toBe("NotFoundError");
    const ok: any = await app.as("liaisonA")(ACK, { id: noticeA });
    expect(ok.data.acknowledgeMonthlyNotice).toMatchObject({
      __typename: "MonthlyNotice",
      acknowledged: true,
      acknowledgedByName: "liaison-a",
    });
    const again: any = await app.as("liaisonA")(ACK, { id: noticeA });
    expect(again.data.acknowledgeMonthlyNotice).toMatchObject({
      __typename: "InvalidTransitionError",
      message: expect.stringMatching(/already acknowledged by liaison-a/),
    });
    expect(await app.db.prisma.auditEvent.count({ where: { action: "acknowledgeMonthlyNotice" } })).toBe(1);
  });
});

/** The text of one entry of a zip archive (a .docx), found through the central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const [method, size, nameLen, extraLen, commentLen] = [10, 20, 28, 30, 32].map((o, k) =>
      k === 1 ? zip.readUInt32LE(p + o) : zip.readUInt16LE(p + o),
    ) as [number, number, number, number, number];
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}

describe("printed notices", () => {
  const get = (path: string, role: Parameters<TestApp["tokenOf"]>[0]) => {
    const token = app.tokenOf(role);
    return fetch(`${app.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };

  it("render as an A4 HTML page for the unit's liaison and staff, escaped", async () => {
    const r = await get(`/notices/${idOf(noticeA)}/print`, "liaisonA");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await r.text();
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain("size:A4");
    expect(html).toContain("台账缺少&lt;b&gt;会议记录&lt;/b&gt;");
    expect(html).not.toContain("<b>会议记录");
    expect(html).toMatch(/签收：liaison-a\u3000\d{4}年/);
    expect((await get(`/notices/${idOf(noticeA)}/print`, "inspector")).status).toBe(200);
  });

  it("download as .docx with the title and the tables", async () => {
    const r = await get(`/notices/${idOf(noticeA)}.docx`, "supervisor");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(r.headers.get("content-disposition")).toContain(encodeURIComponent(TITLE));
    const xml = zipEntry(Buffer.from(await r.arrayBuffer()), "word/document.xml");
    expect(xml).toContain(TITLE);
    expect(xml).toContain("本月督查发现情况");
    expect(xml).toContain("台账缺少&lt;b&gt;会议记录&lt;/b&gt;");
    expect(xml).toContain('w:w="11906"');
  });

  it("need a login and the same scope", async () => {
    expect((await get(`/notices/${idOf(noticeA)}/print`, "public")).status).toBe(401);
    expect((await get(`/notices/${idOf(noticeA)}.docx`, "public")).status).toBe(401);
    expect((await get(`/notices/${idOf(noticeA)}/print`, "liaisonB")).status).toBe(403);
    expect((await get(`/notices/${idOf(noticeA)}.docx`, "liaisonB")).status).toBe(403);
    expect((await get(`/notices/${idOf(noticeB)}.docx`, "liaisonB")).status).toBe(200);
    expect((await get(`/notices/${randomUUID()}/print`, "supervisor")).status).toBe(404);
    expect((await get(`/notices/not-an-id/print`, "supervisor")).status).toBe(404);
  });
});

function idOf(globalId: string) {
  return Buffer.from(globalId, "base64").toString().split(":")[1]!;
}

describe("deadlines as assigned in the notice's month (issue 13 §10)", () => {
  it("does not list as overdue in March a deadline assigned in April", async () => {
    const db = app.db.prisma;
    await db.measure.update({ where: { id: A.later.id }, data: { deadline: day("2024-02-10") } });
    await db.deadlineChange.updateMany({
      where: { measureId: A.later.id, fromLongTerm: { not: null }, deadline: day("2024-02-10") },
      data: { at: new Date("2024-04-05T02:00:00Z") },
    });
    const unit = await db.unit.findUniqueOrThrow({ where: { id: app.units.a } });
    const march = await composeNotice(db, parsePeriod("2024-03")!, unit);
    expect(march.overdue.map((i) => i.measureId)).not.toContain(A.later.id);
    expect(march.withoutProgress.find((i) => i.measureId === A.later.id)?.deadline).toBe("2024-04-10");
    const may = await composeNotice(db, parsePeriod("2024-05")!, unit);
    expect(may.overdue.find((i) => i.measureId === A.later.id)?.deadline).toBe("2024-02-10");
  });
});

describe("rectification actions in a notice (issue 10)", () => {
  it("a synced finding on the unit's measure lists its action in that unit's notice, not another unit's", async () => {
    const env = siteVisit(A.due.problemId, [A.due.id], { rating: "PROBLEM_FOUND", findings: "公示栏未更新" });
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    const action = await app.db.prisma.rectificationAction.findFirstOrThrow({ where: { recordId: env.recordId } });
    const month = shanghaiDay(new Date(env.deviceTime)).slice(0, 7);
    const Q = `mutation($m: String!, $u: ID!) { issueMonthlyNotice(month: $m, unitId: $u) {
      ... on IssueMonthlyNoticePayload { notice { id content { actions {
        actionId dueOn overdue status openedOn findings problemTitle measureNumber measureText } } } }
      ... on Error { code message } } }`;
    const a: any = await app.as("supervisor")(Q, { m: month, u: unitA() });
    expect(a.data.issueMonthlyNotice.notice.content.actions).toEqual([
      {
        actionId: gid("RectificationAction", action.id),
        dueOn: action.dueOn.toISOString().slice(0, 10),
        overdue: false,
        status: "OPEN",
        openedOn: shanghaiDay(action.createdAt),
        findings: "公示栏未更新",
        problemTitle: expect.any(String),
        measureNumber: A.due.number,
        measureText: expect.any(String),
      },
    ]);
    const b: any = await app.as("supervisor")(Q, { m: month, u: gid("Unit", app.units.b) });
    expect(b.data.issueMonthlyNotice.notice.content.actions).toEqual([]);
    const token = app.tokenOf("supervisor");
    const page = await fetch(`${app.url}/notices/${idOf(a.data.issueMonthlyNotice.notice.id)}/print`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const html = await page.text();
    expect(html).toContain("五、督促整改事项（1项）");
    expect(html).toContain("公示栏未更新");
  });
});
