// Who may not edit a campaign, over real HTTP (TEST_DB=pglite|postgres): inspectors (even the team's own),
// liaisons and the public are refused every edit mutation, and after cancelCampaign every edit is a typed error;
// in each case the campaign's rows (campaign, teams, members, targets) and the audit trail stay as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { ADD_TARGETS, gid } from "../helpers/campaigns.ts";
import {
  ADD_TARGETS_ISSUES,
  ADD_TEAM,
  campaignRows,
  CANCEL,
  planCampaign,
  rawOf,
  REMOVE_TARGET,
  REMOVE_TEAM,
  UPDATE_CAMPAIGN,
  UPDATE_TARGET,
  UPDATE_TEAM,
} from "../helpers/campaign-edits.ts";

let app: TestApp;
let m1: string, m2: string;
let campaign: string, busy: string, empty: string, target: string;
let edits: [field: string, query: string, vars: Record<string, unknown>][];

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.prisma;
  const problem = await p.problem.findFirstOrThrow({
    where: { measures: { some: { number: 2 } } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  [m1, m2] = problem.measures.map((m) => m.id) as [string, string];
  const insp = (await p.user.findUniqueOrThrow({ where: { username: "insp" } })).id;
  const c = await planCampaign(app, problem.inspectionId, "专项督查", { 第一督查组: [insp], 第二督查组: [insp] });
  [campaign, busy, empty] = [c.id, c.team("第一督查组"), c.team("第二督查组")];
  const r = await app.as("supervisor")(ADD_TARGETS, {
    c: campaign,
    input: { teamId: busy, methods: ["SITE_VISIT"], measureIds: [gid("Measure", m1)] },
  });
  target = r.data.addCampaignTargets.added[0].id;
  const user = gid("User", insp);
  // Each would succeed for a supervisor on a live campaign, in this order (the last test shows it).
  edits = [
    ["updateCampaign", UPDATE_CAMPAIGN, { id: campaign, input: { name: "改名", actionDueDays: 3 } }],
    ["addCampaignTeam", ADD_TEAM, { c: campaign, team: { name: "第三督查组", memberIds: [user] } }],
    ["updateCampaignTeam", UPDATE_TEAM, { id: busy, name: "改名组", memberIds: [] }],
    [
      "addCampaignTargets",
      ADD_TARGETS_ISSUES,
      { c: campaign, input: { teamId: busy, methods: ["LEDGER_CHECK"], measureIds: [gid("Measure", m2)] } },
    ],
    ["updateCampaignTarget", UPDATE_TARGET, { id: target, teamId: busy, methods: ["LEDGER_CHECK"] }],
    ["removeCampaignTarget", REMOVE_TARGET, { id: target }],
    ["removeCampaignTeam", REMOVE_TEAM, { id: empty }],
  ];
}, 180_000);
afterAll(async () => app?.close());

describe("roles", () => {
  it("an inspector on the team, a unit liaison and the public are refused every edit; nothing changes", async () => {
    const before = await campaignRows(app, campaign);
    const all = [...edits, ["cancelCampaign", CANCEL, { id: campaign, r: "不再需要" }] as const];
    for (const role of ["inspector", "liaisonA", "public"] as const) {
      for (const [field, query, vars] of all) {
        const r = await app.as(role)(query, vars);
        expect([field, role, r.errors?.[0]?.extensions?.code]).toEqual([
          field,
          role,
          role === "public" ? "UNAUTHENTICATED" : "FORBIDDEN",
        ]);
        expect(r.data?.[field as keyof typeof r.data] ?? null).toBeNull();
      }
    }
    expect(await campaignRows(app, campaign)).toEqual(before);
  });
});

describe("a cancelled campaign", () => {
  it("refuses every edit with a typed error and changes nothing", async () => {
    const c = await app.as("supervisor")(CANCEL, { id: campaign, r: "合并到下一轮" });
    expect(c.data.cancelCampaign).toMatchObject({ __typename: "Campaign", state: "CANCELLED" });
    const before = await campaignRows(app, campaign);
    expect(before.campaign.cancelledAt).not.toBeNull();
    const all = [...edits, ["cancelCampaign", CANCEL, { id: campaign, r: "再取消一次" }] as const];
    for (const [field, query, vars] of all) {
      const r = await app.as("supervisor")(query, vars);
      expect([field, r.errors, r.data?.[field]]).toEqual([
        field,
        undefined,
        expect.objectContaining({
          __typename: "ValidationError",
          code: "VALIDATION_FAILED",
          // what the client reads as "cancelled meanwhile" (edit-model.ts refusalOf, grow-model.ts teamRefusalOf)
          issues: [{ path: expect.stringMatching(/^(id|campaignId)$/), message: "cancelled" }],
        }),
      ]);
    }
    expect(await campaignRows(app, campaign)).toEqual(before);
  });

  it("while the same edits succeed on a live campaign (so the refusals above are about the cancellation)", async () => {
    await app.db.prisma.campaign.update({
      where: { id: rawOf(campaign) },
      data: { cancelledAt: null, cancelReason: null },
    });
    for (const [field, query, vars] of edits) {
      const r = await app.as("supervisor")(query, vars);
      expect([field, r.errors, r.data?.[field]?.__typename]).toEqual([
        field,
        undefined,
        field === "addCampaignTargets" ? "AddCampaignTargetsPayload" : expect.stringMatching(/^Campaign/),
      ]);
    }
    const after = await campaignRows(app, campaign);
    expect(after.campaign).toMatchObject({ name: "改名", actionDueDays: 3 });
    expect(after.teams.map((t) => t.name).sort()).toEqual(["改名组", "第三督查组"].sort());
    expect(after.targets.map((t) => t.measureId)).toEqual([m2]);
  });
});
