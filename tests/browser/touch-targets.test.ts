// Phone-sized screens (360×640) for supervisors and admins: every link and button in the dashboard's tables is a
// touch target at least 44 px high, and the users table keeps names and actions readable (not one or two
// characters per line); status messages never cover the header's connectivity pill nor outlive their screen.
// Issue 13 points 4 and 12.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { ADMIN_PASSWORD, logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4641);
  phone = await launchPhone(s.app.url);
}, 300_000);
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

/** Boxes of the visible elements matching `selector` whose height is under `min` px. */
async function shortTargets(page: Page, selector: string, min = 44) {
  return page.$$eval(
    selector,
    (els, min) =>
      els
        .map((e) => ({ text: (e.textContent ?? "").trim().slice(0, 20), h: e.getBoundingClientRect().height }))
        .filter((b) => b.h > 0 && b.h < min),
    min,
  );
}

describe("touch targets and tables at 360 px", () => {
  it("dashboard table links and buttons are at least 44 px high", async () => {
    const { page } = phone;
    await logIn(page, "supervisor1");
    await page.goto("/#/dashboard");
    await expect.poll(() => page.locator("table a").count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.screenshot({ path: "/tmp/shots/dashboard-360.png", fullPage: true });
    expect(await shortTargets(page, "table a, table button")).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a status message never covers the header's 在线/离线 pill and does not outlive its screen", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "刷新看板" }).click();
    const bar = page.getByRole("status");
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).toBe("看板已更新");
    expect(await bar.getAttribute("class")).toContain("visible");
    const header = (await page.locator(".app-header").boundingBox())!;
    const pill = (await page.locator(".app-header .net").boundingBox())!;
    const message = (await bar.boundingBox())!;
    expect(message.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(pill.y + pill.height).toBeLessThanOrEqual(message.y);
    // Another screen: the message is gone from sight at once (well before its 6 s).
    await page.goto("/#/notices");
    await expect.poll(() => bar.getAttribute("class"), { timeout: 2_000 }).not.toContain("visible");
  });

  it("the users table keeps names and actions readable", async () => {
    const { page } = phone;
    await page.goto("/#/settings");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.goto("/#/admin");
    await expect.poll(() => page.getByText("王主任").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/shots/users-360.png", fullPage: true });
    // A three-character name fits on one line: its box is about one line high, and at least two characters wide.
    const name = await page.getByText("王主任", { exact: true }).first().boundingBox();
    expect(name!.height).toBeLessThan(40);
    expect(name!.width).toBeGreaterThan(30);
    // No action button is squeezed into a column narrower than its label.
    const squeezed = await page.$$eval("table button", (els) =>
      els
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().height > 60)
        .map((e) => e.textContent),
    );
    expect(squeezed).toEqual([]);
    // The page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
  });
});
