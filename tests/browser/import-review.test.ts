// 督办 → 导入 in the PWA (phone-sized Chromium, real server, clean data): a supervisor uploads a .docx progress
// report whose own figures disagree with what it lists, sees the parsed tree beside its source lines and the
// warning, must accept the warning to import, and opens the inspection's ledger; then imports a small .xlsx ledger
// (made here with exceljs, as the server reads it) with an unreadable deadline. axe finds nothing serious, and a
// 360 px screenshot of the review is kept for a person to look at.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlAt } from "./helpers/app-process.ts";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

const REPORT = [
  "根据市委统一部署，市委第三巡察组于2023年4月18日至2023年6月28日对市民政局开展了巡察，并于10月9日进行了反馈。",
  "一、巡察整改组织领导情况",
  "局党组把抓好巡察整改作为重大政治任务。",
  "二、整改进展情况及成效",
  "截至2024年2月底，市委巡察组反馈5个问题，已完成整改4个、正在整改1个，整改完成率80%。",
  "（一）集中整改期内已完成的整改事项",
  "1.关于“养老服务补贴发放不规范”问题的整改。",
  "（1）全面清理补贴发放名单，追回多发资金12万元。",
  "（2）建立补贴发放季度核对制度。",
  "（二）按计划持续推进的整改事项",
  "1.关于“社区养老设施利用率不高”问题的整改。",
  "（1）新建改造社区养老服务站15个。",
  "三、下一步工作打算",
  "局党组将持续推进巡察整改。",
  "欢迎广大干部群众对巡察整改落实情况进行监督。联系方式：0512-52028050。",
  "中共市民政局党组",
  "2024年3月15日",
];

// Copied from a web page: page furniture around a report whose figures agree with what it lists.
const PASTED = [
  "首页 > 巡察工作 > 整改公开",
  "来源：市委巡察办 发布时间：2024-03-20 浏览次数：318",
  "【字体：大 中 小】",
  "根据市委统一部署，市委第五巡察组于2023年5月8日至2023年7月6日对市交通局开展了巡察，并于9月20日进行了反馈。",
  "一、整改进展情况",
  "截至2024年2月底，市委巡察组反馈2个问题，已完成整改1个、正在整改1个，整改完成率50%。",
  "（一）已完成的整改事项",
  "1.关于“公路养护资金拨付滞后”问题的整改。",
  "（1）建立养护资金按月拨付机制。",
  "（二）持续推进的整改事项",
  "1.关于“农村公路管护责任不清”问题的整改。",
  "（1）制定农村公路管护责任清单。",
  "中共市交通局党组",
  "2024年3月18日",
  "打印本页 关闭窗口",
].join("\n");

let s: Scenario;
let sup: Phone;
let dir: string;

