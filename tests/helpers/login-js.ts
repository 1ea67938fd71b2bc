// The login screen's JavaScript as a phone downloads it: the entry script plus every modulepreload index.html
// names (its static imports), each gzip -9. One measure for the scale bench and the CI budget test.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const CLIENT_DIST = path.resolve(import.meta.dirname, "../../client/dist");

/** Goal e of issue 12: the login screen's JS, gzip, in bytes (kB = 1,000 bytes, as the bench reports). */
export const LOGIN_JS_BUDGET_BYTES = 120_000;

export async function loginScreenJs(
  dist = CLIENT_DIST,
): Promise<{ files: { src: string; gzip: number }[]; gzip: number }> {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const srcs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const files = [];
  for (const src of srcs)
    files.push({ src, gzip: gzipSync(await readFile(path.join(dist, src)), { level: 9 }).length });
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
