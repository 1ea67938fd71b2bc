// Two tabs of one phone profile capture offline at the same time and then sync at the same time: the Web Lock
// lets one sync engine send at a time, so each record reaches the server exactly once and none is lost. Every
// syncRecord request is counted and slowed, and while it is in flight the other tab must find the lock
// "rectify-sync" held in the browser's lock table (navigator.locks.query), which fails without the lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4672);
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

const outboxStates = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: { state: string }) => e.state));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

async function capture(page: Page, findings: string) {
  await startRecord(page, "三重一大");
  await page.getByRole("radio", { name: "查阅台账" }).check();
  await page.getByLabel("查阅的台账、资料").fill("整改台账");
  await page.getByLabel("核查结论").fill(findings);
  await save(page);
}

describe("two tabs of one profile", () => {
  it("capture and sync at once: each record is sent exactly once, none is lost", async () => {
    const a = phone.page;
    await logIn(a, "inspector1");
    const b = await phone.context.newPage();

    await b.goto("/");
    await expect.poll(() => b.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);

    const sends = new Map<string, number>();
    const locksDuringSend: string[] = [];
    await phone.context.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (route.request().method() !== "POST" || !body.includes("SyncRecord")) return route.fallback();
      const id = (JSON.parse(body) as { variables: { e: { recordId: string } } }).variables.e.recordId;
      sends.set(id, (sends.get(id) ?? 0) + 1);
      // While a send is in flight, the other tab must see the sync lock held (the browser's own lock table).
      locksDuringSend.push(
        await b.evaluate(async () => {
          const { held = [] } = await navigator.locks.query();
          return held.map((l) => l.name ?? "").join(",");
        }),
      );
      await new Promise((r) => setTimeout(r, 1500)); // a slow network: both tabs would be mid-send together
      return route.fallback();
    });

    await phone.setOffline(true);
    await Promise.all([capture(a, "甲标签页的记录"), capture(b, "乙标签页的记录")]);
    expect((await outboxStates(a)).sort()).toEqual(["waiting", "waiting"]);

    for (const p of [a, b]) await p.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    await phone.setOffline(false); // both tabs get `online` and start a pass
    await Promise.all([a, b].map((p) => p.getByRole("button", { name: "立即同步" }).click()));
    await expect.poll(() => outboxStates(b), { timeout: 60_000, interval: 1000 }).toEqual(["synced", "synced"]);
    // Give a late second engine time to send anything it still (wrongly) holds.
    await Promise.all([a, b].map((p) => p.getByRole("button", { name: "立即同步" }).click()));
    await a.waitForTimeout(3000);

    const { totalCount, nodes } = await s.records();
    console.log(
      "two tabs: syncRecord requests per record",
      [...sends.values()],
      "server records",
      totalCount,
      "locks held during each send",
      locksDuringSend,
    );
    expect(totalCount).toBe(2);
    expect(nodes.map((n) => n.findings).sort()).toEqual(["乙标签页的记录", "甲标签页的记录"].sort());
    expect([...sends.values()]).toEqual([1, 1]);
    expect(locksDuringSend).toEqual(["rectify-sync", "rectify-sync"]);
  });
});
