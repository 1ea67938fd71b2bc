// Who may not edit a campaign, and what may not be, over real HTTP (TEST_DB=pglite|postgres): inspectors (even the
// team's own), liaisons and the public are refused every edit mutation, and after cancelCampaign every edit is a
// typed error; a target's own due day outside the period, a period leaving such days outside, a campaign's last team
// removed (or planned without any, or by two removals at once) are typed errors naming the field; in each case the campaign's rows (campaign,
// teams, members, targets) and the audit trail stay as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { ADD_TARGETS, CREATE_CAMPAIGN, gid } from "../helpers/campaigns.ts";
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
let inspectionId: string, insp: string;
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
  inspectionId = problem.inspectionId;
  insp = (await p.user.findUniqueOrThrow({ where: { username: "insp" } })).id;
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
    ["addCampaignTeam", ADD_TEAM, { campaignId: campaign, team: { name: "第三督查组", memberIds: [user] } }],
    ["updateCampaignTeam", UPDATE_TEAM, { id: busy, name: "改名组", memberIds: [] }],
    [
      "addCampaignTargets",
      ADD_TARGETS_ISSUES,
      { campaignId: campaign, input: { teamId: busy, methods: ["LEDGER_CHECK"], measureIds: [gid("Measure", m2)] } },
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
    const all = [...edits, ["cancelCampaign", CANCEL, { id: campaign, reason: "不再需要" }] as const];
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

/** The typed refusal of `field`, with its issues. */
const refusal = (issues: { path: string; message: string }[]) =>
  expect.objectContaining({ __typename: "ValidationError", code: "VALIDATION_FAILED", issues });

describe("a target's own due day and the campaign's period", () => {
  let c: string, team: string, t1: string;
  const sup = () => app.as("supervisor");
  const outside = (path: string) => refusal([{ path, message: "outside the period" }]);

  it("a due day before the start or after the end is refused when adding or re-planning; nothing changes", async () => {
    const made = await planCampaign(
      app,
      inspectionId,
      "期间督查",
      { 第一督查组: [insp] },
      {
        startsOn: "2030-01-01",
        endsOn: "2030-06-30",
      },
    );
    [c, team] = [made.id, made.team("第一督查组")];
    const add = (dueOn: string) =>
      sup()(ADD_TARGETS_ISSUES, {
        campaignId: c,
        input: { teamId: team, methods: ["SITE_VISIT"], measureIds: [gid("Measure", m1)], dueOn },
      });
    const ok = await add("2030-06-30"); // the last day counts
    t1 = ok.data.addCampaignTargets.added[0].id;
    const before = await campaignRows(app, c);
    for (const day of ["2029-12-31", "2030-07-01"]) {
      const r = await add(day);
      expect([day, r.data.addCampaignTargets]).toEqual([day, outside("input.dueOn")]);
      const u = await sup()(UPDATE_TARGET, { id: t1, dueOn: day, methods: ["LEDGER_CHECK"] });
      expect([day, u.data.updateCampaignTarget]).toEqual([day, outside("dueOn")]);
    }
    expect(await campaignRows(app, c)).toEqual(before);
    const first = await sup()(UPDATE_TARGET, { id: t1, dueOn: "2030-01-01" }); // the first day counts too
    expect(first.data.updateCampaignTarget).toMatchObject({ __typename: "CampaignTarget", dueOn: "2030-01-01" });
  });

  it("a period change leaving own due days outside is refused, naming how many; days inside or none are fine", async () => {
    // t1 is due on 2030-01-01; a second target has no own day (the campaign's end applies, wherever it moves).
    const r2 = await sup()(ADD_TARGETS_ISSUES, {
      campaignId: c,
      input: { teamId: team, methods: ["SITE_VISIT"], measureIds: [gid("Measure", m2)] },
    });
    expect(r2.data.addCampaignTargets.added).toHaveLength(1);
    const before = await campaignRows(app, c);
    const move = (input: Record<string, string>) => sup()(UPDATE_CAMPAIGN, { id: c, input });
    expect((await move({ startsOn: "2030-01-02" })).data.updateCampaign).toEqual(
      refusal([{ path: "input.startsOn", message: "1 targets outside" }]),
    );
    await sup()(UPDATE_TARGET, { id: t1, dueOn: "2030-06-30" });
    const mid = await campaignRows(app, c);
    expect((await move({ startsOn: "2029-01-01", endsOn: "2030-06-29" })).data.updateCampaign).toEqual(
      refusal([{ path: "input.endsOn", message: "1 targets outside" }]),
    );
    expect(await campaignRows(app, c)).toEqual(mid);
    expect(before.campaign).toEqual(mid.campaign);
    const ok = await move({ startsOn: "2030-02-01", endsOn: "2030-06-30" });
    expect(ok.data.updateCampaign).toMatchObject({ startsOn: "2030-02-01", endsOn: "2030-06-30" });
    // Only a moved period is checked: a day left outside before this rule (written directly) does not hold up a rename.
    await app.db.prisma.campaignTarget.update({ where: { id: rawOf(t1) }, data: { dueOn: new Date("2031-01-01") } });
    expect((await move({ name: "期间督查（改）" })).data.updateCampaign).toMatchObject({ name: "期间督查（改）" });
  });

  it("two removals racing for a campaign's last two teams: one is refused, the campaign keeps a team", async () => {
    // Edits of one campaign hold its row: without that, both would count two teams before either committed (on
    // PostgreSQL; PGlite runs one transaction at a time anyway).
    for (let round = 0; round < 5; round++) {
      const two = await planCampaign(app, inspectionId, `竞态${round}`, { 甲组: [insp], 乙组: [insp] });
      const results = await Promise.all([two.team("甲组"), two.team("乙组")].map((id) => sup()(REMOVE_TEAM, { id })));
      const kinds = results.map((r) => r.data.removeCampaignTeam.__typename).sort();
      expect([round, kinds]).toEqual([round, ["Campaign", "ValidationError"]]);
      expect((await campaignRows(app, two.id)).teams).toHaveLength(1);
    }
  });

  it("a campaign's last team cannot be removed (its targets or not), as a campaign cannot be planned without one", async () => {
    const before = await campaignRows(app, c);
    expect(before.teams).toHaveLength(1);
    const r = await sup()(REMOVE_TEAM, { id: team });
    expect(r.data.removeCampaignTeam).toEqual(refusal([{ path: "id", message: "last team" }]));
    expect(await campaignRows(app, c)).toEqual(before);
    // An empty second team may go; the first is the last again.
    const added = await sup()(ADD_TEAM, {
      campaignId: c,
      team: { name: "第二督查组", memberIds: [gid("User", insp)] },
    });
    expect((await sup()(REMOVE_TEAM, { id: added.data.addCampaignTeam.id })).data.removeCampaignTeam).toMatchObject({
      teams: [{ name: "第一督查组" }],
    });
    expect((await sup()(REMOVE_TEAM, { id: team })).data.removeCampaignTeam).toEqual(
      refusal([{ path: "id", message: "last team" }]),
    );
    const count = await app.db.prisma.campaign.count();
    const none = await sup()(CREATE_CAMPAIGN, {
      input: {
        inspectionId: gid("Inspection", inspectionId),
        name: "无组",
        startsOn: "2030-01-01",
        endsOn: "2030-02-01",
      },
    });
    expect(none.data.createCampaign).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(await app.db.prisma.campaign.count()).toBe(count);
  });
});

describe("a cancelled campaign", () => {
  it("refuses every edit with a typed error and changes nothing", async () => {
    const c = await app.as("supervisor")(CANCEL, { id: campaign, reason: "合并到下一轮" });
    expect(c.data.cancelCampaign).toMatchObject({ __typename: "Campaign", state: "CANCELLED" });
    const before = await campaignRows(app, campaign);
    expect(before.campaign.cancelledAt).not.toBeNull();
    const all = [...edits, ["cancelCampaign", CANCEL, { id: campaign, reason: "再取消一次" }] as const];
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
