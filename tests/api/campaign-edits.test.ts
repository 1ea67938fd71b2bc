// Editing a campaign end to end over real HTTP (TEST_DB=pglite|postgres): a patch changes only what it names,
// teams are added, renamed, re-staffed and removed (not while they have targets), targets are added, moved,
// re-planned and removed; every refusal is a typed error that leaves the database as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { ADD_TARGETS, extraUser, gid } from "../helpers/campaigns.ts";
import {
  ADD_TEAM,
  campaignRows,
  planCampaign,
  rawOf,
  REMOVE_TARGET,
  REMOVE_TEAM,
  UPDATE_CAMPAIGN,
  UPDATE_TARGET,
  UPDATE_TEAM,
  unknownId,
} from "../helpers/campaign-edits.ts";

let app: TestApp;
let inspectionId: string;
let m1: string, m2: string, m3: string;
let insp: string, insp2: string, liaison: string;
let campaign: string, team1: string, team2: string, otherTeam: string;
const sup = () => app.as("supervisor");
const refused = (data: Record<string, unknown> | undefined, field: string, type = "ValidationError") =>
  expect(data?.[field]).toMatchObject({
    __typename: type,
    code: type === "ValidationError" ? "VALIDATION_FAILED" : "NOT_FOUND",
  });
