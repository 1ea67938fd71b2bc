// Rectification actions (督促整改事项) end to end over real HTTP (TEST_DB=pglite|postgres): a synced finding opens
// one action per (record, unit) in the sync transaction (replays and racing duplicates open nothing new), due
// = record day + the campaign's days or 10; liaisons see only their unit's; the unit answers through a progress
// report with evidence; the recording inspector or a supervisor confirms or reopens; every step audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { photoOf, send, siteVisit, upload } from "../helpers/records.ts";
import { ACTION_FIELDS, extraUser, gid, PROGRESS, progressReport } from "../helpers/campaigns.ts";
import { fileRef, makePng } from "../helpers/evidence-files.ts";
import { shanghaiDay } from "@rectify/server/domain/dates";
import { unzip } from "@rectify/server/exports/test-unzip";

let app: TestApp;
let problemId: string;
let m1: string, m2: string, m3: string;
let insp2: Awaited<ReturnType<typeof extraUser>>;
let campaignId: string;
const p = () => app.db.prisma;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  const problem = await p().problem.findFirstOrThrow({
    where: { section: "CONTINUING", measures: { some: { number: 3 } } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  problemId = problem.id;
  [m1, m2, m3] = problem.measures.map((m) => m.id) as [string, string, string];
  await p().measure.updateMany({ where: { id: { in: [m1, m2] } }, data: { responsibleUnitId: app.units.a } });
  await p().measure.update({ where: { id: m3 }, data: { responsibleUnitId: app.units.b } });
  insp2 = await extraUser(app, "insp2", "INSPECTOR");
  const sup = await p().user.findUniqueOrThrow({ where: { username: "sup" } });
  const insp = await p().user.findUniqueOrThrow({ where: { username: "insp" } });
  const c = await p().campaign.create({
    data: {
      name: "专项督查",
      startsOn: new Date("2024-01-01"),
      endsOn: new Date("2099-12-31"),
      actionDueDays: 7,
      inspectionId: problem.inspectionId,
      createdById: sup.id,
      teams: { create: { name: "一组", members: { create: { userId: insp.id } } } },
    },
    include: { teams: true },
  });
  campaignId = c.id;
  await p().campaignTarget.create({
    data: { campaignId: c.id, teamId: c.teams[0]!.id, measureId: m1, methods: ["SITE_VISIT"] },
  });
}, 180_000);
afterAll(async () => app?.close());

const actionsOf = (recordId: string) =>
  p().rectificationAction.findMany({ where: { recordId }, orderBy: { unitId: "asc" } });

describe("opening actions", () => {
  it("a record rated ON_TRACK without follow-up opens none", async () => {
    const env = siteVisit(problemId, [m1, m3]);
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    expect(await actionsOf(env.recordId)).toEqual([]);
  });

  it("a 发现问题 finding on two units' measures opens one action per unit, due by the campaign's days; a replay opens nothing", async () => {
    const env = siteVisit(problemId, [m1, m2, m3], { rating: "PROBLEM_FOUND", findings: "公示栏未更新" });
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    const opened = await actionsOf(env.recordId);
    expect(opened.map((a) => a.unitId).sort()).toEqual([app.units.a, app.units.b].sort());
    const day = shanghaiDay(new Date(env.deviceTime));
    for (const a of opened) {
      expect(a.dueOn.toISOString().slice(0, 10)).toBe(addDays(day, 7));
      expect(a.campaignId).toBe(campaignId);
      expect(a.status).toBe("OPEN");
    }
    // unit A's action names its first measure (m1), the campaign's target on it
    expect(opened.find((a) => a.unitId === app.units.a)).toMatchObject({ measureId: m1 });
    expect((await send(app, "inspector", env)).outcome).toBe("ALREADY_APPLIED");
    expect(await actionsOf(env.recordId)).toHaveLength(2);
    const audit = await p().auditEvent.findFirstOrThrow({ where: { action: "syncRecord", entityId: env.recordId } });
    expect((audit.details as { actionsOpened: unknown[] }).actionsOpened).toHaveLength(2);
  });

  it("racing duplicates of a new finding open its actions once", async () => {
    const env = siteVisit(problemId, [m1], { rating: "LAGGING" });
    const answers = await Promise.all([1, 2, 3].map(() => send(app, "inspector", env)));
    expect(answers.map((a) => a.outcome).sort()).toEqual(["ALREADY_APPLIED", "ALREADY_APPLIED", "CREATED"]);
    expect(await actionsOf(env.recordId)).toHaveLength(1);
  });

  it("a follow-up flag outside any campaign is due in 10 days", async () => {
    const env = siteVisit(problemId, [m3], { followUpRequired: true });
    const r = await insp2.gql(`mutation($e: JSON!) { syncRecord(envelope: $e) { outcome } }`, { e: env });
    expect(r.data.syncRecord.outcome).toBe("CREATED");
    const [a] = await actionsOf(env.recordId);
    expect(a).toMatchObject({ unitId: app.units.b, campaignId: null, followUp: true, rating: "ON_TRACK" });
    expect(a!.dueOn.toISOString().slice(0, 10)).toBe(addDays(shanghaiDay(new Date(env.deviceTime)), 10));
  });
});

describe("actions opened by a supervisor's correction or a conflict's resolution", () => {
  const REVISE = `mutation($id: ID!, $r: Rating, $f: Boolean) { reviseRecord(id: $id, rating: $r, followUpRequired: $f) {
    ... on InspectionRecord { rating } } }`;
  const recordGid = (id: string) => gid("InspectionRecord", id);

  it("a correction to 发现问题 opens the finding's actions in the same transaction; correcting again opens none", async () => {
    const env = siteVisit(problemId, [m1, m3]);
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    expect(await actionsOf(env.recordId)).toEqual([]);
    const r = await app.as("supervisor")(REVISE, { id: recordGid(env.recordId), r: "PROBLEM_FOUND" });
    expect(r.data.reviseRecord).toEqual({ rating: "PROBLEM_FOUND" });
    const opened = await actionsOf(env.recordId);
    expect(opened.map((a) => a.unitId).sort()).toEqual([app.units.a, app.units.b].sort());
    expect(opened.every((a) => a.rating === "PROBLEM_FOUND" && a.status === "OPEN")).toBe(true);
    // the record's inspector is on the campaign's team for m1: unit A's action belongs to the campaign
    expect(opened.find((a) => a.unitId === app.units.a)).toMatchObject({ campaignId, measureId: m1 });
    await app.as("supervisor")(REVISE, { id: recordGid(env.recordId), f: true });
    expect(await actionsOf(env.recordId)).toHaveLength(2);
    const event = await p().auditEvent.findFirstOrThrow({
      where: { action: "reviseRecord", entityId: env.recordId, details: { path: ["rating"], equals: "PROBLEM_FOUND" } },
    });
    expect((event.details as any).actionsOpened).toHaveLength(2);
  });

  it("a correction that is no finding opens none", async () => {
    const env = siteVisit(problemId, [m3]);
    await send(app, "inspector", env);
    await app.as("supervisor")(REVISE, { id: recordGid(env.recordId), r: "ON_TRACK" });
    expect(await actionsOf(env.recordId)).toEqual([]);
  });

  it("keeping a device's held 进度滞后 edit opens its action", async () => {
    const env = siteVisit(problemId, [m3]);
    await send(app, "inspector", env);
    await app.as("supervisor")(
      `mutation($id: ID!) { reviseRecord(id: $id, findings: "督查组复核") { ... on InspectionRecord { version } } }`,
      { id: recordGid(env.recordId) },
    );
    const stale = { ...env, revision: 2, baseVersion: 1, rating: "LAGGING" as const };
    expect((await send(app, "inspector", stale)).outcome).toBe("CONFLICT");
    expect(await actionsOf(env.recordId)).toEqual([]); // a held copy is not the record's content yet
    const resolved = await app.as("supervisor")(
      `mutation($id: ID!) { resolveRecordConflict(id: $id, keep: DEVICE) { ... on InspectionRecord { rating } } }`,
      { id: recordGid(env.recordId) },
    );
    expect(resolved.data.resolveRecordConflict).toEqual({ rating: "LAGGING" });
    const [a, ...rest] = await actionsOf(env.recordId);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ unitId: app.units.b, rating: "LAGGING", status: "OPEN" });
  });
});

