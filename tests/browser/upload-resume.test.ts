// A photo upload cut by closing the app: the first 512 KB chunk of a photo reaches the server, then the browser
// profile is closed while the next chunk is in flight (that request is cut, then the context closes). Reopened, the app asks the server (HEAD) where the upload
// stands and goes on from that offset, never from 0; the server ends with every photo complete, its sha256
// verified and equal to the device's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { noisyPng } from "./helpers/noisy-png.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";
import { gqlAt } from "./helpers/app-process.ts";

let s: Scenario;
let phone: Phone | undefined;
let dir: string;

beforeAll(async () => {
  s = await startScenario(4673);
  dir = await mkdtemp(path.join(tmpdir(), "rectify-resume-"));
});
afterAll(async () => {
  await phone?.close();
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ state: string; photos: { id: string; sha256: string; size: number }[] }[]>((resolve, reject) => {
        const open = indexedDB.open("rectify");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((e: any) => ({ state: e.state, photos: e.envelope.photos })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

describe("a photo upload cut by closing the app", () => {
  it("resumes at the server's offset after the profile is reopened", async () => {
    const profile = path.join(dir, "profile");
    phone = await launchPhone(s.app.url, profile);
    let page = phone.page;
    await logIn(page, "inspector1");
    await phone.setOffline(true);
    const big = path.join(dir, "big.png");
    await writeFile(big, noisyPng(1000, 1000));
    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("断点续传的走访");
    await page.getByLabel("拍照").setInputFiles(big);
    await expect.poll(async () => (await page.getByRole("img").count()) > 0, { timeout: 60_000 }).toBe(true);
    await page.getByLabel("核查结论").fill("照片上传中途关闭应用");
    await save(page);
    const [entry] = await outbox(page);
    expect(entry!.photos.length).toBe(2);
    expect(entry!.photos.every((p) => p.size > 512 * 1024)).toBe(true); // each takes two chunks

    // First session: the first PATCH goes through; the next one hangs until the app is closed.
    const firstChunk: { photoId: string; offset: number }[] = [];
    let firstDone!: () => void;
    const firstPatched = new Promise<void>((r) => (firstDone = r));
    let closing = false;
    let heldDone!: () => void;
    const held = new Promise<void>((r) => (heldDone = r));
    let cutDone!: () => void;
    const cutOff = new Promise<void>((r) => (cutDone = r));
    await phone.context.route("**/uploads/**", async (route) => {
      if (route.request().method() !== "PATCH") return route.fallback();
      if (firstChunk.length === 0) {
        const response = await route.fetch();
        firstChunk.push({
          photoId: route.request().url().split("/uploads/")[1]!,
          offset: Number(response.headers()["upload-offset"]),
        });
        await route.fulfill({ response });
        firstDone();
        return;
      }
      heldDone();
      while (!closing) await new Promise((r) => setTimeout(r, 50));
      // Cut before closing: Playwright would let a still-held request through when its context closes.
      await route.abort("connectionreset").catch(() => undefined);
      cutDone();
    });
    await phone.setOffline(false); // the `online` event starts the send
    await firstPatched;
    await held; // the second chunk is in flight
    closing = true;
    await cutOff;
    await phone.close();
    phone = undefined;
    expect(firstChunk[0]!.offset).toBe(512 * 1024);

    // Reopened: record every HEAD answer and PATCH offset on the way to synced.
    phone = await launchPhone(s.app.url, profile);
    page = phone.page;
    const heads: { photoId: string; offset: number }[] = [];
    const patches: { photoId: string; offset: number }[] = [];
    await phone.context.route("**/uploads/**", async (route) => {
      const photoId = route.request().url().split("/uploads/")[1]!;
      if (route.request().method() === "PATCH") {
        patches.push({ photoId, offset: Number(route.request().headers()["upload-offset"]) });
        return route.fallback();
      }
      if (route.request().method() === "HEAD") {
        const response = await route.fetch();
        heads.push({ photoId, offset: Number(response.headers()["upload-offset"]) });
        return route.fulfill({ response });
      }
      return route.fallback();
    });
    await page.goto("/");
    await expect.poll(async () => (await outbox(page)).map((e) => e.state), { timeout: 90_000 }).toEqual(["synced"]);
    console.log("upload resume: first session", firstChunk, "reopened HEAD", heads, "PATCH", patches);

    const cut = firstChunk[0]!;
    expect(heads).toContainEqual({ photoId: cut.photoId, offset: cut.offset });
    const resumed = patches.filter((p) => p.photoId === cut.photoId);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.every((p) => p.offset >= cut.offset)).toBe(true); // never restarted from 0

    const r = await gqlAt(
      s.app.url,
      `{ inspectionRecords(first: 5) { edges { node { photos { id complete sha256 size } } } } }`,
      {},
      s.supervisorToken,
    );
    const serverPhotos = r.data.inspectionRecords.edges[0].node.photos as { complete: boolean; sha256: string }[];
    expect(serverPhotos.every((p) => p.complete)).toBe(true);
    expect(serverPhotos.map((p) => p.sha256).sort()).toEqual(entry!.photos.map((p) => p.sha256).sort());
  });
});
