// The chunks behind the login screen (the app, the sync engine, the connectivity pill), a supervision screen's and a
// language's, failing to arrive on a first visit (the connection drops after index.html), are asked for again: the
// app keeps working and shows them once they arrive, instead of a blank page or the fatal storage message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhone } from "./helpers/browser.ts";
import { logIn, PASSWORD, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
beforeAll(async () => {
  s = await startScenario(4621);
});
afterAll(async () => {
  await s?.close();
});

describe("lazy chunks", () => {
  it("that fail to arrive twice are retried and the login still works", async () => {
    const phone = await launchPhone(s.app.url);
    const { page, context } = phone;
    const failed = new Map<string, number>(); // per chunk file
    // The service worker never gets them (its precache fails, so it never serves them either); the page gets each
    // on its third request.
    await context.route(/\/assets\/(authed-app|engine-services|sync-status)-[^/]*\.js$/, async (route) => {
      if (route.request().serviceWorker()) return route.abort("internetdisconnected");
      const chunk = new URL(route.request().url()).pathname;
      const n = failed.get(chunk) ?? 0;
      if (n >= 2) return route.fallback();
      failed.set(chunk, n + 1);
      return route.abort("internetdisconnected");
    });
    // One page load throughout (no reload, which would hide a crash): log in while the chunks are still refused.
    await page.goto("/");
    await page.getByLabel("用户名").fill("inspector1");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 30_000 }).toBe(1);
    // The header's pill too (its own small chunk, asked for once the engine's had loaded).
    await expect.poll(() => page.locator(".app-header").textContent(), { timeout: 15_000 }).toContain("在线");
    // Each chunk was refused twice, then loaded: the app, the engine and the pill, none of them fatal.
    // (Vite's content hash may itself hold "-": name a chunk by the known prefixes, not by the last dash.)
    const names = [...failed.keys()].map((p) => /\/assets\/(authed-app|engine-services|sync-status)-/.exec(p)![1]);
    expect(new Set(names)).toEqual(new Set(["authed-app", "engine-services", "sync-status"]));
    expect(
      [...failed.values()].every((n) => n === 2),
      JSON.stringify([...failed]),
    ).toBe(true);
    expect(await page.getByRole("alert").filter({ hasText: "整改通：" }).count()).toBe(0);
    await phone.close();
  });

  it("a language's catalogue that fails to arrive twice is retried: its text follows without choosing again", async () => {
    const phone = await launchPhone(s.app.url);
    const { page, context } = phone;
    let refused = 0;
    await context.route(/\/assets\/messages-en-[^/]*\.js$/, async (route) => {
      if (route.request().serviceWorker()) return route.abort("internetdisconnected");
      if (refused >= 2) return route.fallback();
      refused += 1;
      return route.abort("internetdisconnected");
    });
    await logIn(page, "inspector1");
    await page.getByRole("link", { name: "设置" }).click();
    await page.getByRole("radio", { name: "English" }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 30_000 }).toBe("en");
    expect(refused).toBe(2);
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
    await phone.close();
  });

  it("a supervision screen's chunk that fails to arrive twice is retried, not fatal", async () => {
    const phone = await launchPhone(s.app.url);
    const { page, context } = phone;
    let refused = 0;
    await context.route(/\/assets\/dashboard-screen-[^/]*\.js$/, async (route) => {
      if (route.request().serviceWorker()) return route.abort("internetdisconnected");
      if (refused >= 2) return route.fallback();
      refused += 1;
      return route.abort("internetdisconnected");
    });
    await logIn(page, "supervisor1");
    await page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await page.getByRole("link", { name: "督办看板" }).first().click();
    await expect.poll(() => page.getByRole("table", { name: "按责任单位" }).count(), { timeout: 30_000 }).toBe(1);
    expect(refused).toBe(2);
    expect(await page.getByRole("alert").filter({ hasText: "整改通：" }).count()).toBe(0);
    await phone.close();
  });
});
