// The README's commands run as written on a machine with only Node and npm: every shell line that calls pnpm
// goes through `npx -y pnpm@<the version package.json pins>`, and names a script that exists (issue 13 point 16).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const pkg = (dir: string) => JSON.parse(readFileSync(`${root}${dir}package.json`, "utf8"));
const pinned = `npx -y ${pkg("").packageManager as string}`;
const scripts = (dir: string) => Object.keys(pkg(dir).scripts ?? {});

/** Every line of every ```sh block, continuation lines joined. */
function shellLines(): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.replace(/\\\n/g, " ").split("\n")).filter((l) => l.trim() && !l.startsWith("#"));
}

describe("README commands", () => {
  it("call pnpm only through the pinned npx form, in shell blocks and in prose", () => {
    const bare = shellLines()
      .flatMap((l) => l.split(/&&|;/))
      .filter((c) => /(^|\s)pnpm\s/.test(c) && !c.includes(pinned));
    expect(bare).toEqual([]);
    // Inline `pnpm …` in prose is allowed only where it says pnpm is installed.
    const inline = [...readme.matchAll(/`(pnpm [^`]+)`/g)].map((m) => m[1]!).filter((c) => c !== "pnpm …");
    expect(inline).toEqual([]);
  });

  it("name scripts that exist in the package they run in", () => {
    const missing: string[] = [];
    for (const line of shellLines()) {
      for (const cmd of line.split("&&").map((c) => c.trim())) {
        const m = cmd.match(/^(?:cd (\S+) && )?npx -y pnpm@[\d.]+ (?:--filter \S+ )?([\w:-]+)/);
        if (!m) continue;
        const dir = line.startsWith("cd tests") ? "tests/" : cmd.includes("--filter @rectify/client") ? "client/" : "";
        const script = m[2]!;
        if (["install", "exec"].includes(script)) continue;
        if (!scripts(dir).includes(script)) missing.push(`${dir || "./"} ${script}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
