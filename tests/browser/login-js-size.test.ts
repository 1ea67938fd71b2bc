// Budget: the JS index.html loads before the login screen shows stays ≤ 120 kB gzip (issue 12 goal e). Builds
// nothing itself: it reads client/dist, which CI builds just before the browser tests (.ci/test-all "client build").
// A missing build fails (never skips): the budget must always be checked.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_DIST, LOGIN_JS_BUDGET_BYTES, loginScreenJs } from "../helpers/login-js.ts";

describe("login screen JS budget", () => {
  it("entry chunk + its static imports ≤ 120 kB gzip, and the sync engine is not among them", async () => {
    expect(
      existsSync(`${CLIENT_DIST}/index.html`),
      "build the client first (pnpm --filter @rectify/client build)",
    ).toBe(true);
    const { files, gzip } = await loginScreenJs();
    const listing = files.map((f) => `${f.src} ${(f.gzip / 1000).toFixed(1)} kB`).join("\n");
    expect(files.length).toBeGreaterThan(0);
    expect(gzip, `login screen JS ${(gzip / 1000).toFixed(1)} kB gzip:\n${listing}`).toBeLessThanOrEqual(
      LOGIN_JS_BUDGET_BYTES,
    );
    // What made it 200 kB before: the engine chunk and the app behind the login must stay lazy.
    expect(files.map((f) => f.src).filter((s) => /\/(engine-services|authed-app)-/.test(s))).toEqual([]);
  });
});
