// A running product for a browser test: its own server process and data folder, an inspector and a supervisor,
// and helpers to drive the PWA the way an inspector does (log in, open an item, capture, sync).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { bearer, freePort, gqlAt, startAppProcess, type AppProcess } from "./app-process.ts";

export const ADMIN_PASSWORD = "browser-admin-password";
export const PASSWORD = "field-inspector-pw";

export interface Scenario {
  app: AppProcess;
  adminToken: string;
  dataDir: string;
  port: number;
  supervisorToken: string;
  restart(): Promise<void>;
  records(): Promise<{ totalCount: number; nodes: any[] }>;
  close(): Promise<void>;
}

/** `preferredPort` is used when free; the scenario keeps whichever port it got across restarts. */
export async function startScenario(preferredPort: number, opts: { clientDist?: string } = {}): Promise<Scenario> {
  const port = await freePort(preferredPort);
  const dataDir = await mkdtemp(path.join(tmpdir(), "rectify-browser-"));
  const start = () => startAppProcess({ port, dataDir, adminPassword: ADMIN_PASSWORD, clientDist: opts.clientDist });
  const s: Scenario = {
    app: await start(),
    adminToken: "",
    dataDir,
    port,
    supervisorToken: "",
    async restart() {
      s.app = await start();
    },
    async records() {
      const r = await gqlAt(
        s.app.url,
        `{ inspectionRecords(first: 50) { totalCount edges { node { id kind findings syncState inspectorName details
          photos { variant complete mimeType } measures { number } } } } }`,
        {},
        s.supervisorToken,
      );
      return {
        totalCount: r.data.inspectionRecords.totalCount,
        nodes: r.data.inspectionRecords.edges.map((e: any) => e.node),
      };
    },
    async close() {
      await s.app.kill();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  const admin = await bearer(s.app.url, "admin", ADMIN_PASSWORD);
  for (const [username, role, displayName] of [
    ["inspector1", "INSPECTOR", "李督查"],
    ["supervisor1", "SUPERVISOR", "王主任"],
  ] as const) {
    const r = await gqlAt(
      s.app.url,
      `mutation($u:String!,$r:Role!,$d:String!,$p:String!){ createUser(username:$u, displayName:$d, password:$p, role:$r) { __typename } }`,
      { u: username, r: role, d: displayName, p: PASSWORD },
      admin,
    );
    expect(r.data.createUser.__typename).toBe("User");
  }
  s.supervisorToken = await bearer(s.app.url, "supervisor1", PASSWORD);
  s.adminToken = admin;
  return s;
}

export async function logIn(page: Page, username: string) {
  await page.goto("/");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect.poll(() => page.getByLabel("搜索事项").count(), { timeout: 20_000 }).toBe(1);
  // The working set (the items this user may see) is on the device once the ledger shows its time.
  await expect.poll(() => page.getByText("台账更新于").count(), { timeout: 20_000 }).toBe(1);
}

/** Opens a problem from the home search and starts a record on it. */
export async function startRecord(page: Page, search: string) {
  await page.getByRole("navigation").getByRole("link", { name: "事项", exact: true }).click();
  await page.getByLabel("搜索事项").fill(search);
  await page
    .getByRole("link", { name: new RegExp(search) })
    .first()
    .click();
  await page.getByRole("button", { name: "记录核查" }).click();
  await expect.poll(() => page.getByRole("button", { name: "保存记录" }).count()).toBe(1);
}

export async function save(page: Page) {
  await page.getByRole("button", { name: "保存记录" }).click();
  await expect.poll(() => page.getByRole("status").textContent(), { timeout: 15_000 }).toContain("已保存");
}
