// The installable, offline PWA in a phone-sized Chromium: Chrome's installability check is clean, the app and
// the inspector's working set load with the network off after one online visit (even after the browser was
// closed), the language can be switched, and the screens pass axe.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, installabilityErrors, launchPhone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let profile: string;
beforeAll(async () => {
  s = await startScenario(4613);
  profile = await mkdtemp(path.join(tmpdir(), "rectify-profile-"));
});
afterAll(async () => {
  await s?.close();
  await rm(profile, { recursive: true, force: true });
});

describe("the PWA", () => {
  it("is installable and accessible, and works offline after one visit, even after the browser was closed", async () => {
    const first = await launchPhone(s.app.url, profile);
    const { page } = first;
    await page.goto("/");
    expect(await axeViolations(page)).toEqual([]);
    const manifest = await (await fetch(`${s.app.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: "整改通", display: "standalone", start_url: "/" });
    expect(manifest.icons.map((i: any) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    await logIn(page, "inspector1");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    expect(await installabilityErrors(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await first.close();

    const again = await launchPhone(s.app.url, profile);
    await again.setOffline(true);
    await again.page.goto("/");
    await expect.poll(() => again.page.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);
    await again.page.getByLabel("搜索事项").fill("臭氧");
    await expect.poll(() => again.page.locator(".item-list a").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await again.page.getByRole("link", { name: "设置" }).click();
    await again.page.getByRole("radio", { name: "English" }).check();
    await expect.poll(() => again.page.evaluate(() => document.documentElement.lang)).toBe("en");
    await again.page.getByRole("radio", { name: "简体中文" }).check();
    await expect.poll(() => again.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await again.close();
  });
});
