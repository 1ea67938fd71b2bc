// Dashboard counts open their lists (issue 13 §8), at 360×640: tapping the red count shows exactly the red measures,
// red first; the overdue count its overdue measures; a light's problem count the problems at that light overall.
// The tiles say what they count ("项措施", "整体为黄灯的问题 N 个"). Accessibility checked with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;
let redTexts: string[];
let overdueCount: number;

async function asSupervisor(query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const dayFromToday = (n: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
};

beforeAll(async () => {
  s = await startScenario(4751);
  const list = await asSupervisor(
    `{ measures(first: 12, filter: { section: CONTINUING }) { edges { node { id text } } } }`,
  );
  const ids: string[] = list.measures.edges.map((e: any) => e.node.id);
  // Three overdue (red), two due soon (yellow); the rest stay as imported.
  const deadlines = [-30, -3, -1, 3, 7];
  for (const [i, d] of deadlines.entries()) {
    await asSupervisor(
      `mutation($id: ID!, $d: Date!) { assignMeasure(id: $id, assignment: { deadline: $d }) { __typename } }`,
      { id: ids[i], d: dayFromToday(d) },
    );
  }
  const all = await asSupervisor(`{ measures(first: 500) { edges { node { text light overdue } } } }`);
  const nodes = all.measures.edges.map((e: any) => e.node);
  redTexts = nodes.filter((n: any) => n.light === "RED").map((n: any) => n.text);
  overdueCount = nodes.filter((n: any) => n.overdue).length;
  phone = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe("dashboard counts", () => {
  it("open the list of exactly what they count, red first", async () => {
    const page = phone.page;
    await logIn(page, "supervisor1");
    await page.goto("/#/dashboard");
    await expect.poll(() => page.getByRole("heading", { name: "督办看板" }).count(), { timeout: 20_000 }).toBe(1);
    expect(redTexts.length).toBeGreaterThanOrEqual(3);
    // Clear wording: the tile counts measures; its second line says problems at that light overall.
    const redTile = page.getByRole("link", { name: `红灯 ${redTexts.length} 项措施`, exact: true });
    await expect.poll(() => redTile.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/整体为黄灯的问题 \d+ 个/).count()).toBe(1);
    expect(await page.getByText(/黄灯 \d+ · 问题/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The red tile is the first (red first) and a 44 px target.
    const first = await page.locator(".light-tile").first().getAttribute("class");
    expect(first).toContain("light-RED");
    expect((await redTile.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await redTile.click();
    await expect.poll(() => page.getByRole("heading", { name: "红灯措施" }).count(), { timeout: 20_000 }).toBe(1);
    const rows = page.locator(".item-list .item-row");
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(redTexts.length);
    const shown = await page.locator(".item-list .item-title").allTextContents();
    expect([...shown].sort()).toEqual([...redTexts].sort());
    // Every row is red; the most overdue (earliest deadline) first.
    for (const row of await rows.all()) expect(await row.locator(".light-RED").count()).toBeGreaterThan(0);
    expect(await page.getByText(`时限 ${dayFromToday(-30)}`).count()).toBe(1);
    const firstRow = await rows.first().textContent();
    expect(firstRow).toContain(dayFromToday(-30));
    expect(await axeViolations(page)).toEqual([]);

    // Back, then the overdue count: its overdue measures.
    await page.getByRole("link", { name: "返回督办看板" }).click();
    const overdue = page.getByRole("link", { name: `逾期 ${overdueCount} 项措施，查看清单` });
    await expect.poll(() => overdue.count(), { timeout: 20_000 }).toBe(1);
    await overdue.click();
    await expect.poll(() => page.getByRole("heading", { name: "逾期措施" }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(overdueCount);
    expect(await page.locator(".item-list .chip.overdue").count()).toBe(overdueCount);
  });
});
