// Script-neutral matching keys: a title key or name converted Traditional → Simplified (OpenCC), so a later report in the other
// script finds the same inspection and problems.
import { Converter } from "opencc-js/t2cn";
import { titleKey } from "./normalise.ts";

// Built on first use: its dictionaries take a moment to load.
let toSimplified: ((s: string) => string) | null = null;

/** The same key for 部分單位“三重一大”事項 and 部分单位「三重一大」事项. */
export function matchKey(text: string): string {
  toSimplified ??= Converter({ from: "t", to: "cn" });
  return toSimplified(titleKey(text));
}
