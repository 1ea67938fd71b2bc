// Sync trouble on a 360 px phone, told as it is: with the phone online and the server down, login keeps what was
// typed and the record says 服务器无法连接 (no 网络不可用, no English) while the header stops saying 在线; once
// the server is back the record goes within seconds, long before its own retry time, because the app probes the
// server; a slow multi-photo upload shows records and photo bytes sent / total. axe stays clean throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { noisyPng } from "./helpers/noisy-png.ts";
import { PASSWORD, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;
let dir: string;
const shots = process.env.SCREENSHOT_DIR ?? tmpdir();

beforeAll(async () => {
  s = await startScenario(4763);
  dir = await mkdtemp(path.join(tmpdir(), "rectify-trouble-"));
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string; nextAttemptAt: number; attempts: number }[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: any) => ({ ...e, envelope: undefined })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

const pill = (page: Page) => page.getByTestId("net-pill").innerText();
/** Visible text only: a folded <details> technical line is not rendered, so not in innerText. */
const visible = (page: Page) => page.locator("main").innerText();
const ENGLISH = /[A-Za-z]{4,}/;

describe("sync trouble on the phone", () => {
  it("keeps the typed username and password when login fails because the server is down", async () => {
    const { page } = phone;
    await page.goto("/");
    // The pill comes with the sync engine's chunk: wait for it before the server goes, or a slow first load (CI
    // under load) leaves that chunk to arrive only once the server is back, which is lazy-chunks.test.ts's case.
    await expect.poll(() => pill(page), { timeout: 30_000 }).toBe("在线");
    await page.getByLabel("用户名").fill("inspector1");
    await s.app.kill();
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toContain("无法连接服务器");
    expect(await alert.innerText()).not.toMatch(ENGLISH);
    expect(await page.getByLabel("密码").inputValue()).toBe(PASSWORD);
    expect(await page.getByLabel("用户名").inputValue()).toBe("inspector1");
    expect(await pill(page)).toBe("服务器无法连接"); // online, but the server did not answer: not 在线
    await page.screenshot({ path: path.join(shots, "sync-trouble-login.png") });
    expect(await axeViolations(page)).toEqual([]);

    await s.restart();
    await page.getByRole("button", { name: "登录" }).click(); // as typed: nothing to retype
    await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText("台账更新于").count(), { timeout: 30_000 }).toBe(1);
  });

  it("says 服务器无法连接 while the server is down and sends as soon as it is back", async () => {
    const { page } = phone;
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "查阅台账" }).check();
    await page.getByLabel("查阅的台账、资料").fill("服务器停机时的记录");
    await s.app.kill();
    await save(page);
    await page.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    const item = page.locator(".outbox-list > li").first();
    await expect.poll(() => item.innerText(), { timeout: 20_000 }).toContain("服务器无法连接");
    expect(await item.innerText()).not.toContain("网络不可用");
    expect(await visible(page)).not.toMatch(ENGLISH);
    expect(await pill(page)).toBe("服务器无法连接");
    const trouble = page.getByTestId("sync-trouble");
    expect(await trouble.innerText()).toContain("服务器无法连接");
    // A long outage: 立即同步 pressed again and again; the record's own retry time moves a minute or more away.
    for (let i = 0; i < 6; i++) {
      await trouble.getByRole("button", { name: "立即同步" }).click();
      await expect.poll(async () => (await outbox(page))[0]!.attempts, { timeout: 10_000 }).toBeGreaterThan(i + 1);
      await expect.poll(async () => (await outbox(page))[0]!.state).toBe("waiting");
    }
    const [waiting] = await outbox(page);
    expect(waiting!.nextAttemptAt - Date.now()).toBeGreaterThan(45_000);
    await expect.poll(() => item.innerText()).toMatch(/将于 \d\d:\d\d 重试/);
    await expect.poll(() => trouble.innerText()).toMatch(/将于 \d\d:\d\d:\d\d 再次检测服务器/);
    // The technical line is there for support, folded away.
    await item.getByText("技术信息").click();
    expect(await item.locator("code").innerText()).toContain("SYNC_UNREACHABLE");
    await item.getByText("技术信息").click();
    await page.screenshot({ path: path.join(shots, "sync-trouble-unreachable.png") });
    expect(await axeViolations(page)).toEqual([]);

    await s.restart();
    const back = Date.now();
    await expect.poll(async () => (await outbox(page))[0]!.state, { timeout: 45_000, interval: 250 }).toBe("synced");
    const sentAfter = Date.now() - back;
    console.log(
      `sync trouble: sent ${sentAfter} ms after the server was back; own retry was due in`,
      waiting!.nextAttemptAt - back,
      "ms",
    );
    expect(Date.now()).toBeLessThan(waiting!.nextAttemptAt - 5_000); // the old retry timer would not have sent yet
    await expect.poll(() => pill(page)).toBe("在线");
    expect((await s.records()).totalCount).toBe(1);
  });

  it("shows records and photo bytes sent / total during a slow multi-photo upload", async () => {
    const { page, context } = phone;
    await phone.setOffline(true);
    for (const [i, place] of ["第一处走访", "第二处走访"].entries()) {
      const file = path.join(dir, `big-${i}.png`);
      await writeFile(file, noisyPng(1000, 1000));
      await startRecord(page, "三重一大");
      await page.getByRole("radio", { name: "实地走访" }).check();
      await page.getByLabel("走访地点").fill(place);
      await page.getByLabel("拍照").setInputFiles(file);
      await expect.poll(async () => (await page.getByRole("img").count()) > 0, { timeout: 60_000 }).toBe(true);
      await page.getByLabel("核查结论").fill("大照片慢速上传");
      await save(page);
    }
    await page.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    expect(await pill(page)).toBe("离线");
    // A slow uplink: every chunk of every photo takes over a second to be acknowledged.
    await context.route("**/uploads/**", async (route) => {
      if (route.request().method() !== "PATCH") return route.fallback();
      await new Promise((r) => setTimeout(r, 1_200));
      return route.fallback();
    });
    await phone.setOffline(false);
    const progress = page.getByTestId("sync-progress");
    await expect
      .poll(async () => ((await progress.count()) ? progress.innerText() : ""), { timeout: 30_000, interval: 100 })
      .toMatch(/照片已上传 [\d.]+ [KM]iB \/ [\d.]+ MiB/);
    const text = await progress.innerText();
    expect(text).toMatch(/已完成 [01]\/2 条记录/);
    await expect
      .poll(async () => page.getByTestId("record-progress").allInnerTexts(), { timeout: 20_000, interval: 100 })
      .toContainEqual(expect.stringMatching(/照片 1\/2 张 · [\d.]+ [KM]iB \/ [\d.]+ MiB/));
    expect(await visible(page)).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(shots, "sync-trouble-progress.png") });
    expect(await axeViolations(page)).toEqual([]);
    await expect
      .poll(async () => (await outbox(page)).map((e) => e.state), { timeout: 120_000, interval: 500 })
      .toEqual(["synced", "synced", "synced"]);
    expect(await progress.count()).toBe(0);
  });
});
