// A ledger started by hand, in phone-sized Chromium against the real server: a supervisor creates an inspection with
// two problems and three measures (people and units typed inline, one 长期坚持), assigns two measures at once,
// corrects a measure while another supervisor moves its deadline (both changes kept), switches the dashboard
// between this inspection and a second one, and an inspector then records a site visit
// against a hand-made measure while offline; the record reaches the server once, naming that measure.
// A second inspection comes from a 整改台账 spreadsheet imported in the PWA (督办 → 导入); the sample report imported on
// first start is a third.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, save, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let supervisor: Phone;
let inspector: Phone;
let dir: string;

const HAND = { team: "市委第二巡察组", body: "市住建局", round: "十四届市委第五轮" };
const HAND_NAME = `${HAND.round} · ${HAND.team} → ${HAND.body}（巡察）`;

beforeAll(async () => {
  s = await startScenario(4631);
  supervisor = await launchPhone(s.app.url);
  inspector = await launchPhone(s.app.url);
  // The ledger as an office keeps it: a title row, the header on row 2, a problem merged over its measures.
  dir = await mkdtemp(path.join(tmpdir(), "rectify-authoring-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["市交通局落实市委第三巡察组反馈意见整改台账"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["序号", "反馈问题", "整改措施", "牵头领导", "责任单位", "完成时限", "完成情况"]);
  ws.addRow([
    1,
    "公路养护资金拨付滞后",
    "建立养护资金拨付台账",
    "孙局长",
    "市交通局",
    new Date("2030-06-30T00:00:00Z"),
    "整改中",
  ]);
  ws.addRow([null, null, "按季度通报拨付进度", "孙局长", "市交通局", "长期坚持", "整改中"]);
  ws.mergeCells("A3:A4");
  ws.mergeCells("B3:B4");
  ws.addRow([
    2,
    "运输执法不够规范",
    "修订执法工作规程",
    "周副局长",
    "市交通运输执法支队",
    new Date("2030-03-31T00:00:00Z"),
    "整改中",
  ]);
  ws.addRow([
    null,
    null,
    "开展执法案卷评查",
    "周副局长",
    "市交通运输执法支队",
    new Date("2030-09-30T00:00:00Z"),
    "整改中",
  ]);
  ws.mergeCells("A5:A6");
  ws.mergeCells("B5:B6");
  await writeFile(path.join(dir, "交通局整改台账.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(async () => {
  await supervisor?.close();
  await inspector?.close();
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function addProblem(page: Page, title: string, category: string) {
  const form = page.getByRole("form", { name: "新增问题" });
  await form.getByLabel("方面").fill(category);
  await form.locator("#f-p-new-title").fill(title);
  await form.getByRole("button", { name: "添加问题" }).click();
  await expect.poll(() => page.getByRole("article", { name: new RegExp(title) }).count(), { timeout: 20_000 }).toBe(1);
}

async function addMeasure(
  page: Page,
  problem: string,
  m: { text: string; leader?: string; unit?: string; participants?: string; deadline?: string; longTerm?: boolean },
) {
  const card = page.getByRole("article", { name: new RegExp(problem) });
  // The <details> stays open after a measure was added; a second click would close it.
  if (!(await card.locator("details").evaluate((d) => (d as HTMLDetailsElement).open))) {
    await card.getByText("新增措施", { exact: true }).click();
  }
  const form = card.getByRole("form", { name: "新增措施" });
  // The form is disabled while the previous measure saves and cleared once it is saved.
  await expect.poll(() => form.getByLabel("整改措施").inputValue(), { timeout: 20_000 }).toBe("");
  await form.getByLabel("整改措施").fill(m.text);
  if (m.leader) await form.getByLabel("牵头领导").fill(m.leader);
  if (m.unit) await form.getByLabel("责任单位").fill(m.unit);
  if (m.participants) await form.getByLabel("配合单位").fill(m.participants);
  if (m.longTerm) await form.getByLabel("长期坚持").check();
  else if (m.deadline) await form.getByLabel("完成时限").fill(m.deadline);
  await form.getByRole("button", { name: "添加措施" }).click();
  // Saved once the ledger lists it with its select box (the form's own textarea holds the same text until then).
  await expect
    .poll(() => card.getByRole("checkbox", { name: new RegExp(m.text) }).count(), { timeout: 20_000 })
    .toBe(1);
}

describe("a ledger started by hand", () => {
  it("a supervisor creates an inspection, two problems, three measures, and assigns two at once", async () => {
    const { page } = supervisor;
    await logIn(page, "supervisor1");
    await page.goto("/#/inspections");
    await expect.poll(() => page.getByRole("heading", { name: "巡察一览" }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole("link", { name: "新建巡察" }).click();
    const form = page.getByRole("form", { name: "新建巡察" });
    await form.getByLabel("类别").selectOption("巡察");
    await form.getByLabel("轮次").fill(HAND.round);
    await form.getByLabel("巡察组").fill(HAND.team);
    await form.getByLabel("被巡察单位").fill(HAND.body);
    await form.getByLabel("反馈日期").fill("2024-05-10");
    await form.getByLabel("集中整改期截止").fill("2024-08-10");
    await form.getByRole("button", { name: "建立巡察" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "编辑巡察台账" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await addProblem(page, "落实全面从严治党主体责任不到位", "党的领导方面");
    await addProblem(page, "工程项目监管存在漏洞", "重点领域风险防控方面");
    await addMeasure(page, "落实全面从严治党主体责任不到位", {
      text: "制定主体责任清单并逐项销号",
      leader: "王局长",
      unit: "市住建局办公室",
      participants: "市住建局人事处、市住建局财务处",
      deadline: "2030-06-30",
    });
    await addMeasure(page, "落实全面从严治党主体责任不到位", {
      text: "建立定期研究部署机制",
      unit: "市住建局办公室",
      longTerm: true,
    });
    await addMeasure(page, "工程项目监管存在漏洞", {
      text: "开展在建工程质量安全专项检查",
      unit: "市住建局质监站",
      deadline: "2030-09-30",
    });
    expect(await axeViolations(page)).toEqual([]);

    // Select two measures → assign one lead leader to both.
    await page.getByRole("checkbox", { name: /制定主体责任清单/ }).check();
    await page.getByRole("checkbox", { name: /开展在建工程质量安全专项检查/ }).check();
    const bulk = page.getByRole("form", { name: "批量交办：已选 2 项措施" });
    await bulk.getByLabel("牵头领导").fill("赵副局长");
    await bulk.getByRole("button", { name: "交办这 2 项措施" }).click();
    await expect.poll(() => page.getByText(/赵副局长/).count(), { timeout: 20_000 }).toBe(2);

    const r = await gqlAt(
      s.app.url,
      `{ inspections { edges { node { team round rectificationEnd published figures { problems measures }
        } } } measures(first: 500) { edges { node { text longTerm deadline leadLeader { name } responsibleUnit { name }
        participatingUnits { name } problem { inspection { team } } } } } }`,
      {},
      s.supervisorToken,
    );
    const hand = r.data.inspections.edges.map((e: any) => e.node).find((i: any) => i.team === HAND.team);
    expect(hand).toEqual({
      team: HAND.team,
      round: HAND.round,
      rectificationEnd: "2024-08-10",
      published: false,
      figures: { problems: 2, measures: 3 },
    });
    const measures = r.data.measures.edges
      .map((e: any) => e.node)
      .filter((m: any) => m.problem.inspection.team === HAND.team);
    expect(measures.map((m: any) => [m.text, m.leadLeader?.name ?? null, m.longTerm, m.deadline])).toEqual([
      ["制定主体责任清单并逐项销号", "赵副局长", false, "2030-06-30"],
      ["建立定期研究部署机制", null, true, null],
      ["开展在建工程质量安全专项检查", "赵副局长", false, "2030-09-30"],
    ]);
    expect(measures[0].participatingUnits.map((u: any) => u.name).sort()).toEqual(["市住建局人事处", "市住建局财务处"]);
  });

  it("a correction saves only what was changed: another supervisor's change meanwhile is kept", async () => {
    const { page } = supervisor;
    const card = page.getByRole("article", { name: /落实全面从严治党主体责任不到位/ });
    await card.getByRole("button", { name: "修改 · (1)" }).click();
    const form = card.getByRole("form", { name: "修改措施" });
    await expect
      .poll(() => form.getByLabel("整改措施").inputValue(), { timeout: 20_000 })
      .toBe("制定主体责任清单并逐项销号");
    // Another supervisor moves the deadline while this form is open (it still shows 2030-06-30).
    const list = await gqlAt(
      s.app.url,
      `{ measures(first: 500) { edges { node { id text } } } }`,
      {},
      s.supervisorToken,
    );
    const id = list.data.measures.edges
      .map((e: any) => e.node)
      .find((m: any) => m.text === "制定主体责任清单并逐项销号").id;
    const moved = await gqlAt(
      s.app.url,
      `mutation($id: ID!) { updateMeasure(id: $id, input: { deadline: "2031-01-31" }) { __typename } }`,
      { id },
      s.supervisorToken,
    );
    expect(moved.data.updateMeasure.__typename).toBe("Measure");
    await form.getByLabel("整改措施").fill("制定主体责任清单并逐项销号（修订）");
    await form.getByRole("button", { name: "保存" }).click();
    const read = async () =>
      (
        await gqlAt(
          s.app.url,
          `query($id: ID!) { node(id: $id) { ... on Measure { text deadline leadLeader { name } } } }`,
          { id },
          s.supervisorToken,
        )
      ).data.node;
    await expect.poll(async () => (await read()).text, { timeout: 20_000 }).toBe("制定主体责任清单并逐项销号（修订）");
    expect(await read()).toEqual({
      text: "制定主体责任清单并逐项销号（修订）",
      deadline: "2031-01-31",
      leadLeader: { name: "赵副局长" },
    });
  });

  it("imports a second inspection's ledger from its spreadsheet in the PWA", async () => {
    const { page } = supervisor;
    await page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await page.getByRole("link", { name: /^导入/ }).click();
    await page.getByLabel("整改台账表格").check();
    await page.getByLabel("选择台账表格").setInputFiles(path.join(dir, "交通局整改台账.xlsx"));
    await page.getByRole("button", { name: "读取并预览" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "核对台账表格" }).count(), { timeout: 60_000 }).toBe(1);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect
      .poll(() => page.getByText(/台账已导入“市委第三巡察组 → 市交通局”/).count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
  });

  it("the dashboard follows the inspection picked, and the overview shows all side by side", async () => {
    const { page } = supervisor;
    await page.goto("/#/dashboard");
    const picker = page.getByLabel("当前巡察");
    await expect.poll(() => picker.locator("option").count(), { timeout: 20_000 }).toBe(4);
    const sheet = (await picker.locator("option").allTextContents()).find((o) => o.includes("市交通局"))!;
    await picker.selectOption({ label: sheet });
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 4 项 · 问题 2 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    await picker.selectOption({ label: HAND_NAME });
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 3 项 · 问题 2 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    const sample = (await picker.locator("option").allTextContents()).find(
      (o) => o !== HAND_NAME && o !== sheet && o !== "全部巡视巡察",
    )!;
    await picker.selectOption({ label: sample });
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 120 项 · 问题 36 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    await picker.selectOption({ label: "全部巡视巡察" });
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 127 项 · 问题 40 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    // Remembered: a reload keeps the pick (once the dashboard shows it, the pick is stored on the device).
    await picker.selectOption({ label: HAND_NAME });
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 3 项 · 问题 2 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    await page.reload();
    await expect
      .poll(() => page.getByRole("heading", { name: "整改措施 3 项 · 问题 2 个" }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto("/#/inspections");
    const table = page.getByRole("table", { name: "巡察一览" });
    await expect.poll(() => table.getByRole("row").count(), { timeout: 20_000 }).toBe(4);
    const row = table.getByRole("row").filter({ hasText: HAND.body });
    expect(await row.getByRole("cell").first().textContent()).toBe("2");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("an inspector records offline against a measure created by hand", async () => {
    const { page } = inspector;
    await logIn(page, "inspector1");
    // Working on the hand-made inspection: the working set on the phone holds just its two problems.
    await page.getByLabel("当前巡察").selectOption({ label: HAND_NAME });
    await expect.poll(() => page.getByRole("heading", { name: "全部事项（2）" }).count(), { timeout: 20_000 }).toBe(1);
    // Back to "all": the list is the working set itself, which now holds only the two problems worked on.
    await page.getByLabel("当前巡察").selectOption({ label: "全部巡视巡察" });
    await expect.poll(() => page.getByRole("heading", { name: "全部事项（2）" }).count(), { timeout: 30_000 }).toBe(1);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await inspector.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);

    await page.getByLabel("搜索事项").fill("工程项目监管");
    await page
      .getByRole("link", { name: /工程项目监管存在漏洞/ })
      .first()
      .click();
    // The header rolls up what the problem's measures hold (nothing was set on the problem itself).
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.textContent(), { timeout: 20_000 }).toContain("2030-09-30（最早的措施时限）");
    expect(await facts.textContent()).toContain("市住建局质监站（各项措施的责任单位）");
    await page.getByRole("button", { name: "记录核查" }).click();
    await expect.poll(() => page.getByRole("button", { name: "保存记录" }).count()).toBe(1);
    await page.getByRole("checkbox", { name: /开展在建工程质量安全专项检查/ }).check();
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("城南安置房项目工地");
    await page.getByLabel("见到的人员").fill("项目经理");
    await page.getByLabel("现场所见").fill("专项检查台账已建立。");
    await page.getByLabel("核查结论").fill("措施按计划推进。");
    await page.getByRole("radio", { name: "按计划推进" }).check();
    await save(page);
    expect((await s.records()).totalCount).toBe(0);

    await inspector.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(async () => (await s.records()).totalCount, { timeout: 60_000, interval: 500 }).toBe(1);
    const [record] = (await s.records()).nodes;
    expect(record.kind).toBe("SITE_VISIT");
    expect(record.measures).toEqual([{ number: 1 }]);
    const r = await gqlAt(
      s.app.url,
      `{ inspectionRecords(first: 5) { edges { node { measures { text } } } } }`,
      {},
      s.supervisorToken,
    );
    expect(r.data.inspectionRecords.edges[0].node.measures).toEqual([{ text: "开展在建工程质量安全专项检查" }]);
  });
});
