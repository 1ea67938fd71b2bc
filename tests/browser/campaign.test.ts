// A special inspection (专项督查) end to end in phone-sized Chromium against the real server: a supervisor plans a
// campaign with two targets for a team; the inspector, offline, sees both on the home screen and records a site
// visit rated 发现问题 on one; back online it syncs, the unit's liaison sees the action (督促整改事项) on its home and
// answers with a photo; the inspector confirms; coverage shows 1 of 2 done and links the campaign report.
// Accessibility checked with axe on each new screen; CAMPAIGN_SHOTS=<dir> saves screenshots for review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, PASSWORD, save, startScenario, type Scenario } from "./helpers/scenario.ts";
import { makePng } from "../helpers/evidence-files.ts";

const SHOTS = process.env.CAMPAIGN_SHOTS ?? null;
const NAME = "2024年第一季度巡视整改专项督查";
const FINDING = "公示栏未更新，群众反映的问题尚未整改。";
const ANSWER = "已更新公示栏，逐户回访反映问题的群众。";
const PHOTO = { name: "整改照片.png", mimeType: "image/png", buffer: makePng(600, 400) };

let s: Scenario;
let sup: Phone;
let insp: Phone;
let liaison: Phone;
let problem: { gid: string; number: number; measures: string[] };

async function asSupervisor(query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** What the phone shows (CAMPAIGN_SHOTS=dir): the viewport, scrolled to `at` when given. */
async function shot(page: Page, name: string, at?: Locator) {
  if (!SHOTS) return;
  if (at) await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/campaign-${name}.png` });
}

const actions = async () =>
  (
    await asSupervisor(`{ rectificationActions(first: 10) { edges { node { id status findings } } } }`)
  ).rectificationActions.edges.map((e: any) => e.node);

beforeAll(async () => {
  s = await startScenario(4693);
  const unit = await gqlAt(
    s.app.url,
    `mutation { createUnit(name: "市财政局") { ... on Unit { id } } }`,
    {},
    s.adminToken,
  );
  const unitId = unit.data.createUnit.id;
  await gqlAt(
    s.app.url,
    `mutation($u: ID!, $p: String!) { createUser(username: "liaison1", displayName: "财政局联络员", password: $p, role: UNIT_LIAISON, unitId: $u) { __typename } }`,
    { u: unitId, p: PASSWORD },
    s.adminToken,
  );
  const list = await asSupervisor(
    `{ problems(first: 5, filter: { section: CONTINUING }) { edges { node { id number measures { edges { node { id } } } } } } }`,
  );
  const node = list.problems.edges.find((e: any) => e.node.measures.edges.length >= 2).node;
  problem = { gid: node.id, number: node.number, measures: node.measures.edges.slice(0, 2).map((e: any) => e.node.id) };
  // The unit answers for exactly these two measures: the planner's unit filter finds the two.
  for (const m of problem.measures) {
    await asSupervisor(
      `mutation($id: ID!, $u: ID!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: "2099-12-31" }) { __typename } }`,
      { id: m, u: unitId },
    );
  }
  sup = await launchPhone(s.app.url);
  insp = await launchPhone(s.app.url);
  liaison = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await sup?.close();
  await insp?.close();
  await liaison?.close();
  await s?.close();
});

describe("a special inspection closes the loop on a finding", () => {
  it("plans, records offline, opens an action, the unit answers, the inspector confirms, coverage moves", async () => {
    // 1. The supervisor plans the campaign: one team (李督查), the unit's two measures, site visits.
    const p = sup.page;
    await logIn(p, "supervisor1");
    await p.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await p.getByRole("link", { name: /专项督查/ }).click();
    await p.getByRole("link", { name: "计划专项督查" }).click();
    await p.getByLabel("名称").fill(NAME);
    await p.getByLabel("参加单位（联同监督）").fill("纪委监委、市委办、巡察办");
    await p.getByRole("checkbox", { name: "李督查" }).check();
    await p.getByRole("checkbox", { name: "市财政局", exact: true }).check();
    await expect.poll(() => p.getByText("符合条件的措施 2 项").count()).toBe(1);
    await p.getByRole("button", { name: "全选符合条件的措施" }).click();
    await expect.poll(() => p.getByText("已选 2 项").count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "1-plan", p.getByText("已选 2 项"));
    await p.getByRole("button", { name: "创建专项督查" }).click();
    await expect.poll(() => p.getByRole("heading", { name: NAME }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => p.getByText("已完成 0 / 2 项").count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "2-coverage-empty", p.getByRole("heading", { name: "覆盖情况" }));

    // 2. The inspector downloads the working set online, then goes offline: both targets show, with what to do.
    const ip = insp.page;
    await logIn(ip, "inspector1");
    await ip.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await insp.setOffline(true);
    await ip.reload();
    await expect.poll(() => ip.getByRole("heading", { name: "我的专项督查任务" }).count(), { timeout: 20_000 }).toBe(1);
    const starts = ip.getByRole("link", { name: /^开始走访：/ });
    await expect.poll(() => starts.count()).toBe(2);
    expect(await ip.getByText("2 项核查对象，尚有 2 项未完成").count()).toBe(1);
    expect(await axeViolations(ip)).toEqual([]);
    await shot(ip, "3-inspector-offline", ip.getByRole("heading", { name: "我的专项督查任务" }));

    // A site visit rated 发现问题 on the first target, preselected with its measure and method.
    await starts.first().click();
    await expect.poll(() => ip.getByText(/专项督查“.+”的核查对象/).count(), { timeout: 20_000 }).toBe(1);
    expect(await ip.getByRole("radio", { name: "实地走访" }).isChecked()).toBe(true);
    await ip.getByLabel("走访地点").fill("虞山街道公示栏");
    await ip.getByLabel("现场所见").fill("公示内容仍为上月。");
    await ip.getByLabel("核查结论").fill(FINDING);
    await ip.getByRole("radio", { name: "发现问题" }).check();
    expect(await axeViolations(ip)).toEqual([]);
    await save(ip);
    // Counted at once on the phone: one target left, the other waiting to sync.
    await ip.goto("/");
    await expect.poll(() => ip.getByText("2 项核查对象，尚有 1 项未完成").count(), { timeout: 20_000 }).toBe(1);
    expect(await ip.getByText("已记录、待同步：走访").count()).toBe(1);
    expect((await s.records()).totalCount).toBe(0);

    // 3. Online: the record syncs and opens an action for the unit.
    await insp.setOffline(false);
    await ip.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(async () => (await actions()).length, { timeout: 60_000, interval: 500 }).toBe(1);
    expect((await actions())[0]).toMatchObject({ status: "OPEN", findings: FINDING });

    // 4. The liaison sees it on its home, answers with a photo through the progress flow.
    const lp = liaison.page;
    await logIn(lp, "liaison1");
    await expect.poll(() => lp.getByRole("heading", { name: "督促整改事项" }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => lp.getByRole("link", { name: new RegExp(FINDING) }).count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(lp)).toEqual([]);
    await shot(lp, "4-liaison-home", lp.getByRole("heading", { name: "督促整改事项" }));
    await lp.getByRole("link", { name: new RegExp(FINDING) }).click();
    await expect.poll(() => lp.getByRole("link", { name: "答复整改情况" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(lp)).toEqual([]);
    await lp.getByRole("link", { name: "答复整改情况" }).click();
    await lp.getByLabel("整改进展", { exact: true }).fill(ANSWER);
    await lp.locator("#pg-files").setInputFiles([PHOTO]);
    await expect.poll(() => lp.getByText(/整改照片\.png/).count()).toBeGreaterThan(0);
    expect(await axeViolations(lp)).toEqual([]);
    await shot(lp, "5-liaison-answer", lp.getByText(/整改照片\.png/).first());
    await lp.getByRole("button", { name: "提交（联网后自动发送）" }).click();
    await expect.poll(async () => (await actions())[0].status, { timeout: 60_000, interval: 500 }).toBe("ANSWERED");

    // The photo follows the report through the outbox's resumable upload.
    const photoComplete = async () =>
      (
        await asSupervisor(
          `{ rectificationActions(first: 1) { edges { node { answers { attachments { fileName complete } } } } } }`,
        )
      ).rectificationActions.edges[0].node.answers.flatMap((u: any) => u.attachments);
    await expect
      .poll(photoComplete, { timeout: 60_000, interval: 500 })
      .toEqual([{ fileName: "整改照片.png", complete: true }]);

    // 5. The inspector finds the answer waiting on the home screen and confirms it.
    await ip.goto("/");
    const toConfirm = ip.getByRole("link", { name: new RegExp(FINDING) });
    await expect.poll(() => toConfirm.count(), { timeout: 30_000 }).toBe(1);
    await toConfirm.click();
    await expect.poll(() => ip.getByText(ANSWER).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => ip.getByRole("img", { name: "整改照片.png" }).count(), { timeout: 30_000 }).toBe(1);
    expect(await axeViolations(ip)).toEqual([]);
    await shot(ip, "6-inspector-confirm", ip.getByRole("heading", { name: "单位答复" }));
    await ip.getByRole("button", { name: "确认整改到位" }).click();
    await expect.poll(async () => (await actions())[0].status, { timeout: 20_000 }).toBe("CONFIRMED");

    // 6. Coverage (live on the supervisor's open screen) and the campaign report.
    await expect.poll(() => p.getByText("已完成 1 / 2 项").count(), { timeout: 30_000 }).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "7-coverage", p.getByRole("heading", { name: "覆盖情况" }));
    // The campaign report (督查情况通报): printable and .docx links by the campaign's raw id; the HTML has the finding.
    const raw = (await p.getByRole("link", { name: "督查情况通报（打印）" }).getAttribute("href"))!;
    expect(raw).toMatch(/^\/exports\/campaign\/[0-9a-f-]{36}\.html$/);
    expect(await p.getByRole("link", { name: "下载督查情况通报（.docx）" }).getAttribute("href")).toBe(
      raw.replace(/\.html$/, ".docx"),
    );
    const report = await p.request.get(raw);
    expect(report.status()).toBe(200);
    const html = await report.text();
    expect(html).toContain(NAME);
    expect(html).toContain(FINDING);
    // Coverage and the action's close-out, as the office sends them: one of two targets done, the action confirmed.
    expect(html).toContain("已完成1个");
    expect(html).toContain("已确认办结1项");
    const docx = await p.request.get(raw.replace(/\.html$/, ".docx"));
    expect(docx.status()).toBe(200);
    expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  }, 420_000);
});
