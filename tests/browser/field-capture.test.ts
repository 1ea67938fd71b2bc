// The field inspector's day, in a phone-sized Chromium against the real server: log in once online, go offline,
// capture one record of each kind (one with a photo, one with a signature), reload while still offline and find
// them queued, come back online and see each record on the server exactly once, photos complete.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhone, axeViolations, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

const PHOTO = fileURLToPath(new URL("../../client/public/icons/icon-512.png", import.meta.url));
let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4611);
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

describe("offline capture with durable sync", () => {
  it("captures three kinds offline and delivers each exactly once", async () => {
    const { page } = phone;
    await logIn(page, "inspector1");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await phone.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);

    // 1. Site visit with a photo.
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("虞山街道办事处");
    await page.getByLabel("见到的人员").fill("张主任");
    await page.getByLabel("现场所见").fill("公示栏已更新，台账齐全。");
    await page.getByLabel("拍照").setInputFiles(PHOTO);
    await expect
      .poll(() => page.getByRole("img", { name: /现场照片 1/ }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByLabel("核查结论").fill("整改措施已落实。");
    await page.getByRole("radio", { name: "按计划推进" }).check();
    await save(page);

    // 2. Ledger check.
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "查阅台账" }).check();
    await page.getByLabel("查阅的台账、资料").fill("三重一大决策会议记录");
    await page.getByLabel("台账反映的情况").fill("会议记录完整。");
    await page.getByRole("radio", { name: "进度滞后" }).check();
    await page.getByLabel("需要跟进督促整改").check();
    await save(page);

    // 3. On-site questioning with a signature drawn on the screen.
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "现场问询" }).check();
    await page.getByLabel("姓名").fill("陈科长");
    await page.getByLabel("职务").fill("科长");
    await page.getByLabel("单位", { exact: true }).fill("市住建局");
    await page.getByLabel("问 1").fill("整改台账多久更新一次？");
    await page.getByLabel("答 1").fill("每月一整理。");
    await page.locator("#f-signature").scrollIntoViewIfNeeded();
    const pad = await page.locator("#f-signature").boundingBox();
    expect(pad).not.toBeNull();
    await page.mouse.move(pad!.x + 20, pad!.y + pad!.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(pad!.x + 20 + i * 20, pad!.y + pad!.height / 2 + (i % 2 ? 15 : -15));
    await page.mouse.up();
    await expect.poll(() => page.locator("#f-signature").getAttribute("aria-label")).toContain("已签名");
    await save(page);

    expect(await axeViolations(page)).toEqual([]);

    // Reload while still offline: all three are queued on the device.
    await page.reload();
    await page.getByRole("link", { name: /同步/ }).click();
    const states = () => page.locator(".outbox-list > li .chip").allTextContents();
    await expect.poll(states, { timeout: 20_000 }).toEqual(["等待同步", "等待同步", "等待同步"]);
    expect((await s.records()).totalCount).toBe(0);

    // The network returns: the outbox drains by itself.
    await phone.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(async () => (await s.records()).totalCount, { timeout: 60_000, interval: 500 }).toBe(3);
    await expect
      .poll(async () => (await s.records()).nodes.every((n) => n.syncState === "COMPLETE"), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(true);
    await expect.poll(states, { timeout: 30_000 }).toEqual(["已同步", "已同步", "已同步"]);
    const { nodes } = await s.records();
    expect(nodes.map((n) => n.kind).sort()).toEqual(["LEDGER_CHECK", "ONSITE_QUESTIONING", "SITE_VISIT"]);
    expect(nodes.every((n) => n.inspectorName === "李督查")).toBe(true);
    const visit = nodes.find((n) => n.kind === "SITE_VISIT");
    expect(visit.photos.map((p: any) => p.variant).sort()).toEqual(["original", "stamped"]);
    // The stamped copy is a JPEG; the original is the picked file itself (here the app's PNG icon).
    expect(visit.photos.every((p: any) => p.complete)).toBe(true);
    expect(Object.fromEntries(visit.photos.map((p: any) => [p.variant, p.mimeType]))).toEqual({
      original: "image/png",
      stamped: "image/jpeg",
    });
    const questioning = nodes.find((n) => n.kind === "ONSITE_QUESTIONING");
    expect(questioning.details.signature).not.toBeNull();
    expect(questioning.photos.some((p: any) => p.complete)).toBe(true);

    // Syncing again changes nothing on the server.
    await page.getByRole("button", { name: "立即同步" }).click();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await s.records()).totalCount).toBe(3);
  });
});
