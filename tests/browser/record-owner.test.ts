// A record's owner (issue 14 §3): inspector1 captures a record offline and logs out with it unsent; inspector2
// logs in on the same phone, online: their outbox does not list it (only says another user has one unsynced) and
// the server receives nothing; once inspector1 logs in again the record reaches the server exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { gqlAt } from "./helpers/app-process.ts";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, PASSWORD, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4681);
  const r = await gqlAt(
    s.app.url,
    `mutation($p:String!){ createUser(username:"inspector2", displayName:"赵督查", password:$p, role:INSPECTOR) { __typename } }`,
    { p: PASSWORD },
    s.adminToken,
  );
  expect(r.data.createUser.__typename).toBe("User");
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string; ownerId: string }[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: { id: string; state: string; ownerId: string }) => ({ ...e })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

async function logOut(page: Page, confirm: boolean) {
  await page.goto("/#/settings");
  await page.getByRole("button", { name: "退出登录" }).click();
  if (confirm) {
    await expect.poll(() => page.getByText("还有 1 条记录未同步").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "确定退出" }).click();
  }
  await expect.poll(() => page.getByLabel("用户名").count(), { timeout: 10_000 }).toBe(1);
}

describe("a record's owner on a shared phone", () => {
  it("is never sent or shown under another login, and is sent once when its owner is back", async () => {
    const { page } = phone;
    // Every syncRecord request is counted; until `open` they are refused (inspector1 must log out with it unsent).
    const sends = new Map<string, number>();
    let open = false;
    await phone.context.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (route.request().method() !== "POST" || !body.includes("SyncRecord")) return route.fallback();
      if (!open) return route.abort("connectionrefused");
      const id = (JSON.parse(body) as { variables: { e: { recordId: string } } }).variables.e.recordId;
      sends.set(id, (sends.get(id) ?? 0) + 1);
      return route.fallback();
    });

    await logIn(page, "inspector1");
    await phone.setOffline(true);
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "查阅台账" }).check();
    await page.getByLabel("查阅的台账、资料").fill("整改台账");
    await page.getByLabel("核查结论").fill("李督查离线记录");
    await save(page);
    const [captured] = await outbox(page);
    expect(captured).toMatchObject({ state: "waiting" });
    const inspector1Id = captured!.ownerId;
    expect(inspector1Id).toBeTruthy();

    // Online again (the server ends the session for real), still unsent: the logout asks to confirm.
    await phone.setOffline(false);
    await logOut(page, true);

    // inspector2 on the same phone, online, sync endpoint open: not their record.
    open = true;
    await logIn(page, "inspector2");
    await page.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    await expect.poll(() => page.getByText("本机还有其他用户的 1 条未同步记录").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText("李督查离线记录").count()).toBe(0);
    await page.getByRole("button", { name: "立即同步" }).click();
    await page.waitForTimeout(3_000);
    await page.getByRole("button", { name: "立即同步" }).click();
    await page.waitForTimeout(2_000);
    expect(sends.size).toBe(0);
    expect((await s.records()).totalCount).toBe(0);
    expect(await outbox(page)).toEqual([
      expect.objectContaining({ id: captured!.id, state: "waiting", ownerId: inspector1Id }),
    ]);

    // inspector2 has nothing of their own unsynced: no confirmation.
    await logOut(page, false);

    // inspector1 is back: the record goes, once.
    await logIn(page, "inspector1");
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
    console.log("record owner: sends per record", Object.fromEntries(sends), "server records", totalCount);
    expect(totalCount).toBe(1);
    expect(nodes[0].findings).toBe("李督查离线记录");
    expect(nodes[0].inspectorName).toBe("李督查");
    expect([...sends.values()]).toEqual([1]);
    expect(await page.getByText(/其他用户/).count()).toBe(0);
  });
});
