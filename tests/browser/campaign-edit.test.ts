// Correcting a special inspection (专项督查) in phone-sized Chromium against the real server: a supervisor opens a
// planned campaign, is refused a bad period (own check), a too-long office (the server's typed error) and a start
// after a target's own due day (own check, with the count) in Chinese with nothing changed, renames it and moves
// its period once another session has cleared that day (the form keeps what was typed through the re-read),
// removes one target, changes another's methods, renames its team and adds an inspector, then cancels it with a
// reason; the screen then shows 已取消 with the reason and no editing controls. Then, on another campaign, a supervisor adds a team (第2督查组), adds targets
// (the unit's measures not yet targeted, picked with the plan's picker), is refused removing a team that still has
// targets (in Chinese, with the count) and removes the empty one; the last team left cannot be removed (said by the
// form before asking the server). Each step is checked as the server holds it (queried as the supervisor).
// Accessibility checked with axe on each form; CAMPAIGN_SHOTS=<dir> saves screenshots for review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { asSupervisorOf, planCampaign } from "./helpers/campaign.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

const NAME = "2024年第一季度巡视整改专项督查";
const RENAMED = "2024年第一季度巡视整改专项督查（调整）";
const REASON = "上级统一部署，并入第二季度专项督查。";

const SHOTS = process.env.CAMPAIGN_SHOTS ?? null;

let s: Scenario;
let sup: Phone;
let campaignId: string;
let sup2: Phone | undefined;

const asSupervisor = (query: string, variables: object = {}) => asSupervisorOf(s, query, variables);

