// A new version deployed while records wait in the outbox: the open PWA offers the update, reloads into the new
// version (its index.html carries a build mark the old one lacks), and that version sends every waiting record
// exactly once; nothing in the outbox is lost across the service-worker swap.
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

const built = fileURLToPath(new URL("../../client/dist", import.meta.url));
let dist: string;
let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "rectify-dist-"));
  await cp(built, dist, { recursive: true });
  s = await startScenario(4674, { clientDist: dist });
  phone = await launchPhone(s.app.url);
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
  await rm(dist, { recursive: true, force: true });
});

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string }[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: { id: string; state: string }) => ({ id: e.id, state: e.state })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

const buildMark = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="rectify-build"]')?.getAttribute("content") ?? null);

describe("a new version while records wait", () => {
  it("updates and the new version sends them, once each", async () => {
    const { page } = phone;
    await logIn(page, "inspector1");
    expect(await buildMark(page)).toBeNull();
    // The first version is installed (its precache done) before the phone goes offline.
    const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(firstWorker).toMatch(/\/sw\.js$/);

    // Two records wait offline.
    await phone.setOffline(true);
    for (const findings of ["更新前的记录一", "更新前的记录二"]) {
      await startRecord(page, "三重一大");
      await page.getByRole("radio", { name: "查阅台账" }).check();
      await page.getByLabel("查阅的台账、资料").fill("整改台账");
      await page.getByLabel("核查结论").fill(findings);
      await save(page);
    }
    const waiting = await outbox(page);
    expect(waiting.map((e) => e.state)).toEqual(["waiting", "waiting"]);

    // The network is back but the sync endpoint is not (the records keep waiting); every send is counted.
    const sends = new Map<string, number>();
    let syncOpen = false;
    await phone.context.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (route.request().method() !== "POST" || !body.includes("SyncRecord")) return route.fallback();
      if (!syncOpen) return route.abort("connectionrefused");
      const id = (JSON.parse(body) as { variables: { e: { recordId: string } } }).variables.e.recordId;
      sends.set(id, (sends.get(id) ?? 0) + 1);
      return route.fallback();
    });
    await phone.setOffline(false);

    // "Deploy": index.html gains a build mark (its precache revision changes) and sw.js changes byte-wise.
    const index = path.join(dist, "index.html");
    const html = await readFile(index, "utf8");
    const html2 = html.replace("<head>", '<head><meta name="rectify-build" content="v2">');
    await writeFile(index, html2);
    // The server prefers the build's precompressed copies: deploy those too.
    await writeFile(`${index}.br`, brotliCompressSync(html2));
    await writeFile(`${index}.gz`, gzipSync(html2));
    const sw = path.join(dist, "sw.js");
    const script = await readFile(sw, "utf8");
    const marked = script.replace(/(\{url:"index\.html",revision:")[^"]*"/, '$1v2-build"');
    expect(marked).not.toBe(script);
    await writeFile(sw, marked);
    await appendFile(sw, "\n// redeployed\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => page.getByText("有新版本").count(), { timeout: 30_000 }).toBe(1);
    expect((await outbox(page)).map((e) => e.state).filter((x) => x === "synced")).toEqual([]);
    await page.getByRole("button", { name: "更新", exact: true }).click();
    await expect.poll(() => buildMark(page), { timeout: 30_000 }).toBe("v2");
    await expect.poll(() => page.getByRole("navigation").count(), { timeout: 20_000 }).toBe(1);
    expect((await outbox(page)).map((e) => e.id).sort()).toEqual(waiting.map((e) => e.id).sort());

    // The server is reachable again: the new version sends what the old one saved.
    syncOpen = true;
    await page.getByRole("navigation").getByRole("link", { name: /同步/ }).click();
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "立即同步" }).click();
          return (await outbox(page)).map((e) => e.state);
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toEqual(["synced", "synced"]);
    const { totalCount, nodes } = await s.records();
    console.log("update while waiting: build", await buildMark(page), "sends per record", [...sends.values()]);
    expect(totalCount).toBe(2);
    expect(nodes.map((n) => n.findings).sort()).toEqual(["更新前的记录一", "更新前的记录二"].sort());
    expect([...sends.values()]).toEqual([1, 1]);
  });
});
