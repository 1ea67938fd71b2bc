// The desk layout (issue 13 §12b): at 1440×900 a side navigation instead of the bottom tab bar, content using the
// width, the dashboard's tiles beside its tables, and after navigation focus on the new screen's heading with no
// ring drawn round the column; at 360×640 the phone layout as before (bottom bar, one column). Axe clean at both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, launchDesk, launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let desk: Phone;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4697);
  desk = await launchDesk(s.app.url);
  phone = await launchPhone(s.app.url);
}, 300_000);
afterAll(async () => {
  await desk?.close();
  await phone?.close();
  await s?.close();
});

const nav = (page: Page) => page.getByRole("navigation", { name: "主导航" });

/** What has focus and whether anything draws a ring round it or round <main>. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const ring = (e: Element | null) => {
      if (!e) return "none";
      const st = getComputedStyle(e);
      return st.outlineStyle === "none" || st.outlineWidth === "0px" ? "none" : `${st.outlineStyle} ${st.outlineWidth}`;
    };
    return {
      tag: a?.tagName ?? null,
      text: a?.textContent?.trim() ?? null,
      inMain: !!a && !!document.getElementById("main")?.contains(a),
      ring: ring(a),
      mainRing: ring(document.getElementById("main")),
    };
  });
}

const heading = async (page: Page) => {
  const f = await focusState(page);
  return `${f.tag} ${f.text}`;
};

async function dashboardReady(page: Page) {
  await expect.poll(() => page.locator("table a").count(), { timeout: 30_000 }).toBeGreaterThan(10);
}

describe("at a desk (1440×900)", () => {
  it("has a side navigation, not a bottom bar, and content that uses the width", async () => {
    const { page } = desk;
    await logIn(page, "supervisor1");
    const box = (await nav(page).boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBeLessThan(300);
    expect(box.height).toBeGreaterThan(600); // from under the header to the bottom of the window
    // Its entries stand one above the other, and the supervision screens are listed in it.
    const home = (await nav(page).getByRole("link", { name: "事项" }).boundingBox())!;
    const settings = (await nav(page).getByRole("link", { name: "设置" }).boundingBox())!;
    expect(settings.x).toBe(home.x);
    expect(settings.y).toBeGreaterThan(home.y);
    await expect.poll(() => nav(page).getByRole("link", { name: "台账表格" }).isVisible()).toBe(true);
    const main = (await page.locator("main").boundingBox())!;
    expect(main.x).toBeGreaterThanOrEqual(box.x + box.width);
    expect(main.width).toBeGreaterThan(1000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  });

  it("shows the dashboard's tiles beside its tables", async () => {
    const { page } = desk;
    await nav(page).getByRole("link", { name: "督办看板" }).click();
    await dashboardReady(page);
    await page.screenshot({ path: "/tmp/shots/desk-dashboard-1440.png" });
    const tiles = (await page.locator('section[aria-labelledby="dash-summary"]').boundingBox())!;
    const table = (await page.getByRole("region", { name: "按责任单位" }).boundingBox())!;
    expect(table.x).toBeGreaterThanOrEqual(tiles.x + tiles.width);
    expect(table.y).toBeLessThan(tiles.y + tiles.height); // side by side, not one under the other
    expect(await axeViolations(page)).toEqual([]);
  });

  it("moves focus to the new screen's heading after navigation, with no ring round the column", async () => {
    const { page } = desk;
    // By keyboard (where browsers draw focus rings): tab to a side link and press Enter.
    const link = nav(page).getByRole("link", { name: "每月提示通报" });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focusState(page)).tag, { timeout: 15_000 }).toBe("H1");
    const after = await focusState(page);
    expect(after).toMatchObject({ text: "每月提示通报", inMain: true, ring: "none", mainRing: "none" });
    await page.screenshot({ path: "/tmp/shots/desk-after-nav-1440.png" });
    // By mouse as well, to a screen loaded on first use.
    await nav(page).getByRole("link", { name: "台账表格" }).click();
    await expect.poll(async () => heading(page), { timeout: 15_000 }).toBe("H1 台账表格");
    expect(await focusState(page)).toMatchObject({ tag: "H1", ring: "none", mainRing: "none" });
    // The heading is still a place a keyboard user continues from: Tab goes to the screen's first control.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.getElementById("main")?.contains(document.activeElement))).toBe(true);
    // Keyboard focus on a control still shows its ring.
    expect((await focusState(page)).ring).not.toBe("none");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("on a phone (360×640), unchanged", () => {
  it("keeps the bottom tab bar and one column", async () => {
    const { page } = phone;
    await logIn(page, "supervisor1");
    await page.goto("/#/dashboard");
    await dashboardReady(page);
    await page.screenshot({ path: "/tmp/shots/desk-dashboard-360.png" });
    const box = (await nav(page).boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(360);
    expect(box.y + box.height).toBeGreaterThanOrEqual(639);
    const home = (await nav(page).getByRole("link", { name: "事项" }).boundingBox())!;
    const settings = (await nav(page).getByRole("link", { name: "设置" }).boundingBox())!;
    expect(settings.y).toBe(home.y);
    expect(settings.x).toBeGreaterThan(home.x);
    // The side list of supervision screens is not shown; the 督办 tab opens them.
    expect(await nav(page).getByRole("link", { name: "台账表格" }).isVisible()).toBe(false);
    const tiles = (await page.locator('section[aria-labelledby="dash-summary"]').boundingBox())!;
    const table = (await page.getByRole("region", { name: "按责任单位" }).boundingBox())!;
    expect(table.y).toBeGreaterThanOrEqual(tiles.y + tiles.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("focuses the new screen's heading after navigation, without a ring", async () => {
    const { page } = phone;
    await nav(page).getByRole("link", { name: "督办" }).click();
    await expect.poll(async () => heading(page), { timeout: 15_000 }).toBe("H1 督办");
    expect(await focusState(page)).toMatchObject({ tag: "H1", ring: "none", mainRing: "none" });
    await page.getByRole("link", { name: /^台账表格/ }).click();
    await expect.poll(async () => heading(page), { timeout: 15_000 }).toBe("H1 台账表格");
    expect(await focusState(page)).toMatchObject({ ring: "none", mainRing: "none" });
    await page.screenshot({ path: "/tmp/shots/desk-ledger-360.png" });
  });
});
