// A supervisor's month end in the PWA (phone-sized Chromium, real server): the dashboard shows overdue items,
// a monthly notice is issued and the unit acknowledges it, a measure is requested, verified and closed out with
// a look-back that finds a relapse, the quarterly analysis draws its charts, the ledger and report export, and
// the public sends an opinion from the problem's public page that the supervisor answers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, PASSWORD, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let sup: Phone;
let liaison: Phone;
let problem: { id: string; gid: string; title: string; measures: string[] };

async function asSupervisor(query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

beforeAll(async () => {
  s = await startScenario(4616);
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
    `{ problems(first: 1, filter: { section: CONTINUING, search: "獎補" }) { edges { node { id title measures { edges { node { id } } } } } } }`,
  );
  const node =
    list.problems.edges[0]?.node ??
    (
      await asSupervisor(
        `{ problems(first: 1, filter: { section: CONTINUING }) { edges { node { id title measures { edges { node { id } } } } } } }`,
      )
    ).problems.edges[0].node;
  problem = {
    id: Buffer.from(node.id, "base64").toString().split(":")[1]!,
    gid: node.id,
    title: node.title,
    measures: node.measures.edges.map((e: any) => e.node.id),
  };
  for (const [i, m] of problem.measures.entries()) {
    await asSupervisor(
      `mutation($id: ID!, $u: ID!, $d: Date!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: $d }) { __typename } }`,
      { id: m, u: unitId, d: i === 0 ? "2099-12-31" : "2024-01-31" },
    );
  }
  sup = await launchPhone(s.app.url);
  liaison = await launchPhone(s.app.url);
});
afterAll(async () => {
  await sup?.close();
  await liaison?.close();
  await s?.close();
});

const open = async (phone: Phone, screen: string) => {
  await phone.page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
  // The menu link's name is its title then its hint ("台账表" says it can 导出 too): match the title at the start.
  await phone.page
    .getByRole("link", { name: new RegExp(`^${screen}`) })
    .first()
    .click();
};

