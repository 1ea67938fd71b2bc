// Special inspections end to end over real HTTP (TEST_DB=pglite|postgres): a supervisor plans a campaign with
// teams and targets (by measure and by a ledger filter), inspectors see only their teams' targets, records count
// towards targets (named or implicitly), coverage per team and unit, and refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";
import { ADD_TARGETS, CREATE_CAMPAIGN, extraUser, gid, TARGET_FIELDS } from "../helpers/campaigns.ts";
import { shanghaiDay } from "@rectify/server/domain/dates";

let app: TestApp;
let inspectionId: string;
let problemId: string;
let m1: string, m2: string, m3: string;
let insp2: Awaited<ReturnType<typeof extraUser>>;
let inspId: string;
let campaignId: string;
let team1: string, team2: string;
const today = shanghaiDay(new Date());
const rawOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
const later = "2099-12-31";

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.prisma;
  const problem = await p.problem.findFirstOrThrow({
    where: { section: "CONTINUING", measures: { some: { number: 3 } } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  problemId = problem.id;
  inspectionId = problem.inspectionId;
  [m1, m2, m3] = problem.measures.map((m) => m.id) as [string, string, string];
  await p.measure.updateMany({ where: { id: { in: [m1, m2] } }, data: { responsibleUnitId: app.units.a } });
  await p.measure.update({ where: { id: m3 }, data: { responsibleUnitId: app.units.b } });
  inspId = (await p.user.findUniqueOrThrow({ where: { username: "insp" } })).id;
  insp2 = await extraUser(app, "insp2", "INSPECTOR");
}, 180_000);
afterAll(async () => app?.close());

describe("planning", () => {
  it("refuses bad input with a typed error and writes nothing", async () => {
    const before = await app.db.prisma.campaign.count();
    const bad = await app.as("supervisor")(CREATE_CAMPAIGN, {
      input: { inspectionId: gid("Inspection", inspectionId), name: "x", startsOn: later, endsOn: today },
    });
    expect(bad.data.createCampaign).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const notInspector = await app.as("supervisor")(CREATE_CAMPAIGN, {
      input: {
        inspectionId: gid("Inspection", inspectionId),
        name: "x",
        startsOn: today,
        endsOn: later,
        teams: [
          {
            name: "一组",
            memberIds: [
              gid("User", (await app.db.prisma.user.findUniqueOrThrow({ where: { username: "liaison-a" } })).id),
            ],
          },
        ],
      },
    });
    expect(notInspector.data.createCampaign.code).toBe("VALIDATION_FAILED");
    const byInspector = await app.as("inspector")(CREATE_CAMPAIGN, {
      input: { inspectionId: gid("Inspection", inspectionId), name: "x", startsOn: today, endsOn: later },
    });
    expect(byInspector.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.db.prisma.campaign.count()).toBe(before);
  });

  it("creates a campaign with two teams, audited", async () => {
    const r = await app.as("supervisor")(CREATE_CAMPAIGN, {
      input: {
        inspectionId: gid("Inspection", inspectionId),
        name: "2024年第一季度巡视整改专项督查",
        offices: ["纪委监委", "市委办"],
        startsOn: today,
        endsOn: later,
        actionDueDays: 7,
        teams: [
          { name: "第一督查组", memberIds: [gid("User", inspId)] },
          { name: "第二督查组", memberIds: [gid("User", insp2.id)] },
        ],
      },
    });
    const c = r.data.createCampaign;
    expect(c).toMatchObject({ __typename: "Campaign", state: "RUNNING" });
    campaignId = c.id;
    team1 = c.teams.find((t: { name: string }) => t.name === "第一督查组").id;
    team2 = c.teams.find((t: { name: string }) => t.name === "第二督查组").id;
    const audit = await app.db.prisma.auditEvent.findFirst({ where: { action: "createCampaign" } });
    expect(audit?.entityType).toBe("Campaign");
  });

  it("adds targets by measure and by a ledger filter (units + lights), skipping measures already targeted", async () => {
    const one = await app.as("supervisor")(ADD_TARGETS, {
      c: campaignId,
      input: { teamId: team1, methods: ["SITE_VISIT", "LEDGER_CHECK"], measureIds: [gid("Measure", m1)] },
    });
    expect(one.data.addCampaignTargets.added).toHaveLength(1);
    const byUnit = await app.as("supervisor")(ADD_TARGETS, {
      c: campaignId,
      input: {
        teamId: team2,
        methods: ["ONSITE_QUESTIONING"],
        unitIds: [gid("Unit", app.units.a)],
        lights: ["GREEN", "YELLOW", "RED"],
      },
    });
    // m1 and m2 are unit A's; m1 is already team 1's
    expect(byUnit.data.addCampaignTargets.skipped).toBe(1);
    expect(byUnit.data.addCampaignTargets.added.map((t: { measure: { id: string } }) => t.measure.id)).toEqual([
      gid("Measure", m2),
    ]);
    const none = await app.as("supervisor")(ADD_TARGETS, {
      c: campaignId,
      input: { teamId: team2, methods: ["ONSITE_QUESTIONING"], unitIds: [gid("Unit", app.units.a)], lights: ["GREY"] },
    });
    expect(none.data.addCampaignTargets).toMatchObject({ added: [], skipped: 0 });
    const bad = await app.as("supervisor")(ADD_TARGETS, {
      c: campaignId,
      input: { teamId: team2, methods: [], measureIds: [gid("Measure", m3)] },
    });
    expect(bad.data.addCampaignTargets.code).toBe("VALIDATION_FAILED");
    expect(await app.db.prisma.campaignTarget.count()).toBe(2);
  });
});

describe("scopes", () => {
  it("an inspector sees only their teams' targets, in myTargets and through the campaign", async () => {
    const q = `{ myTargets { ${TARGET_FIELDS} } campaigns { name targets { measure { id } } teams { name } } }`;
    const mine = await app.as("inspector")(q);
    expect(mine.data.myTargets.map((t: { measure: { id: string } }) => t.measure.id)).toEqual([gid("Measure", m1)]);
    expect(mine.data.campaigns[0].targets).toEqual([{ measure: { id: gid("Measure", m1) } }]);
    expect(mine.data.campaigns[0].teams).toEqual([{ name: "第一督查组" }]);
    const theirs = await insp2.gql(q);
    expect(theirs.data.myTargets.map((t: { measure: { id: string } }) => t.measure.id)).toEqual([gid("Measure", m2)]);
    const other = theirs.data.myTargets[0].id;
    const node = await app.as("inspector")(`query($id: ID!) { node(id: $id) { id } }`, { id: other });
    expect(node.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("liaisons and the public are refused", async () => {
    for (const role of ["liaisonA", "public"] as const) {
      const r = await app.as(role)(`{ campaigns { id } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe(role === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
      const t = await app.as(role)(`{ myTargets { id } }`);
      expect(t.errors?.[0]?.extensions?.code).toBe(role === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
  });
});

describe("records count towards targets", () => {
  it("a record naming the target counts; the target is done when every method is recorded; coverage follows", async () => {
    const target = (await app.db.prisma.campaignTarget.findFirstOrThrow({ where: { measureId: m1 } })).id;
    expect((await send(app, "inspector", siteVisit(problemId, [m1], { targetId: target }))).outcome).toBe("CREATED");
    const q = `{ myTargets { ${TARGET_FIELDS} } }`;
    let t = (await app.as("inspector")(q)).data.myTargets[0];
    expect(t).toMatchObject({
      status: "NOT_YET",
      recordedMethods: ["SITE_VISIT"],
      missingMethods: ["LEDGER_CHECK"],
      recordCount: 1,
    });
    // A ledger check on the measure by a team member during the period counts without naming the target.
    const check = siteVisit(problemId, [m1], {
      kind: "LEDGER_CHECK",
      details: { ledgers: "整改台账", observations: "" },
    } as never);
    expect((await send(app, "inspector", check)).outcome).toBe("CREATED");
    // ... but not one by an inspector of another team (insp2 is on team 2 only).
    const foreign = siteVisit(problemId, [m1], {
      kind: "ONSITE_QUESTIONING",
      details: {
        interviewee: { name: "李四", post: "", unit: "" },
        qa: [{ question: "q", answer: "a" }],
        signature: null,
      },
    } as never);
    expect(
      (await insp2.gql(`mutation($e: JSON!) { syncRecord(envelope: $e) { outcome } }`, { e: foreign })).data.syncRecord
        .outcome,
    ).toBe("CREATED");
    t = (await app.as("inspector")(q)).data.myTargets[0];
    expect(t).toMatchObject({ status: "DONE", missingMethods: [], recordCount: 2 });
    const cov = await app.as("supervisor")(
      `query($id: ID!) { node(id: $id) { ... on Campaign { coverage { total done notYet overdue
        byTeam { name total done } byUnit { name total done notYet } } } } }`,
      { id: campaignId },
    );
    expect(cov.data.node.coverage).toMatchObject({ total: 2, done: 1, notYet: 1, overdue: 0 });
    expect(cov.data.node.coverage.byTeam).toEqual([
      { name: "第一督查组", total: 1, done: 1 },
      { name: "第二督查组", total: 1, done: 0 },
    ]);
    expect(cov.data.node.coverage.byUnit).toEqual([{ name: "市委组织部", total: 2, done: 1, notYet: 1 }]);
  });

  it("refuses a record naming an unknown target or one whose measure it does not name, storing nothing", async () => {
    const target = (await app.db.prisma.campaignTarget.findFirstOrThrow({ where: { measureId: m1 } })).id;
    const before = await app.db.prisma.inspectionRecord.count();
    const wrong = await send(app, "inspector", siteVisit(problemId, [m3], { targetId: target }));
    expect(wrong.error?.code).toBe("SYNC_INVALID_RECORD");
    const unknown = await send(
      app,
      "inspector",
      siteVisit(problemId, [m1], { targetId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.error?.code).toBe("SYNC_UNKNOWN_REFERENCE");
    expect(await app.db.prisma.inspectionRecord.count()).toBe(before);
  });

  it("cancelling needs a reason, hides the campaign from myTargets and is audited", async () => {
    const q = `mutation($id: ID!, $r: String!) { cancelCampaign(id: $id, reason: $r) { __typename ... on Campaign { state cancelReason } ... on Error { code } } }`;
    expect((await app.as("supervisor")(q, { id: campaignId, r: " " })).data.cancelCampaign.code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await app.as("supervisor")(q, { id: campaignId, r: "合并到下一轮" })).data.cancelCampaign).toMatchObject({
      state: "CANCELLED",
    });
    expect((await app.as("inspector")(`{ myTargets { id } }`)).data.myTargets).toEqual([]);
    expect(
      await app.db.prisma.auditEvent.count({ where: { action: "cancelCampaign", entityId: rawOf(campaignId) } }),
    ).toBe(1);
  });
});