const audits = (action: string, entityId: string) => app.db.prisma.auditEvent.findMany({ where: { action, entityId } });
const targetOf = (measureId: string) =>
  app.db.prisma.campaignTarget.findFirstOrThrow({ where: { campaignId: rawOf(campaign), measureId } });

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.prisma;
  const problem = await p.problem.findFirstOrThrow({
    where: { section: "CONTINUING", measures: { some: { number: 3 } } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  inspectionId = problem.inspectionId;
  [m1, m2, m3] = problem.measures.map((m) => m.id) as [string, string, string];
  insp = (await p.user.findUniqueOrThrow({ where: { username: "insp" } })).id;
  liaison = (await p.user.findUniqueOrThrow({ where: { username: "liaison-a" } })).id;
  insp2 = (await extraUser(app, "insp2", "INSPECTOR")).id;
  const c = await planCampaign(app, inspectionId, "专项督查", { 第二督查组: [insp2], 第一督查组: [insp] });
  [campaign, team1, team2] = [c.id, c.team("第一督查组"), c.team("第二督查组")];
  otherTeam = (await planCampaign(app, inspectionId, "另一轮督查", { 其他组: [insp] })).team("其他组");
  const r = await sup()(ADD_TARGETS, {
    c: campaign,
    input: { teamId: team1, methods: ["SITE_VISIT"], measureIds: [gid("Measure", m1), gid("Measure", m2)] },
  });
  expect(r.data.addCampaignTargets.added).toHaveLength(2);
}, 180_000);
afterAll(async () => app?.close());

describe("updateCampaign", () => {
  it("a patch changes only what it names, and is audited with before and after", async () => {
    const before = (await campaignRows(app, campaign)).campaign;
    const r = await sup()(UPDATE_CAMPAIGN, { id: campaign, input: { name: "  2024年第二季度专项督查 " } });
    expect(r.data.updateCampaign).toMatchObject({ __typename: "Campaign", name: "2024年第二季度专项督查" });
    let after = (await campaignRows(app, campaign)).campaign;
    expect(after).toMatchObject({ ...before, name: "2024年第二季度专项督查", updatedAt: expect.any(Date) });
    const r2 = await sup()(UPDATE_CAMPAIGN, {
      id: campaign,
      input: { offices: ["市委办", "巡察办"], endsOn: "2030-06-30", actionDueDays: 5 },
    });
    expect(r2.data.updateCampaign).toMatchObject({ endsOn: "2030-06-30", actionDueDays: 5 });
    after = (await campaignRows(app, campaign)).campaign;
    expect(after).toMatchObject({
      name: "2024年第二季度专项督查",
      offices: ["市委办", "巡察办"],
      startsOn: before.startsOn,
      endsOn: new Date("2030-06-30T00:00:00Z"),
      actionDueDays: 5,
    });
    const events = await audits("updateCampaign", rawOf(campaign));
    expect(events.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { before: { name: "专项督查" }, after: { name: "2024年第二季度专项督查" } },
        expect.objectContaining({ before: expect.objectContaining({ actionDueDays: 10, offices: ["纪委监委"] }) }),
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it("refuses bad input and unknown or mistyped ids with a typed error, changing nothing", async () => {
    const before = await campaignRows(app, campaign);
    for (const input of [
      { name: " " },
      { actionDueDays: 0 },
      { offices: [""] },
      { endsOn: "2019-12-31" },
      { startsOn: "2031-01-01" },
      { name: "好名字", endsOn: "2019-12-31" },
    ]) {
      refused((await sup()(UPDATE_CAMPAIGN, { id: campaign, input })).data, "updateCampaign");
    }
    refused(
      (await sup()(UPDATE_CAMPAIGN, { id: unknownId("Campaign"), input: { name: "x" } })).data,
      "updateCampaign",
      "NotFoundError",
    );
    refused((await sup()(UPDATE_CAMPAIGN, { id: team1, input: { name: "x" } })).data, "updateCampaign");
    expect(await campaignRows(app, campaign)).toEqual(before);
  });
});

describe("teams", () => {
  it("teams are listed as planned (not by name), and a team added later after them", async () => {
    const r = await sup()(ADD_TEAM, {
      campaignId: campaign,
      team: { name: "第0督查组", memberIds: [gid("User", insp)] },
    });
    expect(r.data.addCampaignTeam).toMatchObject({ __typename: "CampaignTeam", name: "第0督查组" });
    const row = await app.db.prisma.campaignTeam.findUniqueOrThrow({
      where: { id: rawOf(r.data.addCampaignTeam.id) },
      include: { members: true },
    });
    expect(row.members.map((m) => m.userId)).toEqual([insp]);
    expect(await audits("addCampaignTeam", row.id)).toHaveLength(1);
    const q = `query($id: ID!) { node(id: $id) { ... on Campaign { teams { name } } } }`;
    // planned 第二 then 第一 (by name 第一 would come first), then the one added (by name it would be first of all)
    expect((await sup()(q, { id: campaign })).data.node.teams).toEqual([
      { name: "第二督查组" },
      { name: "第一督查组" },
      { name: "第0督查组" },
    ]);
  });

  it("adding refuses a duplicate or blank name, a non-inspector member and an unknown campaign", async () => {
    const before = await campaignRows(app, campaign);
    const add = (c: string, name: string, ids: string[]) =>
      sup()(ADD_TEAM, { campaignId: c, team: { name, memberIds: ids.map((id) => gid("User", id)) } });
    refused((await add(campaign, "第一督查组", [insp])).data, "addCampaignTeam");
    refused((await add(campaign, "  ", [insp])).data, "addCampaignTeam");
    refused((await add(campaign, "第四督查组", [insp, liaison])).data, "addCampaignTeam");
    refused((await add(unknownId("Campaign"), "第四督查组", [insp])).data, "addCampaignTeam", "NotFoundError");
    expect(await campaignRows(app, campaign)).toEqual(before);
  });

  it("renames a team and replaces its members; a patch leaves what it does not name", async () => {
    const id = (await app.db.prisma.campaignTeam.findFirstOrThrow({ where: { name: "第0督查组" } })).id;
    const members = async () =>
      (await app.db.prisma.campaignTeamMember.findMany({ where: { teamId: id } })).map((m) => m.userId).sort();
    const r = await sup()(UPDATE_TEAM, { id: gid("CampaignTeam", id), name: "第三督查组" });
    expect(r.data.updateCampaignTeam).toMatchObject({ __typename: "CampaignTeam", name: "第三督查组" });
    expect(await members()).toEqual([insp]);
    await sup()(UPDATE_TEAM, { id: gid("CampaignTeam", id), memberIds: [gid("User", insp), gid("User", insp2)] });
    expect(await app.db.prisma.campaignTeam.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "第三督查组" });
    expect(await members()).toEqual([insp, insp2].sort());
    await sup()(UPDATE_TEAM, { id: gid("CampaignTeam", id), name: "第三组", memberIds: [gid("User", insp2)] });
    expect(await app.db.prisma.campaignTeam.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "第三组" });
    expect(await members()).toEqual([insp2]);
    expect(await audits("updateCampaignTeam", id)).toHaveLength(3);
  });

  it("updating refuses a taken or blank name, a liaison member (renaming nothing either) and an unknown id", async () => {
    const before = await campaignRows(app, campaign);
    const update = (vars: Record<string, unknown>) => sup()(UPDATE_TEAM, { id: team2, ...vars });
    refused((await update({ name: "第一督查组" })).data, "updateCampaignTeam");
    refused((await update({ name: " " })).data, "updateCampaignTeam");
    refused((await update({ name: "新名字", memberIds: [gid("User", liaison)] })).data, "updateCampaignTeam");
    refused((await update({ id: unknownId("CampaignTeam"), name: "x" })).data, "updateCampaignTeam", "NotFoundError");
    expect(await campaignRows(app, campaign)).toEqual(before);
  });

  it("removing refuses a team with targets and an unknown id; an empty team goes, audited", async () => {
    let before = await campaignRows(app, campaign);
    refused((await sup()(REMOVE_TEAM, { id: team1 })).data, "removeCampaignTeam");
    refused((await sup()(REMOVE_TEAM, { id: unknownId("CampaignTeam") })).data, "removeCampaignTeam", "NotFoundError");
    expect(await campaignRows(app, campaign)).toEqual(before);
    const empty = (await app.db.prisma.campaignTeam.findFirstOrThrow({ where: { name: "第三组" } })).id;
    const r = await sup()(REMOVE_TEAM, { id: gid("CampaignTeam", empty) });
    expect(r.data.removeCampaignTeam.teams).toEqual([{ name: "第二督查组" }, { name: "第一督查组" }]);
    before = await campaignRows(app, campaign);
    expect(before.teams.map((t) => t.name).sort()).toEqual(["第一督查组", "第二督查组"].sort());
    expect(await app.db.prisma.campaignTeamMember.count({ where: { teamId: empty } })).toBe(0);
    expect(await audits("removeCampaignTeam", empty)).toHaveLength(1);
  });
});

describe("targets", () => {
  it("adding picks only what is missing and refuses a team of another campaign", async () => {
    const picked = [m1, m2, m3].map((m) => gid("Measure", m));
    const before = await campaignRows(app, campaign);
    refused(
      (
        await sup()(ADD_TARGETS, {
          c: campaign,
          input: { teamId: otherTeam, methods: ["SITE_VISIT"], measureIds: picked },
        })
      ).data,
      "addCampaignTargets",
    );
    expect(await campaignRows(app, campaign)).toEqual(before);
    const r = await sup()(ADD_TARGETS, {
      c: campaign,
      input: { teamId: team2, methods: ["ONSITE_QUESTIONING"], measureIds: picked },
    });
    expect(r.data.addCampaignTargets).toMatchObject({ skipped: 2, added: [{ measure: { id: gid("Measure", m3) } }] });
    const after = await campaignRows(app, campaign);
    expect(after.targets.filter((t) => t.measureId !== m3)).toEqual(before.targets);
    expect(await targetOf(m3)).toMatchObject({ teamId: rawOf(team2), methods: ["ONSITE_QUESTIONING"], dueOn: null });
  });

  it("updating refuses no methods, a method twice, another campaign's team and an unknown id", async () => {
    const id = gid("CampaignTarget", (await targetOf(m3)).id);
    const before = await campaignRows(app, campaign);
    refused((await sup()(UPDATE_TARGET, { id, methods: [] })).data, "updateCampaignTarget");
    refused((await sup()(UPDATE_TARGET, { id, methods: ["SITE_VISIT", "SITE_VISIT"] })).data, "updateCampaignTarget");
    refused((await sup()(UPDATE_TARGET, { id, teamId: otherTeam })).data, "updateCampaignTarget");
    refused((await sup()(UPDATE_TARGET, { id, teamId: unknownId("CampaignTeam") })).data, "updateCampaignTarget");
    refused(
      (await sup()(UPDATE_TARGET, { id: unknownId("CampaignTarget"), methods: ["SITE_VISIT"] })).data,
      "updateCampaignTarget",
      "NotFoundError",
    );
    expect(await campaignRows(app, campaign)).toEqual(before);
  });

  it("moves a target to another team of the campaign and re-plans its methods and due day; a patch keeps the rest", async () => {
    const target = await targetOf(m3);
    const id = gid("CampaignTarget", target.id);
    const r = await sup()(UPDATE_TARGET, {
      id,
      teamId: team1,
      methods: ["LEDGER_CHECK", "SITE_VISIT"],
      dueOn: "2030-01-15",
    });
    expect(r.data.updateCampaignTarget).toMatchObject({ team: { name: "第一督查组" }, dueOn: "2030-01-15" });
    expect(await targetOf(m3)).toEqual({
      ...target,
      teamId: rawOf(team1),
      methods: ["LEDGER_CHECK", "SITE_VISIT"],
      dueOn: new Date("2030-01-15T00:00:00Z"),
    });
    await sup()(UPDATE_TARGET, { id, dueOn: null });
    expect(await targetOf(m3)).toMatchObject({
      teamId: rawOf(team1),
      methods: ["LEDGER_CHECK", "SITE_VISIT"],
      dueOn: null,
    });
    expect(await audits("updateCampaignTarget", target.id)).toHaveLength(2);
  });

  it("the team emptied by the move can now be removed", async () => {
    const r = await sup()(REMOVE_TEAM, { id: team2 });
    expect(r.data.removeCampaignTeam).toMatchObject({ __typename: "Campaign", teams: [{ name: "第一督查组" }] });
    expect(await app.db.prisma.campaignTeam.count({ where: { id: rawOf(team2) } })).toBe(0);
  });

  it("removes a target, audited; an unknown one is a typed error", async () => {
    const target = await targetOf(m2);
    const r = await sup()(REMOVE_TARGET, { id: gid("CampaignTarget", target.id) });
    expect(r.data.removeCampaignTarget.targets).toHaveLength(2);
    const rows = await campaignRows(app, campaign);
    expect(rows.targets.map((t) => t.measureId).sort()).toEqual([m1, m3].sort());
    expect(await audits("removeCampaignTarget", target.id)).toHaveLength(1);
    refused(
      (await sup()(REMOVE_TARGET, { id: unknownId("CampaignTarget") })).data,
      "removeCampaignTarget",
      "NotFoundError",
    );
    expect(await campaignRows(app, campaign)).toEqual(rows);
  });
});