describe("the loop: record → action → answer → confirm / reopen", () => {
  let recordId: string;
  let actionId: string;
  let actionRaw: string;

  it("liaisons see only their unit's actions (lists and node)", async () => {
    const env = siteVisit(problemId, [m1, m3], { rating: "PROBLEM_FOUND", findings: "整改台账缺失" });
    recordId = env.recordId;
    await send(app, "inspector", env);
    const a = (await actionsOf(recordId)).find((x) => x.unitId === app.units.a)!;
    actionRaw = a.id;
    actionId = gid("RectificationAction", a.id);
    const mineA = await app.as("liaisonA")(`{ myActions { ${ACTION_FIELDS} } }`);
    expect(mineA.errors).toBeUndefined();
    const ids = mineA.data.myActions.map((x: { id: string }) => x.id);
    expect(ids).toContain(actionId);
    expect(mineA.data.myActions.every((x: { unit: { name: string } }) => x.unit.name === "市委组织部")).toBe(true);
    const mine = mineA.data.myActions.find((x: { id: string }) => x.id === actionId);
    expect(mine).toMatchObject({
      status: "OPEN",
      light: "RED",
      findings: "整改台账缺失",
      recordKind: "SITE_VISIT",
      canCheck: false,
    });
    const listB = await app.as("liaisonB")(
      `{ rectificationActions(first: 100) { totalCount edges { node { id unit { name } } } } }`,
    );
    expect(listB.data.rectificationActions.edges.every((e: any) => e.node.unit.name === "市财政局")).toBe(true);
    expect(listB.data.rectificationActions.edges.map((e: any) => e.node.id)).not.toContain(actionId);
    const nodeB = await app.as("liaisonB")(`query($id: ID!) { node(id: $id) { id } }`, { id: actionId });
    expect(nodeB.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const pub = await app.as("public")(`{ myActions { id } }`);
    expect(pub.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const rec = await app.as("liaisonA")(
      `query($id: ID!) { node(id: $id) { ... on RectificationAction { record { id } } } }`,
      {
        id: actionId,
      },
    );
    expect(rec.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("another unit cannot answer it, and confirming before an answer is refused; nothing changes", async () => {
    const b = await app.as("liaisonB")(PROGRESS, { e: progressReport([m1], { answersActionId: actionRaw }) });
    expect(b.data.syncProgressReport.error.code).toBe("SYNC_FORBIDDEN");
    const early = await app.as("inspector")(
      `mutation($id: ID!) { confirmAction(id: $id) { __typename ... on Error { code } } }`,
      { id: actionId },
    );
    expect(early.data.confirmAction).toEqual({ __typename: "InvalidTransitionError", code: "INVALID_TRANSITION" });
    const wrongMeasure = await app.as("liaisonA")(PROGRESS, {
      e: progressReport([m2], { answersActionId: actionRaw }),
    });
    expect(wrongMeasure.data.syncProgressReport.error.code).toBe("SYNC_INVALID_RECORD");
    expect((await p().rectificationAction.findUniqueOrThrow({ where: { id: actionRaw } })).status).toBe("OPEN");
    expect(await p().progressUpdate.count({ where: { answersActionId: actionRaw } })).toBe(0);
  });

  it("the unit answers with text and a photo through a progress report (a replay answers once)", async () => {
    const png = makePng(40, 40);
    const file = fileRef(randomUUID(), png, "image/png", "整改后.png");
    const env = progressReport([m1], { answersActionId: actionRaw, photos: [file] });
    const r = await app.as("liaisonA")(PROGRESS, { e: env });
    expect(r.data.syncProgressReport).toMatchObject({ outcome: "CREATED", error: null });
    expect((await upload(app, app.tokenOf("liaisonA"), file.id, "PATCH", 0, png)).status).toBe(204);
    expect((await app.as("liaisonA")(PROGRESS, { e: env })).data.syncProgressReport.outcome).toBe("ALREADY_APPLIED");
    const q = await app.as("inspector")(
      `query($id: ID!) { node(id: $id) { ... on RectificationAction { ${ACTION_FIELDS} } } }`,
      {
        id: actionId,
      },
    );
    expect(q.data.node).toMatchObject({ status: "ANSWERED", overdue: false, canCheck: true });
    expect(q.data.node.answers).toEqual([{ text: env.text, attachments: [{ fileName: "整改后.png" }] }]);
  });

  it("only the recording inspector or a supervisor confirms; a reopen needs a reason; each step audited", async () => {
    const confirm = `mutation($id: ID!) { confirmAction(id: $id) { __typename ... on RectificationAction { status } ... on Error { code } } }`;
    expect((await insp2.gql(confirm, { id: actionId })).data.confirmAction.code).toBe("FORBIDDEN");
    expect((await app.as("liaisonA")(confirm, { id: actionId })).data.confirmAction.code).toBe("FORBIDDEN");
    expect((await app.as("inspector")(confirm, { id: actionId })).data.confirmAction).toEqual({
      __typename: "RectificationAction",
      status: "CONFIRMED",
    });
    const reopen = `mutation($id: ID!, $r: String!) { reopenAction(id: $id, reason: $r) { __typename ... on RectificationAction { status reopenReason } ... on Error { code } } }`;
    expect((await app.as("supervisor")(reopen, { id: actionId, r: "" })).data.reopenAction.code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await p().rectificationAction.findUniqueOrThrow({ where: { id: actionRaw } })).status).toBe("CONFIRMED");
    expect((await app.as("supervisor")(reopen, { id: actionId, r: "复查发现反弹" })).data.reopenAction).toEqual({
      __typename: "RectificationAction",
      status: "REOPENED",
      reopenReason: "复查发现反弹",
    });
    const again = await app.as("liaisonA")(PROGRESS, { e: progressReport([m1], { answersActionId: actionRaw }) });
    expect(again.data.syncProgressReport.outcome).toBe("CREATED");
    expect((await p().rectificationAction.findUniqueOrThrow({ where: { id: actionRaw } })).status).toBe("ANSWERED");
    const steps = await p().auditEvent.findMany({
      where: { entityType: "RectificationAction", entityId: actionRaw },
      orderBy: { at: "asc" },
    });
    expect(steps.map((s) => s.action)).toEqual(["answerAction", "confirmAction", "reopenAction", "answerAction"]);
  });

  it("filters: overdue, statuses, campaign", async () => {
    await p().rectificationAction.update({
      where: { id: actionRaw },
      data: { status: "OPEN", dueOn: new Date("2024-01-02") },
    });
    const q = `query($f: RectificationActionFilter) { rectificationActions(first: 100, filter: $f) { totalCount edges { node { id overdue light } } } }`;
    const overdue = await app.as("supervisor")(q, { f: { overdue: true } });
    expect(overdue.data.rectificationActions.edges).toEqual([{ node: { id: actionId, overdue: true, light: "RED" } }]);
    const byCampaign = await app.as("supervisor")(q, { f: { campaignId: gid("Campaign", campaignId) } });
    expect(byCampaign.data.rectificationActions.totalCount).toBe(
      await p().rectificationAction.count({ where: { campaignId } }),
    );
    const bad = await app.as("supervisor")(q, { f: { campaignId: gid("Unit", randomUUID()) } });
    expect(bad.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });
});

describe("the campaign report (督查情况通报)", () => {
  it("prints targets, coverage, findings by kind and rating, and actions per unit, as HTML and .docx", async () => {
    const auth = (role: "supervisor" | "liaisonA") => ({ Authorization: `Bearer ${app.tokenOf(role)}` });
    // A record on the campaign's target with a stamped photo: the report shows that photo.
    const png = makePng(40, 30);
    const photo = photoOf(png, "stamped");
    const env = siteVisit(problemId, [m1], { photos: [photo] });
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    expect((await upload(app, app.tokenOf("inspector"), photo.id, "PATCH", 0, png)).status).toBe(204);
    const html = await fetch(`${app.url}/exports/campaign/${campaignId}.html`, { headers: auth("supervisor") });
    expect(html.status).toBe(200);
    const page = await html.text();
    const opened = await p().rectificationAction.count({ where: { campaignId } });
    expect(page).toContain("专项督查督查情况通报");
    expect(page).toContain(`共交办督促整改事项${opened}项`);
    expect(page).toContain("市委组织部");
    expect(page).toMatch(/实地走访\d+次/);
    expect(page).toContain("公示栏未更新");
    expect(page).toContain(`<img src="/files/${photo.id}"`);
    expect(html.headers.get("content-security-policy")).toContain("img-src 'self'");
    expect((await fetch(`${app.url}/files/${photo.id}`, { headers: auth("supervisor") })).status).toBe(200);
    const docx = await fetch(`${app.url}/exports/campaign/${campaignId}.docx`, { headers: auth("supervisor") });
    expect(docx.status).toBe(200);
    const entries = unzip(Buffer.from(await docx.arrayBuffer()));
    const media = [...entries.keys()].filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(entries.get(media[0]!)!.equals(png)).toBe(true);
    const xml = entries.get("word/document.xml")!.toString("utf8");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain(`共交办督促整改事项${opened}项`);
    expect(text).toContain("本次督查共安排督查对象1个");
    expect((await fetch(`${app.url}/exports/campaign/${campaignId}.html`, { headers: auth("liaisonA") })).status).toBe(
      403,
    );
    expect((await fetch(`${app.url}/exports/campaign/${campaignId}.docx`)).status).toBe(401);
    expect(
      (await fetch(`${app.url}/exports/campaign/${randomUUID()}.html`, { headers: auth("supervisor") })).status,
    ).toBe(404);
  });
});

describe("analysis", () => {
  it("counts the period's actions: opened, answered, confirmed, overdue", async () => {
    const month = shanghaiDay(new Date()).slice(0, 7);
    const r = await app.as("supervisor")(
      `query($p: String!) { periodAnalysis(period: $p) { ... on PeriodAnalysisSummary { actions { opened answered confirmed overdue } } } }`,
      { p: month },
    );
    expect(r.errors).toBeUndefined();
    const all = await p().rectificationAction.count();
    const figures = r.data.periodAnalysis.actions;
    expect(figures.opened).toBe(all);
    expect(figures.answered).toBeGreaterThanOrEqual(1);
    expect(figures.overdue).toBe(1);
  });
});
