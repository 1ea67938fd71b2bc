// An admin's 用户与单位 screen in the PWA (phone-sized Chromium, real server): a unit is added, a unit liaison is
// created in it and appears in the list, then is deactivated; the server agrees, and axe finds nothing serious.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { ADMIN_PASSWORD, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let admin: Phone;

beforeAll(async () => {
  s = await startScenario(4617);
  admin = await launchPhone(s.app.url);
});
afterAll(async () => {
  await admin?.close();
  await s?.close();
});

describe("users and units", () => {
  it("adds a unit, creates a liaison in it and deactivates them", async () => {
    const { page } = admin;
    // The helper's logIn uses the field staff password; the admin has their own.
    await page.goto("/");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByText("台账更新于").count(), { timeout: 20_000 }).toBe(1);

    await page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await page.getByRole("link", { name: /用户与单位/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "用户与单位" }).count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.getByRole("table", { name: "用户" }).getByText("supervisor1", { exact: true }).count())
      .toBe(1);

    // A unit first: the liaison must belong to one.
    await page.getByLabel("单位名称").fill("市审计局");
    await page.getByRole("button", { name: "添加单位" }).click();
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: "市审计局" }).count()).toBe(1);

    // The form checks itself: a short password and a missing unit are marked, nothing is sent.
    await page.getByLabel("用户名").fill("liaison9");
    await page.getByLabel("姓名").fill("审计局联络员");
    await page.getByLabel("初始密码").fill("short");
    await page.getByLabel("角色").selectOption({ label: "单位联络员" });
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("所属单位").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("初始密码").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("初始密码").fill("liaison-password-9");
    await page.getByLabel("所属单位").selectOption({ label: "市审计局" });
    await page.getByRole("button", { name: "创建用户" }).click();
    const row = page.getByRole("row").filter({ hasText: "liaison9" });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => row.textContent()).toContain("市审计局");
    expect(await row.textContent()).toContain("单位联络员");
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("button", { name: /停用/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain("已停用");
    expect(await row.getByRole("button", { name: /启用/ }).count()).toBe(1);

    const r = await gqlAt(
      s.app.url,
      `{ users(first: 100) { edges { node { username displayName role active unit { name } } } } }`,
      {},
      s.adminToken,
    );
    const user = r.data.users.edges.map((e: any) => e.node).find((u: any) => u.username === "liaison9");
    expect(user).toEqual({
      username: "liaison9",
      displayName: "审计局联络员",
      role: "UNIT_LIAISON",
      active: false,
      unit: { name: "市审计局" },
    });
    expect(await axeViolations(page)).toEqual([]);
  });
});
