// Headless Debian Chromium driven by playwright-core, phone-sized, against the real server; axe for accessibility.
// Invariants: a fresh profile per launch (nothing leaks between tests); requests made by the service worker
// itself are blocked while "offline", because context.setOffline does not cover them; a Content-Security-Policy
// violation by the app fails the test when the phone closes (the PWA must work under the server's CSP).
import { createRequire } from "node:module";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

/** A persistent profile (so IndexedDB and the service worker survive reloads), sized like a phone. */
export async function launchPhone(
  baseURL: string,
  profileDir?: string,
  desk?: { width: number; height: number },
): Promise<Phone> {
  const userDataDir = profileDir ?? (await mkdtemp(path.join(tmpdir(), "rectify-chromium-")));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    baseURL,
    viewport: desk ?? { width: 360, height: 640 },
    deviceScaleFactor: desk ? 1 : 2,
    isMobile: !desk,
    hasTouch: !desk,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    geolocation: { latitude: 31.6545, longitude: 120.7521, accuracy: 12 },
    permissions: ["geolocation"],
  });
  let offline = false;
  await context.route("**/*", (route) => {
    if (offline && route.request().serviceWorker()) return route.abort("internetdisconnected");
    return route.fallback();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  const watch = (p: Page) =>
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    browser: context.browser()!,
    context,
    page,
    async setOffline(value) {
      offline = value;
      await context.setOffline(value);
    },
    async close() {
      await context.close();
      if (!profileDir) await rm(userDataDir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join("\n")}`);
    },
  };
}

/** The same browser at a desk: a 1440×900 window with a mouse and keyboard (no touch). */
export function launchDesk(baseURL: string, size = { width: 1440, height: 900 }): Promise<Phone> {
  return launchPhone(baseURL, undefined, size);
}

/** Runs axe-core in the page and returns the violations (impact serious or critical). */
export async function axeViolations(page: Page) {
  // Evaluated through the DevTools protocol, not as an inline <script>, which the page's CSP rightly refuses.
  await page.evaluate(await readFile(require.resolve("axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
}

/** Chrome's own installability verdict for the current page. */
export async function installabilityErrors(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  await cdp.detach();
  return installabilityErrors as { errorId: string }[];
}
