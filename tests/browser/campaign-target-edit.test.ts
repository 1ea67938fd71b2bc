// Re-planning one target of a running special inspection in phone-sized Chromium against the real server: a
// supervisor opens the target's editor (methods, team, own due day), is refused a team removed meanwhile (the
// server's typed error, in Chinese, nothing changed), then moves the target to 第二督查组 and gives it its own due
// day; the screen shows the new team and day and the server holds them; clearing the day falls back to the
// campaign's end. Then the form survives the screen's live re-reads: what is typed stays while another session adds a
// team (and is what is saved), a due day outside the period is refused by the form itself, and a target removed
// meanwhile is said so in its form, with nothing saved. Accessibility checked with axe on the form;
// CAMPAIGN_SHOTS=<dir> saves screenshots for review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { asSupervisorOf, openCampaign, planCampaign } from "./helpers/campaign.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

const NAME = "2024年第三季度巡视整改专项督查";
const SHOTS = process.env.CAMPAIGN_SHOTS ?? null;

let s: Scenario;
let sup: Phone;
let campaignId: string;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/campaign-target-edit-${name}.png`, fullPage: true });
}

const held = async () =>
  (
    await asSupervisorOf(
      s,
      `query($id: ID!) { node(id: $id) { ... on Campaign { teams { id name }
        targets { methods dueOn due team { name } } } } }`,
      { id: campaignId },
    )
  ).node;

beforeAll(async () => {
  s = await startScenario(4698);
  const list = await asSupervisorOf(
    s,
    `{ problems(first: 5, filter: { section: CONTINUING }) { edges { node { inspection { id }
      measures { edges { node { id } } } } } } }`,
  );
  const node = list.problems.edges.find((e: any) => e.node.measures.edges.length >= 1).node;
  campaignId = await planCampaign(
    s,
    NAME,
    ["纪委监委"],
    node.inspection.id,
    [node.measures.edges[0].node.id],
    [
      { name: "第一督查组", members: ["李督查"] },
      { name: "第二督查组", members: ["王主任"] },
      { name: "第三督查组", members: ["李督查"] },
    ],
  );
  sup = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await sup?.close();
  await s?.close();
});

describe("a supervisor re-plans one target of a special inspection", () => {
  it("moves the target to another team and gives it its own due day", async () => {
    const p = sup.page;
    await logIn(p, "supervisor1");
    await openCampaign(p, NAME);
    const row = p.getByRole("listitem").filter({ has: p.getByRole("button", { name: /^修改核查安排：/ }) });
    await expect.poll(() => row.getByText("截止 2026-12-31").count(), { timeout: 20_000 }).toBe(1);

    // The editor, prefilled: the target's team, no own due day (the campaign's end applies).
    await p.getByRole("button", { name: /^修改核查安排：/ }).click();
    const team = p.getByRole("combobox", { name: /由哪个督查组核查$/ });
    const due = p.getByLabel(/的截止日期$/);
    const teamIds = new Map<string, string>((await held()).teams.map((t: any) => [t.name, t.id]));
    expect(await team.inputValue()).toBe(teamIds.get("第一督查组"));
    expect(await due.inputValue()).toBe("");
    expect((await team.locator("option").allTextContents()).sort()).toEqual(["第一督查组", "第三督查组", "第二督查组"]);
    expect(await axeViolations(p)).toEqual([]);

    // 第三督查组 is removed (through the API) while the form offers it: the server refuses, in Chinese; nothing changed.
    await team.selectOption({ label: "第三督查组" });
    const removed = await asSupervisorOf(s, `mutation($id: ID!) { removeCampaignTeam(id: $id) { __typename } }`, {
      id: teamIds.get("第三督查组"),
    });
    expect(removed.removeCampaignTeam.__typename).toBe("Campaign");
    await p.getByRole("button", { name: "保存核查安排" }).click();
    await expect
      .poll(() => p.getByText("请选择本专项督查的督查组（该组可能已被删除）").count(), { timeout: 20_000 })
      .toBe(1);
    expect(await p.getByRole("alert").filter({ hasText: "输入有误" }).count()).toBe(1);
    expect((await held()).targets).toEqual([
      { methods: ["SITE_VISIT"], dueOn: null, due: "2026-12-31", team: { name: "第一督查组" } },
    ]);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "1-refused");

    // The screen's live re-read after the removal may land late on a busy machine: wait for it (the select no longer
    // offers 第三督查组) before filling the form again, so that what is saved is what this test typed.
    await expect
      .poll(async () => (await team.locator("option").allTextContents()).sort(), { timeout: 20_000 })
      .toEqual(["第一督查组", "第二督查组"]);

    // Moved to 第二督查组 with its own due day: the row shows both, the server holds them, the keyboard is back.
    await team.selectOption({ label: "第二督查组" });
    expect(await p.getByText("请选择本专项督查的督查组（该组可能已被删除）").count()).toBe(0);
    await due.fill("2026-12-20");
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "2-form");
    await p.getByRole("button", { name: "保存核查安排" }).click();
    await expect.poll(() => row.getByText("截止 2026-12-20").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => row.getByText("第二督查组", { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).targets).toEqual([
      { methods: ["SITE_VISIT"], dueOn: "2026-12-20", due: "2026-12-20", team: { name: "第二督查组" } },
    ]);
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^修改核查安排：/);
    await shot(p, "3-saved");

    // Clearing the day (Enter saves from the keyboard): the campaign's end applies again; the team stays.
    await p.getByRole("button", { name: /^修改核查安排：/ }).click();
    expect(await due.inputValue()).toBe("2026-12-20");
    await due.fill("");
    await due.press("Enter");
    await expect.poll(() => row.getByText("截止 2026-12-31").count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).targets).toEqual([
      { methods: ["SITE_VISIT"], dueOn: null, due: "2026-12-31", team: { name: "第二督查组" } },
    ]);
  }, 420_000);

  it("keeps what is typed while the screen re-reads underneath, and saves it", async () => {
    const p = sup.page;
    const row = p.getByRole("listitem").filter({ has: p.getByRole("button", { name: /^修改核查安排：/ }) });
    await p.getByRole("button", { name: /^修改核查安排：/ }).click();
    const team = p.getByRole("combobox", { name: /由哪个督查组核查$/ });
    const due = p.getByLabel(/的截止日期$/);
    const teamIds = new Map<string, string>((await held()).teams.map((t: any) => [t.name, t.id]));
    expect(await team.inputValue()).toBe(teamIds.get("第二督查组"));
    await team.selectOption({ label: "第一督查组" });
    await due.fill("2026-12-24");

    // Another session (the supervisor's token, through the API) adds a team: the screen re-reads the campaign,
    // the form offers the new team and still holds what was typed.
    const added = await asSupervisorOf(
      s,
      `mutation($c: ID!, $team: CampaignTeamInput!) { addCampaignTeam(campaignId: $c, team: $team) { __typename } }`,
      { c: campaignId, team: { name: "第四督查组", memberIds: [] } },
    );
    expect(added.addCampaignTeam.__typename).toBe("CampaignTeam");
    await expect
      .poll(async () => (await team.locator("option").allTextContents()).sort(), { timeout: 20_000 })
      .toEqual(["第一督查组", "第二督查组", "第四督查组"]);
    expect(await team.inputValue()).toBe(teamIds.get("第一督查组"));
    expect(await due.inputValue()).toBe("2026-12-24");

    // A day after the campaign's end is refused by the form itself (the server would refuse it too).
    await due.fill("2027-01-05");
    await p.getByRole("button", { name: "保存核查安排" }).click();
    await expect
      .poll(() => p.getByText("截止日期须在专项督查期间内（2026-12-01 至 2026-12-31）").count(), { timeout: 20_000 })
      .toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "4-outside");
    await due.fill("2026-12-24");
    await p.getByRole("button", { name: "保存核查安排" }).click();
    await expect.poll(() => row.getByText("截止 2026-12-24").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => row.getByText("第一督查组", { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).targets).toEqual([
      { methods: ["SITE_VISIT"], dueOn: "2026-12-24", due: "2026-12-24", team: { name: "第一督查组" } },
    ]);
  }, 420_000);

  it("says so when the target it edits is removed meanwhile, and saves nothing", async () => {
    const p = sup.page;
    await p.getByRole("button", { name: /^修改核查安排：/ }).click();
    const due = p.getByLabel(/的截止日期$/);
    await due.fill("2026-12-10");
    const ids = await asSupervisorOf(s, `query($id: ID!) { node(id: $id) { ... on Campaign { targets { id } } } }`, {
      id: campaignId,
    });
    const removed = await asSupervisorOf(s, `mutation($id: ID!) { removeCampaignTarget(id: $id) { __typename } }`, {
      id: ids.node.targets[0].id,
    });
    expect(removed.removeCampaignTarget.__typename).toBe("Campaign");
    await expect
      .poll(() => p.getByText("该核查对象已被移除（可能是他人刚刚移除的），修改无法保存").count(), { timeout: 20_000 })
      .toBe(1);
    expect(await due.inputValue()).toBe("2026-12-10");
    expect(await p.getByRole("button", { name: "保存核查安排" }).isDisabled()).toBe(true);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "5-gone");
    await p.getByRole("button", { name: "放弃修改" }).click();
    expect(await p.getByRole("button", { name: /^修改核查安排：/ }).count()).toBe(0);
    expect((await held()).targets).toEqual([]);
  }, 420_000);
});
