// The phone's storage in the real browser: 设置 shows the space used and the persistent-storage answer; when
// IndexedDB is full (the origin's quota set small through the DevTools protocol) a new photo fails with a clear
// message, 设置 says the device is full, and the record already saved is unharmed and still syncs once space is
// back. (Chromium's storage.estimate() ignores the CDP quota override, so the estimate-based "nearly full"
// warning is covered by settings/storage-space.test.ts; here the failed write itself is the signal.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";
import { noisyPng } from "./helpers/noisy-png.ts";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

let s: Scenario;
let phone: Phone;
let dir: string;

beforeAll(async () => {
  s = await startScenario(4671);
  phone = await launchPhone(s.app.url);
  dir = await mkdtemp(path.join(tmpdir(), "rectify-quota-"));
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outbox = (page: Phone["page"]) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string; findings: string }[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: any) => ({ id: e.id, state: e.state, findings: e.envelope.findings })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

describe("a full phone", () => {
  it("refuses a photo that does not fit with a clear message, says so in 设置, and keeps what was saved", async () => {
    const { page } = phone;
    // A small phone: the origin's quota is 900 KB, set before the app first stores anything (Chromium applies
    // a quota override only to storage not used yet). The app, its cache and one record fit; a photo does not.
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(s.app.url).origin;
    await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: 900_000 });
    await logIn(page, "inspector1");
    await phone.setOffline(true);
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "查阅台账" }).check();
    await page.getByLabel("查阅的台账、资料").fill("整改台账");
    await page.getByLabel("核查结论").fill("保存在满盘之前");
    await save(page);
    const before = await outbox(page);
    expect(before).toHaveLength(1);

    // 设置 shows the space used and what the browser answered to persist() (asked at the first capture).
    await page.getByRole("navigation").getByRole("link", { name: "设置" }).click();
    await expect.poll(() => page.getByText(/已用 .+，可用约 /).count(), { timeout: 15_000 }).toBe(1);
    expect(
      await page
        .getByText(/持久存储/)
        .first()
        .textContent(),
    ).toMatch(/已开启持久存储|未获准持久存储/);
    expect(await page.getByRole("alert").count()).toBe(0);

    // A 3 MB photo (two ~600 KB JPEGs once processed) does not fit: the form says so, nothing is half-saved.
    const big = path.join(dir, "big.png");
    await writeFile(big, noisyPng(1000, 1000));
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("满盘时的走访");
    await page.getByLabel("拍照").setInputFiles(big);
    await expect.poll(() => page.getByText("设备存储空间不足").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await outbox(page)).toEqual(before);
    const blobs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("rectify");
          open.onsuccess = () => {
            const req = open.result.transaction("photos").objectStore("photos").count();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
        }),
    );
    expect(blobs).toBe(0);
    await page.getByRole("navigation").getByRole("link", { name: "设置" }).click();
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 15_000 }).toContain("存储空间已满");

    // Space is back and so is the network: the record saved before syncs, once.
    await cdp.send("Storage.overrideQuotaForOrigin", { origin });
    await phone.setOffline(false);
    // A reload (the inspector closes and reopens the app) still finds the saved record as it was.
    await page.reload();
    await expect.poll(() => page.getByRole("navigation").count(), { timeout: 20_000 }).toBe(1);
    // (online again, the engine may already be sending it: the state moves, the content does not)
    const same = (list: { id: string; findings: string }[]) => list.map(({ id, findings }) => ({ id, findings }));
    expect(same(await outbox(page))).toEqual(same(before));
    await page.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "立即同步" }).click();
          return (await outbox(page)).map((e) => e.state);
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toEqual(["synced"]);
    const { totalCount, nodes } = await s.records();
    expect(totalCount).toBe(1);
    expect(nodes[0].findings).toBe("保存在满盘之前");
  });
});