describe("a month end", () => {
  it("runs from the dashboard to close-out, look-back, analysis, exports and public opinions", async () => {
    const { page } = sup;
    await logIn(page, "supervisor1");

    // Dashboard: overdue items show, as counts and red lights.
    await open(sup, "督办看板");
    await expect.poll(() => page.getByText(/已更新/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole("table", { name: "按责任单位" }).getByText("市财政局").count())
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    const dash = await asSupervisor(`{ dashboard { measures { overdue red } } }`);
    expect(dash.dashboard.measures.overdue).toBe(problem.measures.length - 1);

    // Monthly notice: issued by the supervisor, acknowledged by the unit.
    await open(sup, "每月提示通报");
    await page.getByLabel("牵头单位").selectOption({ label: "市财政局" });
    await page.getByRole("button", { name: "签发通报" }).click();
    await expect.poll(() => page.getByRole("link", { name: "下载 Word" }).count(), { timeout: 20_000 }).toBe(1);
    const printHref = await page.getByRole("link", { name: "打印" }).getAttribute("href");
    const print = await page.request.get(printHref!);
    expect(print.status()).toBe(200);
    expect(await print.text()).toContain("市财政局");
    await logIn(liaison.page, "liaison1");
    // The unit's home says a notice waits to be acknowledged, and leads to it.
    const waiting = liaison.page.getByRole("region", { name: "待签收的提示通报（1）" });
    await expect.poll(() => waiting.count(), { timeout: 20_000 }).toBe(1);
    await waiting.getByRole("link", { name: /市财政局/ }).click();
    await liaison.page.getByRole("button", { name: "确认已阅" }).click();
    await expect
      .poll(
        async () =>
          (await asSupervisor(`{ monthlyNotices { edges { node { acknowledged } } } }`)).monthlyNotices.edges[0].node
            .acknowledged,
        { timeout: 20_000 },
      )
      .toBe(true);

    // Acknowledged: the home no longer asks.
    const lp = liaison.page;
    await lp.goto("/");
    await expect.poll(() => lp.getByRole("heading", { name: "我的整改事项" }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => lp.getByRole("heading", { name: /待签收的提示通报/ }).count(), { timeout: 5_000 }).toBe(0);

    // Close-out: the unit requests with evidence; the supervisor verifies and schedules a look-back.
    await lp.goto(`/#/problem/${encodeURIComponent(problem.gid)}`);
    await lp.getByRole("button", { name: /申请销号 · 措施（1）/ }).click();
    await lp.getByLabel("销号证据").fill("整改通知、补发凭证已上传台账");
    await lp.getByLabel("申请理由").fill("奖补资金已补发到位");
    await lp.getByRole("button", { name: "提交销号申请" }).click();
    const m1 = problem.measures[0]!;
    const status = async () =>
      (await asSupervisor(`query($id: ID!) { node(id: $id) { ... on Measure { status } } }`, { id: m1 })).node.status;
    await expect.poll(status, { timeout: 20_000 }).toBe("CLOSE_REQUESTED");

    await page.goto(`/#/problem/${encodeURIComponent(problem.gid)}`);
    await page.getByRole("button", { name: /核查销号 · 措施（1）/ }).click();
    await page.getByRole("radio", { name: "同意销号" }).check();
    await page.getByLabel("核查意见").fill("经查阅台账，整改到位");
    const lookBack = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel("回头看日期").fill(lookBack);
    await page.getByRole("button", { name: "提交核查结论" }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe("CLOSED");

    // Look-back: the item relapsed; it is reopened and counted on the dashboard.
    await open(sup, "回头看");
    await page.getByRole("button", { name: "完成回头看" }).first().click();
    await page.getByRole("radio", { name: "反弹回潮" }).check();
    await page.getByLabel("回头看情况").fill("回头看发现部分企业奖补仍未到位");
    await page.getByRole("button", { name: "提交回头看结果" }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe("RELAPSED");
    await expect
      .poll(async () => (await asSupervisor(`{ dashboard { measures { relapsed } } }`)).dashboard.measures.relapsed)
      .toBe(1);

    // Quarterly analysis with charts.
    await open(sup, "整理分析");
    await page.getByRole("radio", { name: "季度分析" }).check();
    await page.getByRole("button", { name: "分析", exact: true }).click();
    await expect.poll(() => page.locator("svg[role=img]").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(page)).toEqual([]);

    // Exports: the ledger workbook and the report, which re-imports to the same problems and measures.
    await open(sup, "导出");
    // A tap says what happened: the file is saved under the server's name, and its name and size are announced.
    const saved = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("link", { name: /下载台账/ }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 60_000 })
      .toMatch(/^已下载 .+\.xlsx（[\d.]+ (B|KiB|MiB)）$/);
    const ledgerHref = await page.getByRole("link", { name: /下载台账/ }).getAttribute("href");
    const ledger = await page.request.get(ledgerHref!);
    expect(ledger.status()).toBe(200);
    expect(ledger.headers()["content-type"]).toContain("spreadsheetml");
    const txt = await (await page.request.get("/exports/report.txt")).text();
    const again = await asSupervisor(
      `mutation($t: String!) { importReport(text: $t, dryRun: true) { ... on ImportSummary { problems measures } } }`,
      { t: txt },
    );
    expect(again.importReport).toEqual({ problems: 36, measures: 120 });

    // The public: the problem's page (as its QR poster opens it) takes an opinion; the supervisor answers it.
    const visitor = await launchPhone(s.app.url);
    const anon = visitor.page;
    await anon.goto(`/public/problems/${problem.id}`);
    await anon.getByLabel(/您的意见/).fill(`企业反映奖补资金尚未到账 ${randomUUID().slice(0, 4)}`);
    await anon.getByRole("button", { name: "提交意见" }).click();
    await expect.poll(() => anon.getByRole("status").textContent()).toContain("感谢您的意见");
    await visitor.close();
    await open(sup, "意见建议");
    await expect.poll(() => page.getByText(/企业反映奖补资金尚未到账/).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole("button", { name: /^答复/ }).first().click();
    await page.getByLabel("答复内容").fill("已转市财政局核查，资金本周内补发。");
    await page.getByRole("button", { name: "提交答复" }).click();
    await expect
      .poll(
        async () => (await asSupervisor(`{ opinions { edges { node { status answer } } } }`)).opinions.edges[0].node,
        { timeout: 20_000 },
      )
      .toEqual({ status: "ANSWERED", answer: "已转市财政局核查，资金本周内补发。" });
  });
});
