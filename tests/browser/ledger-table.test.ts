// The ledger table for supervisors (issue 13 §12b): problems × measures with unit, lead leader, deadline, light
// and last record; sorting by a column, filters (unit, light, overdue, words), columns chosen and remembered on
// the device (IndexedDB, not localStorage), and an export holding exactly the rows and columns shown. At 1440×900
// and at 360×640; axe clean.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gqlAt } from "./helpers/app-process.ts";
import { axeViolations, launchDesk, launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let desk: Phone;
let phone: Phone;
/** The measures given to 市财政局: two overdue, one not. */
let assigned: string[] = [];

async function asSupervisor(query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

beforeAll(async () => {
  s = await startScenario(4698);
  const unit = await gqlAt(
    s.app.url,
    `mutation { createUnit(name: "市财政局") { ... on Unit { id } } }`,
    {},
    s.adminToken,
  );
  const unitId = unit.data.createUnit.id;
  const list = await asSupervisor(`{ measures(first: 3, filter: { section: CONTINUING }) { edges { node { id } } } }`);
  assigned = list.measures.edges.map((e: any) => e.node.id);
  for (const [i, id] of assigned.entries()) {
    await asSupervisor(
      `mutation($id: ID!, $u: ID!, $d: Date!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: $d }) { __typename } }`,
      { id, u: unitId, d: i === 2 ? "2099-12-31" : "2024-01-31" },
    );
  }
  await asSupervisor(
    `mutation($ids: [ID!]!) { assignMeasures(ids: $ids, assignment: { leadLeader: { name: "王局长" } }) { __typename } }`,
    { ids: assigned },
  );
  desk = await launchDesk(s.app.url);
  phone = await launchPhone(s.app.url);
}, 300_000);
afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await s?.close();
});

const table = (page: Page) => page.locator("table.ledger-table");
const headers = async (page: Page) =>
  (await table(page).locator("thead th").allTextContents()).map((h) => h.replace(/[▲▼]/g, "").trim());
const bodyRows = (page: Page) =>
  table(page)
    .locator("tbody tr")
    // The text as the CSV holds it: a light badge's hidden name included (innerText would break the line there).
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
const rowCount = (page: Page) => table(page).locator("tbody tr").count();
const column = async (page: Page, name: string) => {
  const i = (await headers(page)).findIndex((h) => h.replace(/[▲▼]/g, "").trim() === name);
  expect(i).toBeGreaterThanOrEqual(0);
  return (await bodyRows(page)).map((r) => r[i]!);
};

async function openLedger(page: Page) {
  await page.goto("/#/ledger");
  await expect.poll(() => rowCount(page), { timeout: 30_000 }).toBe(120);
}

describe("the ledger table at a desk (1440×900)", () => {
  it("lists problems × measures with unit, lead leader, deadline, light and last record", async () => {
    const { page } = desk;
    await logIn(page, "supervisor1");
    await openLedger(page);
    expect((await headers(page)).map((h) => h.trim())).toEqual([
      "问题",
      "整改措施",
      "责任单位",
      "牵头领导",
      "完成时限",
      "灯色",
      "状态",
      "最近核查记录",
      "最近进展",
    ]);
    const units = await column(page, "责任单位");
    expect(units.filter((u) => u === "市财政局")).toHaveLength(3);
    expect((await column(page, "牵头领导")).filter((u) => u === "王局长")).toHaveLength(3);
    expect(await column(page, "完成时限")).toContain("2024-01-31 逾期");
    await page.screenshot({ path: "/tmp/shots/ledger-1440.png" });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("sorts by a column: light worst first, deadline earliest first", async () => {
    const { page } = desk;
    await table(page).getByRole("button", { name: "灯色" }).click();
    await expect.poll(() => table(page).locator('th[data-col="light"]').getAttribute("aria-sort")).toBe("descending");
    const lights = await column(page, "灯色");
    expect(lights.slice(0, 2)).toEqual(["红灯：逾期或反弹", "红灯：逾期或反弹"]);
    expect(lights.slice(2).every((l) => !l.startsWith("红灯"))).toBe(true);
    await table(page).getByRole("button", { name: "完成时限" }).click();
    await expect.poll(() => table(page).locator('th[data-col="deadline"]').getAttribute("aria-sort")).toBe("ascending");
    expect((await column(page, "完成时限")).slice(0, 3)).toEqual(["2024-01-31 逾期", "2024-01-31 逾期", "2099-12-31"]);
  });

  it("filters by unit, light, overdue and words", async () => {
    const { page } = desk;
    await page.getByRole("combobox", { name: "责任单位" }).selectOption({ label: "市财政局" });
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(3);
    await page.getByLabel("只看逾期").check();
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(2);
    await page.getByLabel("只看逾期").uncheck();
    await page.getByRole("combobox", { name: "责任单位" }).selectOption({ label: "全部单位" });
    await page.getByRole("combobox", { name: "灯色" }).selectOption({ label: "逾期或反弹" });
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(2);
    await page.getByRole("combobox", { name: "灯色" }).selectOption({ label: "全部灯色" });
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(120);
    const words = "獎補";
    await page.getByLabel("关键词").fill(words);
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBeLessThan(120);
    const shown = await bodyRows(page);
    expect(shown.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`显示 ${shown.length} 条，共 ${shown.length} 条`).count()).toBe(1);
    await page.getByLabel("关键词").fill("");
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(120);
  });

  it("remembers the chosen columns on this device in IndexedDB, not localStorage", async () => {
    const { page } = desk;
    await page.locator("summary", { hasText: "显示的列" }).click();
    await page.getByRole("checkbox", { name: "状态" }).uncheck();
    await page.getByRole("checkbox", { name: "最近进展" }).uncheck();
    await expect.poll(async () => (await headers(page)).length).toBe(7);
    await page.reload();
    await expect.poll(() => rowCount(page), { timeout: 30_000 }).toBe(120);
    const after = (await headers(page)).map((h) => h.trim());
    expect(after).not.toContain("状态");
    expect(after).not.toContain("最近进展");
    expect(after).toHaveLength(7);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(/ledger|状态|status/i);
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open("rectify-cache");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction("kv").objectStore("kv").get("settings");
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect(stored).toMatchObject({ ledgerHidden: ["status", "lastProgress"] });
  });

  it("exports exactly the rows and columns shown, in their order", async () => {
    const { page } = desk;
    await page.getByRole("combobox", { name: "责任单位" }).selectOption({ label: "市财政局" });
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(3);
    await table(page).getByRole("button", { name: "完成时限" }).click();
    await table(page).getByRole("button", { name: "完成时限" }).click(); // descending: the 2099 deadline first
    const shownHeaders = (await headers(page)).map((h) => h.replace(/[▲▼]/g, "").trim());
    const shownRows = await bodyRows(page);
    expect(shownRows[0]).toContain("2099-12-31");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出当前表格（CSV）" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^整改台账表格-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n", skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(shownHeaders);
    expect(parsed.slice(1)).toEqual(shownRows);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("已导出 3 行、7 列");
  });
});

describe("the ledger table on a phone (360×640)", () => {
  it("works in one column: the table scrolls in its region, never the page", async () => {
    const { page } = phone;
    await logIn(page, "supervisor1");
    await openLedger(page);
    await page.getByRole("combobox", { name: "责任单位" }).selectOption({ label: "市财政局" });
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(3);
    await page.screenshot({ path: "/tmp/shots/ledger-360.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const region = page.locator(".ledger-scroll");
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // Sort buttons and links are touch targets.
    const short = await page.$$eval("table.ledger-table button, table.ledger-table a", (els) =>
      els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent),
    );
    expect(short).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
