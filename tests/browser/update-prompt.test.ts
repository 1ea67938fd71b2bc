// Deploying a new version: an open PWA notices the new service worker, says "有新版本", and reloads into it when
// the inspector taps "更新" (never on its own, so nothing is interrupted mid-form).
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

const built = fileURLToPath(new URL("../../client/dist", import.meta.url));
let dist: string;
let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "rectify-dist-"));
  await cp(built, dist, { recursive: true });
  s = await startScenario(4615, { clientDist: dist });
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
  await rm(dist, { recursive: true, force: true });
});

describe("a new version", () => {
  it("is offered with an update prompt and applied on request", async () => {
    const { page } = phone;
    await logIn(page, "inspector1");
    const firstWorker = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.scriptURL ?? null;
    });
    expect(firstWorker).toMatch(/\/sw\.js$/);
    expect(await page.getByText("有新版本").count()).toBe(0);

    // "Deploy": the service worker script changes byte-wise, as every build with new assets does.
    await appendFile(path.join(dist, "sw.js"), "\n// redeployed\n");
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    await expect.poll(() => page.getByText("有新版本").count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("button", { name: "更新", exact: true }).click();
    await expect.poll(() => page.getByText("有新版本").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(waiting).toBeNull();
  });
});
