// The Promela model stays the protocol: its decisions are exactly merge.ts's, spin finds no error in any fault
// configuration, and each seeded bug is caught. Needs Debian's spin and gcc (.ci/test-all installs them).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asExpected, CHECKS, MODEL, runCheck } from "./spin.ts";

const MERGE = fileURLToPath(new URL("../../server/src/sync/merge.ts", import.meta.url));

/** `export type Decision = | { type: "A" } | { type: "B"; reason: "x" | "y"; … }` → A, B_x, B_y. */
export function decisionsOfMerge(source: string): string[] {
  const block = /export type Decision =([\s\S]*?);\n\n/.exec(source)?.[1];
  if (!block) throw new Error("merge.ts: no `export type Decision = …;` found");
  const out: string[] = [];
  for (const variant of block.matchAll(/\{([^{}]*)\}/g)) {
    const type = /type:\s*"([A-Z_]+)"/.exec(variant[1]!)?.[1];
    if (!type) throw new Error(`merge.ts: a Decision variant without a type: ${variant[0]}`);
    const reasons = /reason:\s*((?:"[^"]+"\s*\|?\s*)+)/.exec(variant[1]!)?.[1];
    if (!reasons) out.push(type);
    else for (const r of reasons.matchAll(/"([^"]+)"/g)) out.push(`${type}_${r[1]!.replaceAll("-", "_")}`);
  }
  return out.sort();
}

/** `mtype:decision = { A, B_x };` of the model. */
export function decisionsOfModel(source: string): string[] {
  const list = /mtype:decision\s*=\s*\{([^}]*)\}/.exec(source)?.[1];
  if (!list) throw new Error("sync.pml: no `mtype:decision = { … }` found");
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .sort();
}

describe("the model's decisions", () => {
  it("are exactly merge.ts's Decision union, and decide() reaches each", async () => {
    const [merge, model] = await Promise.all([readFile(MERGE, "utf8"), readFile(MODEL, "utf8")]);
    const fromMerge = decisionsOfMerge(merge);
    expect(fromMerge.length).toBeGreaterThanOrEqual(6);
    expect(decisionsOfModel(model)).toEqual(fromMerge);
    const decide = /inline decide\([^)]*\)\s*\{([\s\S]*?)\n\}/.exec(model)?.[1] ?? "";
    for (const d of fromMerge) expect(decide, `decide() never yields ${d}`).toMatch(new RegExp(`dec = ${d}\\b`));
  });

  it("the parser notices a decision added to merge.ts", () => {
    const grown =
      'export type Decision =\n  | { type: "CREATE" }\n  | { type: "CONFLICT"; reason: "foreign-edit" | "content-mismatch"; replay: boolean };\n\n';
    expect(decisionsOfMerge(grown)).toEqual(["CONFLICT_content_mismatch", "CONFLICT_foreign_edit", "CREATE"]);
  });
});

describe("spin", () => {
  for (const check of CHECKS) {
    it(`${check.name}: ${check.expect === "pass" ? "no error" : "the bug is caught"}`, async () => {
      const r = await runCheck(check);
      expect(r.states).toBeGreaterThan(0);
      expect(asExpected(r), JSON.stringify({ errors: r.errors, violation: r.violation, states: r.states })).toBe(true);
    });
  }
});
