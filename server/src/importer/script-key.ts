// Script-neutral matching keys: a title key or name converted Traditional → Simplified (OpenCC), so a later report in the other
// script finds the same inspection and problems. opencc-js is imported only when a key is first needed (an import that reaches the
// database), so commands that never match (`pnpm cli --help`, exports) do not load it.
import { titleKey } from "./normalise.ts";

export type MatchKey = (text: string) => string;

let loading: Promise<MatchKey> | null = null;

/** The key function: the same key for 部分單位“三重一大”事項 and 部分单位「三重一大」事项. Loads OpenCC's dictionaries once. */
export function loadMatchKey(): Promise<MatchKey> {
  loading ??= import("opencc-js/t2cn").then(({ Converter }) => {
    const toSimplified = Converter({ from: "t", to: "cn" });
    return (text: string) => toSimplified(titleKey(text));
  });
  // A failed load is not cached: the next import tries again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
