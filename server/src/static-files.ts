// Serves the built PWA (client/dist): hashed assets cached for a year, the shell and service worker never
// cached by HTTP (so an update is seen), unknown paths fall back to index.html (client-side routing).
// Invariant: never serves a file outside the dist folder; a precompressed copy only to a client that accepts it.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const full = path.resolve(root, "." + path.posix.normalize(decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  const s = await stat(full).catch(() => null);
  if (s?.isFile()) return full;
  return null;
}

/** Whether an Accept-Encoding header accepts `encoding` (listed, and not with q=0). */
export function acceptsEncoding(header: string, encoding: string): boolean {
  return header.split(",").some((part) => {
    const [name = "", ...params] = part.split(";").map((x) => x.trim());
    if (name.toLowerCase() !== encoding) return false;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The build's brotli or gzip copy of a file (client/vite-precompress.ts), when the client accepts it. */
async function precompressed(file: string, accept: string) {
  for (const [encoding, ext] of [
    ["br", ".br"],
    ["gzip", ".gz"],
  ] as const) {
    if (!acceptsEncoding(accept, encoding)) continue;
    const s = await stat(file + ext).catch(() => null);
    if (s?.isFile()) return { encoding, file: file + ext, size: s.size };
  }
  return null;
}

export function createStaticHandler(distDir: string) {
  const root = path.resolve(distDir);
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = await fileAt(root, req.url ?? "/");
    const isAsset = (req.url ?? "").startsWith("/assets/");
    if (!file && !isAsset && !path.extname(req.url ?? "")) file = await fileAt(root, "/index.html");
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const cache = isAsset ? "public, max-age=31536000, immutable" : "no-cache";
    const encoded = await precompressed(file, String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, {
      "Content-Type": type,
      "Cache-Control": cache,
      "X-Content-Type-Options": "nosniff",
      Vary: "Accept-Encoding",
      ...(encoded ? { "Content-Encoding": encoded.encoding, "Content-Length": encoded.size } : {}),
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(encoded?.file ?? file).pipe(res);
  };
}
