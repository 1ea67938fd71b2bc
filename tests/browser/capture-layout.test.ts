// The capture form at 360×640 (issue 13 §6): 核查方式 comes first, visible without scrolling; opened from a measure,
// that measure is preselected and the measures list is folded, its summary saying how many are chosen; opened
// from the problem, the list is open with nothing chosen. Accessibility checked with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4752);
  phone = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

const inFirstScreen = async (box: { y: number; height: number } | null) => !!box && box.y + box.height <= 640;

describe("the capture form", () => {
  it("puts 核查方式 first and folds the measures, preselected, when opened from a measure", async () => {
    const page = phone.page;
    await logIn(page, "inspector1");
    await page.getByLabel("搜索事项").fill("三重一大");
    await page
      .getByRole("link", { name: /三重一大/ })
      .first()
      .click();
    const fromMeasure = page.getByRole("link", { name: /^记录核查 · 措施（1）/ });
    await expect.poll(() => fromMeasure.count(), { timeout: 20_000 }).toBe(1);
    await fromMeasure.click();
    await expect.poll(() => page.getByRole("button", { name: "保存记录" }).count(), { timeout: 20_000 }).toBe(1);

    // 核查方式 within the first screen (the page is at its top), before the item and the measures.
    await page.evaluate(() => window.scrollTo(0, 0));
    const kind = page.getByRole("group", { name: "核查方式" });
    expect(await inFirstScreen(await kind.boundingBox())).toBe(true);
    expect(await inFirstScreen(await page.getByRole("radio", { name: "现场问询" }).boundingBox())).toBe(true);
    const order = await page.evaluate(() => {
      const y = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
      return { kind: y('input[name="kind"]'), item: y("#f-item"), measures: y(".measures-fold") };
    });
    expect(order.kind).toBeLessThan(order.item);
    expect(order.item).toBeLessThan(order.measures);

    // Folded, with the measure chosen: the summary says so, the checkbox is checked but not shown.
    const fold = page.locator("details.measures-fold");
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await fold.locator("summary").textContent()).toContain("已选 1 项");
    const second = page.getByRole("checkbox", { name: /措施（1）/, includeHidden: true });
    expect(await second.isChecked()).toBe(true);
    expect(await second.isVisible()).toBe(false);
    expect(await page.locator('.measures-fold input[type="checkbox"]:checked').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Unfolding shows the list, the choice kept.
    await fold.locator("summary").click();
    expect(await second.isVisible()).toBe(true);
    expect(await second.isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // From the problem as a whole: the list is open and nothing is chosen.
    await page.goBack();
    await page.getByRole("button", { name: "记录核查" }).click();
    await expect.poll(() => page.getByRole("button", { name: "保存记录" }).count(), { timeout: 20_000 }).toBe(1);
    const fresh = page.locator("details.measures-fold");
    await expect.poll(() => fresh.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await fresh.locator("summary").textContent()).toContain("已选 0 项");
  });
});