/** The whole page (CAMPAIGN_SHOTS=dir), to review the 360 px layout. */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/campaign-edit-${name}.png`, fullPage: true });
}

const held = async () =>
  (
    await asSupervisor(
      `query($id: ID!) { node(id: $id) { ... on Campaign { name offices startsOn endsOn actionDueDays state
        cancelReason targets { id methods dueOn } teams { name members { displayName } } } } }`,
      { id: campaignId },
    )
  ).node;

beforeAll(async () => {
  s = await startScenario(4697);
  const list = await asSupervisor(
    `{ problems(first: 5, filter: { section: CONTINUING }) { edges { node { id inspection { id }
      measures { edges { node { id } } } } } } }`,
  );
  const node = list.problems.edges.find((e: any) => e.node.measures.edges.length >= 2).node;
  const measureIds = node.measures.edges.slice(0, 2).map((e: any) => e.node.id);
  campaignId = await planCampaign(s, NAME, ["纪委监委", "市委办"], node.inspection.id, measureIds);
  // The first target has its own due day, early in the period (a later start must not leave it outside).
  const first = (await held()).targets[0].id;
  await asSupervisor(`mutation($id: ID!) { updateCampaignTarget(id: $id, dueOn: "2026-12-03") { __typename } }`, {
    id: first,
  });
  sup = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await sup2?.close();
  await sup?.close();
  await s?.close();
});

describe("a supervisor corrects and cancels a special inspection", () => {
  it("edits name and period, removes a target, changes methods and the team, cancels with a reason", async () => {
    const p = sup.page;
    // Every confirm (remove a target, cancel the campaign) is accepted.
    p.on("dialog", (d) => void d.accept());
    await logIn(p, "supervisor1");
    await p.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await p.getByRole("link", { name: /专项督查/ }).click();
    await p.getByRole("link", { name: new RegExp(NAME) }).click();
    await expect.poll(() => p.getByRole("heading", { name: NAME }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => p.getByText("已完成 0 / 2 项").count(), { timeout: 20_000 }).toBe(1);

    // 1. 编辑: prefilled; a period ending before it starts is refused by the form itself.
    await p.getByRole("button", { name: "编辑", exact: true }).click();
    expect(await p.getByLabel("名称").inputValue()).toBe(NAME);
    expect(await p.getByLabel("参加单位（联同监督）").inputValue()).toBe("纪委监委、市委办");
    expect(await p.getByLabel("开始日期").inputValue()).toBe("2026-12-01");
    expect(await p.getByLabel("结束日期").inputValue()).toBe("2026-12-31");
    expect(await p.getByLabel("整改期限（天）").inputValue()).toBe("10");
    expect(await axeViolations(p)).toEqual([]);
    await p.getByLabel("结束日期").fill("2026-11-01");
    await p.getByRole("button", { name: "保存修改" }).click();
    await expect.poll(() => p.getByText("请填写开始和结束日期，结束不早于开始").count()).toBe(1);

    // The server's typed refusal (an office over 100 characters), in Chinese next to the field; nothing changed.
    await p.getByLabel("结束日期").fill("2027-01-31");
    await p.getByLabel("参加单位（联同监督）").fill(`纪委监委、${"很".repeat(120)}`);
    await p.getByRole("button", { name: "保存修改" }).click();
    await expect.poll(() => p.getByText("参加单位每项不超过 100 字，最多 20 项").count(), { timeout: 20_000 }).toBe(1);
    expect(await p.getByRole("alert").filter({ hasText: "输入有误" }).count()).toBe(1);
    await shot(p, "1-refused");
    expect(await held()).toMatchObject({ name: NAME, offices: ["纪委监委", "市委办"], endsOn: "2026-12-31" });
    expect(await axeViolations(p)).toEqual([]);

    // Renamed, the period moved, the due days changed: the screen shows the new state and the server holds it.
    await p.getByLabel("参加单位（联同监督）").fill("纪委监委、市委办、巡察办");
    await p.getByLabel("名称").fill(RENAMED);
    await p.getByLabel("开始日期").fill("2026-12-05");
    await p.getByLabel("整改期限（天）").fill("15");
    // A start after the first target's own due day is refused by the form itself, with the count, in Chinese.
    await p.getByRole("button", { name: "保存修改" }).click();
    const outside = "有 1 项核查对象的截止日期不在新的督查期间内，请先修改这些核查对象的截止日期";
    await expect.poll(() => p.getByText(outside).count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "1b-targets-outside");
    expect(await held()).toMatchObject({ name: NAME, startsOn: "2026-12-01" });
    // Another session clears that day: the screen re-reads under the open form, which keeps what was typed.
    const dated = (await held()).targets.find((t: any) => t.dueOn);
    expect(await p.getByText("截止 2026-12-03").count()).toBe(1);
    await asSupervisor(`mutation($id: ID!) { updateCampaignTarget(id: $id, dueOn: null) { __typename } }`, {
      id: dated.id,
    });
    await expect.poll(() => p.getByText("截止 2026-12-03").count(), { timeout: 20_000 }).toBe(0);
    expect(await p.getByLabel("名称").inputValue()).toBe(RENAMED);
    expect(await p.getByLabel("开始日期").inputValue()).toBe("2026-12-05");
    await p.getByRole("button", { name: "保存修改" }).click();
    await expect.poll(() => p.getByRole("heading", { name: RENAMED }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => p.getByText("督查时间：2026-12-05 至 2027-01-31").count()).toBe(1);
    expect(await p.getByText("整改期限：发现问题后 15 天").count()).toBe(1);
    // The keyboard is back on the button that opened the form.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe("编辑");
    expect(await held()).toMatchObject({
      name: RENAMED,
      offices: ["纪委监委", "市委办", "巡察办"],
      startsOn: "2026-12-05",
      endsOn: "2027-01-31",
      actionDueDays: 15,
    });

    // 2. One target removed (after the confirm), the other's methods changed to 走访 and 台账.
    await p
      .getByRole("button", { name: /^移除：/ })
      .first()
      .click();
    await expect.poll(() => p.getByText("已完成 0 / 1 项").count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).targets).toHaveLength(1);
    await p.getByRole("button", { name: /^修改核查安排：/ }).click();
    await p.getByRole("checkbox", { name: "台账" }).check();
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "2-methods");
    await p.getByRole("button", { name: "保存核查安排" }).click();
    await expect.poll(() => p.getByText("走访、台账").count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).targets.map((t: any) => t.methods)).toEqual([["SITE_VISIT", "LEDGER_CHECK"]]);
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^修改核查安排：/);

    // 3. 修改督查组: a team without inspectors is refused by the form; renamed and with 王主任 added it is saved.
    await p.getByRole("button", { name: "修改督查组" }).click();
    expect(await p.getByLabel("第 1 组的组名").inputValue()).toBe("第一督查组");
    await p.getByRole("checkbox", { name: "李督查" }).uncheck();
    await p.getByRole("button", { name: "保存督查组" }).click();
    await expect.poll(() => p.getByText("请填写组名并至少选择一名督查人员").count()).toBe(1);
    await p.getByRole("checkbox", { name: "李督查" }).check();
    await p.getByRole("checkbox", { name: "王主任" }).check();
    await p.getByLabel("第 1 组的组名").fill("第一组（联合）");
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "3-teams");
    await p.getByRole("button", { name: "保存督查组" }).click();
    await expect.poll(() => p.getByText("第一组（联合）：李督查、王主任").count(), { timeout: 20_000 }).toBe(1);
    expect((await held()).teams).toEqual([
      {
        name: "第一组（联合）",
        members: expect.arrayContaining([{ displayName: "李督查" }, { displayName: "王主任" }]),
      },
    ]);

    // 4. 取消专项督查: a reason is required, then the confirm; the screen shows it cancelled, read-only.
    await p.getByRole("button", { name: "取消专项督查" }).click();
    await p.getByRole("button", { name: "确认取消专项督查" }).click();
    await expect.poll(() => p.getByText("请填写取消理由（至少 2 个字）").count()).toBe(1);
    expect((await held()).state).not.toBe("CANCELLED");
    await p.getByLabel("取消理由").fill(REASON);
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole("button", { name: "确认取消专项督查" }).click();
    await expect
      .poll(() => p.getByText(new RegExp(`^已取消（.+）。取消理由：${REASON}$`)).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await p.getByRole("button", { name: "编辑", exact: true }).count()).toBe(0);
    expect(
      await p
        .getByRole("button", { name: /^移除：|^修改核查安排：|取消专项督查|^删除督查组：|添加督查组|添加核查对象/ })
        .count(),
    ).toBe(0);
    expect(await held()).toMatchObject({ state: "CANCELLED", cancelReason: REASON });
    await shot(p, "4-cancelled");
    expect(await axeViolations(p)).toEqual([]);
  }, 420_000);
});

const GROWN = "2024年第二季度巡视整改专项督查";
const UNIT = "市财政局";

describe("a supervisor grows a special inspection", () => {
  it("adds a team, adds targets not yet targeted, is refused removing a team with targets, removes the empty one, keeps the last", async () => {
    // A unit answers for three measures of one problem: the campaign targets the first, the picker offers the rest.
    const unit = await gqlAt(
      s.app.url,
      `mutation { createUnit(name: "${UNIT}") { ... on Unit { id } } }`,
      {},
      s.adminToken,
    );
    const list = await asSupervisor(
      `{ problems(first: 20, filter: { section: CONTINUING }) { edges { node { inspection { id }
        measures { edges { node { id } } } } } } }`,
    );
    const node = list.problems.edges.find((e: any) => e.node.measures.edges.length >= 3).node;
    const measures: string[] = node.measures.edges.slice(0, 3).map((e: any) => e.node.id);
    for (const m of measures) {
      await asSupervisor(
        `mutation($id: ID!, $u: ID!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: "2099-12-31" }) { __typename } }`,
        { id: m, u: unit.data.createUnit.id },
      );
    }
    const grownId = await planCampaign(s, GROWN, ["纪委监委"], node.inspection.id, [measures[0]!]);
    const grown = async () =>
      (
        await asSupervisor(
          `query($id: ID!) { node(id: $id) { ... on Campaign { teams { name members { displayName } }
            targets { methods measure { id } team { name } } } } }`,
          { id: grownId },
        )
      ).node;

    sup2 = await launchPhone(s.app.url);
    const p = sup2.page;
    p.on("dialog", (d) => void d.accept());
    await logIn(p, "supervisor1");
    await p.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await p.getByRole("link", { name: /专项督查/ }).click();
    await p.getByRole("link", { name: new RegExp(GROWN) }).click();
    await expect.poll(() => p.getByText("已完成 0 / 1 项").count(), { timeout: 20_000 }).toBe(1);

    // 1. 添加督查组: named after the campaign's teams; without inspectors the form refuses it.
    await p.getByRole("button", { name: "添加督查组" }).click();
    expect(await p.getByLabel("第 2 组的组名").inputValue()).toBe("第2督查组");
    await p.getByRole("button", { name: "保存新督查组" }).click();
    await expect.poll(() => p.getByText("请填写组名并至少选择一名督查人员").count()).toBe(1);
    await p.getByRole("checkbox", { name: "王主任" }).check();
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "5-add-team");
    await p.getByRole("button", { name: "保存新督查组" }).click();
    await expect.poll(() => p.getByText("第2督查组：王主任").count(), { timeout: 20_000 }).toBe(1);
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe("添加督查组");
    const teams = (await grown()).teams;
    expect(teams).toHaveLength(2);
    expect(teams).toEqual(
      expect.arrayContaining([
        { name: "第一督查组", members: [{ displayName: "李督查" }] },
        { name: "第2督查组", members: [{ displayName: "王主任" }] },
      ]),
    );

    // 2. 添加核查对象: the unit's measures less the one already targeted; all picked, with 台账 added to the first.
    await p.getByRole("button", { name: "添加核查对象" }).click();
    await p.getByRole("checkbox", { name: UNIT, exact: true }).check();
    const left = measures.length - 1;
    await expect.poll(() => p.getByText(`符合条件的措施 ${left} 项`).count()).toBe(1);
    await p.getByRole("button", { name: "全选符合条件的措施" }).click();
    await expect.poll(() => p.getByText(`已选 ${left} 项`).count()).toBe(1);
    await p
      .getByRole("group", { name: /的核查方式$/ })
      .first()
      .getByRole("checkbox", { name: "台账" })
      .check();
    // With two teams each pick names its team: all go to 第一督查组.
    const teamSelects = p.getByRole("combobox", { name: /由哪个督查组核查$/ });
    expect(await teamSelects.count()).toBe(left);
    for (let i = 0; i < left; i++) await teamSelects.nth(i).selectOption({ label: "第一督查组" });
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "6-add-targets");
    await p.getByRole("button", { name: "保存所选核查对象" }).click();
    await expect.poll(() => p.getByText(`已完成 0 / ${measures.length} 项`).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => p.getByRole("status").textContent()).toContain(`已添加 ${left} 项核查对象，跳过 0 项`);
    const targets = (await grown()).targets;
    expect(targets.map((t: any) => t.measure.id).sort()).toEqual([...measures].sort());
    expect(targets.filter((t: any) => t.methods.includes("LEDGER_CHECK"))).toHaveLength(1);
    expect(targets.every((t: any) => t.team.name === "第一督查组")).toBe(true);

    // 3. Removing 第一督查组 (it has every target) is refused by the server, in Chinese; 第2督查组 is removed.
    await p.getByRole("button", { name: "删除督查组：第一督查组" }).click();
    await expect
      .poll(() => p.getByText(`不能删除第一督查组：该组还有 ${measures.length} 项核查对象`, { exact: false }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect((await grown()).teams).toHaveLength(2);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "7-remove-refused");
    await p.getByRole("button", { name: "删除督查组：第2督查组" }).click();
    await expect.poll(() => p.getByText("第2督查组：王主任").count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => p.getByRole("status").textContent()).toContain("已删除督查组：第2督查组");
    expect((await grown()).teams).toEqual([{ name: "第一督查组", members: [{ displayName: "李督查" }] }]);

    // 4. 第一督查组 is now the campaign's last team: a campaign without a team cannot be worked on.
    await p.getByRole("button", { name: "删除督查组：第一督查组" }).click();
    await expect.poll(() => p.getByText("不能删除第一督查组：专项督查至少要有一个督查组").count()).toBe(1);
    expect((await grown()).teams).toHaveLength(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "8-last-team");
    await sup2.close();
    sup2 = undefined;
  }, 420_000);
});