beforeAll(async () => {
  s = await startScenario(4618);
  sup = await launchPhone(s.app.url);
  dir = await mkdtemp(path.join(tmpdir(), "rectify-import-"));
  const doc = new Document({ sections: [{ children: REPORT.map((text) => new Paragraph({ text })) }] });
  await writeFile(path.join(dir, "民政局整改进展.docx"), await Packer.toBuffer(doc));

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["市水务局落实市委第四巡察组反馈意见整改台账"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["序号", "反馈问题", "整改措施", "牵头领导", "责任单位", "完成时限", "完成情况"]);
  ws.addRow([
    1,
    "河道保洁责任落实不到位",
    "修订河道保洁考核办法",
    "赵六",
    "市水务局",
    new Date("2024-06-30T00:00:00Z"),
    "已完成",
  ]);
  ws.addRow([null, null, "开展河道保洁专项督查", "赵六", "市水务局", "长期坚持", "整改中"]);
  ws.mergeCells("A3:A4");
  ws.mergeCells("B3:B4");
  ws.addRow([2, "排水设施维护资金使用不规范", "建立维护资金台账", "钱七", "市水务局", "等上级通知", "整改中"]);
  await writeFile(path.join(dir, "水务局整改台账.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(async () => {
  await sup?.close();
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A 360 px screenshot for a person to look at (SCREENSHOT_DIR keeps it; otherwise the system's temp folder). */
async function shot(name: string, fullPage = false) {
  await sup.page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? tmpdir(), name), fullPage });
}

/** axe once nothing moves: the status bar fades (0.2 s) and its colours mid-fade fail contrast. */
async function axeSettled() {
  await sup.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  return axeViolations(sup.page);
}

async function openImport() {
  const { page } = sup;
  await page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
  await page.getByRole("link", { name: /^导入/ }).click();
  await expect
    .poll(() => page.getByRole("heading", { name: "导入", exact: true }).count(), { timeout: 20_000 })
    .toBe(1);
}

describe("import with review", () => {
  it("reviews a .docx report with a warning, imports it only once accepted, and opens its ledger", async () => {
    const { page } = sup;
    await logIn(page, "supervisor1");
    await openImport();
    expect(await axeSettled()).toEqual([]);

    await page.getByLabel("选择报告文件").setInputFiles(path.join(dir, "民政局整改进展.docx"));
    await expect.poll(() => page.getByText(/已选：民政局整改进展\.docx/).count()).toBe(1);
    // A slow uplink (CDP throttling, ~2 KB/s) so the upload's progress can be seen before the review comes back.
    const cdp = await page.context().newCDPSession(page);
    const throttle = (uploadThroughput: number) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput,
      });
    await throttle(2048);
    await page.getByRole("button", { name: "读取并预览" }).click();
    // Chromium hands the whole (small) body to its network stack at once, so the bar may already say the
    // server is reading; either way a labelled bar and a live text say what is happening.
    await expect.poll(() => page.getByRole("progressbar", { name: "导入进度" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator("#im-progress-text").textContent()).toMatch(
      /正在读取文件 \d+%|正在上传 \d+%|服务器正在解析/,
    );
    await throttle(-1);
    await cdp.detach();
    await expect.poll(() => page.getByRole("heading", { name: "核对报告" }).count(), { timeout: 60_000 }).toBe(1);

    // Header facts, the tree (problems with status, measures) and the source lines with their roles.
    await expect.poll(() => page.getByText("市委第三巡察组", { exact: true }).count()).toBe(1);
    const tree = page.getByRole("region", { name: /读到的问题/ }).or(page.locator(".import-tree"));
    expect(await tree.textContent()).toContain("养老服务补贴发放不规范");
    expect(await tree.textContent()).toContain("建立补贴发放季度核对制度");
    expect(await tree.locator(".istatus-COMPLETED").count()).toBe(1);
    expect(await tree.locator(".istatus-CONTINUING").count()).toBe(1);
    const source = page.locator(".import-source");
    expect(await source.getByRole("heading").textContent()).toMatch(/原文：共\d+行/);
    expect(await source.locator(".source-line").count()).toBeGreaterThanOrEqual(REPORT.length);

    // The report says 5 problems, 2 were read: a warning, and the figures table marks the rows that differ.
    const warnings = page.locator(".import-warnings");
    expect(await warnings.getByRole("heading").textContent()).toMatch(/警告（[1-9]\d*条）/);
    expect(await warnings.textContent()).toContain("自述数字与读到的不一致");
    expect(await page.locator(".figures-table tr.mismatch").count()).toBeGreaterThan(0);
    // A tree node links to its source line: the line gets focus.
    await tree
      .getByRole("button", { name: /第\d+行/ })
      .first()
      .click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("source-line"))).toBe(true);

    await shot("import-review-360.png");
    await shot("import-review-360-full.png", true);
    expect(await axeSettled()).toEqual([]);

    // 导入 without accepting the warnings does nothing but say so.
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect.poll(() => page.getByText("有警告：请先勾选确认后再导入").count()).toBe(1);
    const before = await gqlAt(
      s.app.url,
      `{ inspections(first: 50) { edges { node { team } } } }`,
      {},
      s.supervisorToken,
    );
    expect(before.data.inspections.edges.map((e: any) => e.node.team)).not.toContain("市委第三巡察组");

    await page.getByLabel("我已逐条核对以上警告，仍要导入").check();
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect.poll(() => page.getByText(/报告已导入：新建2个问题、3条措施/).count(), { timeout: 60_000 }).toBe(1);
    await page.getByRole("link", { name: "打开这项巡察的台账" }).click();
    await expect.poll(() => page.getByText("养老服务补贴发放不规范").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByText("社区养老设施利用率不高").count()).toBeGreaterThan(0);
  });

  it("previews a .xlsx ledger with a warning on its row, imports it once accepted", async () => {
    const { page } = sup;
    await openImport();
    await page.getByLabel("整改台账表格").check();
    await page.getByLabel("选择台账表格").setInputFiles(path.join(dir, "水务局整改台账.xlsx"));
    await page.getByRole("button", { name: "读取并预览" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "核对台账表格" }).count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByText("将导入：市委第四巡察组 → 市水务局").count()).toBe(1);
    expect(await page.getByText(/读到的问题：2个问题，3条措施/).count()).toBe(1);
    expect(await page.getByLabel("反馈问题").inputValue()).toBe("PROBLEM");
    expect(await page.getByText("长期坚持").count()).toBeGreaterThan(0);
    expect(await page.locator(".warned").count()).toBeGreaterThan(0);
    expect(await page.getByText(/无法识别：等上级通知/).count()).toBe(1);
    // The warning is listed with its row and shown on the problem read from that row.
    expect(await page.locator(".import-warnings").textContent()).toMatch(/第5行.*等上级通知/);
    await shot("import-ledger-360-full.png", true);
    expect(await axeSettled()).toEqual([]);

    await page.getByLabel("我已逐条核对以上警告，仍要导入").check();
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect
      .poll(() => page.getByText(/台账已导入“市委第四巡察组 → 市水务局”/).count(), { timeout: 60_000 })
      .toBe(1);
    const r = await gqlAt(
      s.app.url,
      `{ inspections(first: 50) { edges { node { team inspectedBody figures { problems measures } } } } }`,
      {},
      s.supervisorToken,
    );
    const nodes = r.data.inspections.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.team === "市委第四巡察组")).toMatchObject({
      inspectedBody: "市水务局",
      figures: { problems: 2, measures: 3 },
    });
    await page.getByRole("link", { name: "打开这项巡察的台账" }).click();
    await expect.poll(() => page.getByText("河道保洁责任落实不到位").count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it("reads pasted web text, marks its page furniture as skipped, and cancelling writes nothing", async () => {
    const { page } = sup;
    await openImport();
    await page.getByLabel("或粘贴报告全文").fill(PASTED);
    await page.getByRole("button", { name: "读取并预览" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "核对报告" }).count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByText("市委第五巡察组", { exact: true }).count()).toBe(1);
    const skipped = page.locator(".source-line.skipped");
    expect(await skipped.count()).toBeGreaterThan(0);
    expect(await skipped.first().textContent()).toContain("略过");
    expect(await page.locator(".source-line.unaccounted").count()).toBe(0);
    await shot("import-pasted-360-full.png", true);

    await page.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => page.getByText("已取消，台账未作任何改动。").count()).toBe(1);
    const r = await gqlAt(s.app.url, `{ inspections(first: 50) { edges { node { team } } } }`, {}, s.supervisorToken);
    expect(r.data.inspections.edges.map((e: any) => e.node.team)).not.toContain("市委第五巡察组");
  });
});
