// One phone of the chaos run: a persistent Chromium profile (closed and reopened like a phone's browser), logged
// in as its own inspector, driven through the PWA's real screens; reads its outbox straight from IndexedDB.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchPhone, type Phone } from "../browser/helpers/browser.ts";

export const PASSWORD = "chaos-inspector-pw";

export interface StoredEntry {
  id: string;
  state: string;
  findings: string;
  revision: number;
  lastError: { code: string; message: string } | null;
  photos: { id: string; sha256: string }[];
}

export class Device {
  phone!: Phone;
  offline = false;
  private constructor(
    readonly index: number,
    readonly username: string,
    readonly baseURL: string,
    readonly profileDir: string,
  ) {}

  static async open(index: number, username: string, baseURL: string): Promise<Device> {
    const dir = await mkdtemp(path.join(tmpdir(), "rectify-chaos-phone-"));
    const d = new Device(index, username, baseURL, dir);
    d.phone = await launchPhone(baseURL, dir);
    await d.logIn();
    return d;
  }

  get page(): Page {
    return this.phone.page;
  }

  async logIn() {
    const page = this.page;
    await page.goto("/");
    await page.getByLabel("用户名").fill(this.username);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("台账更新于").waitFor({ timeout: 30_000 });
  }

  /** After a reload or reopen: the app shows the cached user at once; wait for the shell. */
  async waitForShell() {
    await this.page.getByRole("navigation").first().waitFor({ timeout: 30_000 });
  }

  async setOffline(value: boolean) {
    this.offline = value;
    await this.phone.setOffline(value);
  }

  async reload() {
    await this.page.reload();
    await this.waitForShell();
  }

  /** Closes the browser (like swiping the app away) and opens the same profile again. */
  async reopen() {
    await this.phone.close();
    this.phone = await launchPhone(this.baseURL, this.profileDir);
    if (this.offline) await this.phone.setOffline(true);
    await this.page.goto("/");
    await this.waitForShell();
  }

  private async goHash(hash: string) {
    await this.page.evaluate((h) => {
      location.hash = h;
    }, hash);
  }

  /** Fills and saves a site visit; resolves true once the PWA says it is saved on the device. */
  async capture(recordId: string, problemId: string, place: string, findings: string, photo: string | null) {
    const page = this.page;
    await this.goHash(`#/capture/${recordId}?problem=${encodeURIComponent(problemId)}`);
    await page.getByRole("button", { name: "保存记录" }).waitFor({ timeout: 15_000 });
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill(place);
    if (photo) {
      await page.getByLabel("拍照").setInputFiles(photo);
      await page
        .getByRole("img", { name: /现场照片 1/ })
        .first()
        .waitFor({ timeout: 30_000 });
    }
    await page.getByLabel("核查结论").fill(findings);
    return this.save();
  }

  /** Opens a saved record and changes its findings. */
  async edit(recordId: string, findings: string) {
    const page = this.page;
    await this.goHash(`#/capture/${recordId}`);
    await page.getByRole("button", { name: "保存记录" }).waitFor({ timeout: 15_000 });
    await page.getByLabel("核查结论").fill(findings);
    return this.save();
  }

  private async save(): Promise<boolean> {
    const page = this.page;
    await page.getByRole("button", { name: "保存记录" }).click();
    await page.getByRole("heading", { name: /记录已保存在本机/ }).waitFor({ timeout: 20_000 });
    return true;
  }

  /** "立即同步" on the outbox screen. */
  async syncNow() {
    await this.goHash("#/outbox");
    await this.page.getByRole("button", { name: "立即同步" }).click({ timeout: 10_000 });
  }

  async entries(): Promise<StoredEntry[]> {
    return this.page.evaluate(
      () =>
        new Promise<StoredEntry[]>((resolve, reject) => {
          const open = indexedDB.open("rectify");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction("outbox").objectStore("outbox").getAll();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              db.close();
              resolve(
                (req.result as any[]).map((e) => ({
                  id: e.id,
                  state: e.state,
                  findings: e.envelope.findings,
                  revision: e.envelope.revision,
                  lastError: e.lastError,
                  photos: e.envelope.photos.map((p: any) => ({ id: p.id, sha256: p.sha256 })),
                })),
              );
            };
          };
        }),
    );
  }

  async close() {
    await this.phone.close().catch(() => undefined);
    await rm(this.profileDir, { recursive: true, force: true });
  }
}
