// The server dies in the middle of a sync — once right after it stored a record but before its answer reached
// the phone, once in the middle of a photo upload — and is started again on the same data: nothing is lost and
// nothing is duplicated.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "playwright-core";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

const PHOTO = fileURLToPath(new URL("../../client/public/icons/icon-512.png", import.meta.url));
let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4614);
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe("a server crash mid-sync", () => {
  it("loses nothing and duplicates nothing", async () => {
    const { page, context } = phone;
    await logIn(page, "inspector1");
    await phone.setOffline(true);
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("常熟高新区");
    await page.getByLabel("拍照").setInputFiles(PHOTO);
    await expect
      .poll(() => page.getByRole("img", { name: /现场照片 1/ }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await save(page);
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "查阅台账" }).check();
    await page.getByLabel("查阅的台账、资料").fill("整改台账");
    await save(page);

    const crashes: string[] = [];
    const crash = async (route: Route, what: string) => {
      // The request reaches the server and is applied; the server dies before the phone hears the answer.
      await route.fetch().catch(() => null);
      await s.app.kill("SIGKILL");
      crashes.push(what);
      await route.abort("connectionreset");
    };
    await context.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (!crashes.includes("record") && body.includes("syncRecord")) return crash(route, "record");
      return route.fallback();
    });
    await context.route("**/uploads/**", async (route) => {
      if (crashes.includes("record") && !crashes.includes("upload") && route.request().method() === "PATCH") {
        return crash(route, "upload");
      }
      return route.fallback();
    });

    await phone.setOffline(false);
    await page.getByRole("link", { name: /同步/ }).click();
    await page.getByRole("button", { name: "立即同步" }).click();
    await expect.poll(() => crashes, { timeout: 30_000 }).toEqual(["record"]);
    await s.restart();
    await page.getByRole("button", { name: "立即同步" }).click();
    await expect.poll(() => crashes, { timeout: 30_000 }).toEqual(["record", "upload"]);
    await s.restart();

    const states = () => page.locator(".outbox-list > li .chip").allTextContents();
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "立即同步" }).click();
          return states();
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toEqual(["已同步", "已同步"]);
    const { totalCount, nodes } = await s.records();
    expect(totalCount).toBe(2);
    expect(nodes.every((n) => n.syncState === "COMPLETE")).toBe(true);
    expect(nodes.find((n) => n.kind === "SITE_VISIT").photos.every((p: any) => p.complete)).toBe(true);
  });
});
