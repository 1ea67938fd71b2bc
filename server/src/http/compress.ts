// HTTP compression of text answers (GraphQL, server-rendered pages, exports of text) with brotli or gzip, as the
// client accepts. Invariants: live updates (text/event-stream) and byte-range/photo routes pass through untouched
// (compressing would buffer events or break resumable offsets); tiny answers are not worth a compressor.
import compression from "compression";
import { constants } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";

const SKIP_PATHS = /^\/(uploads|files)\//;

const middleware = compression({
  threshold: 1024,
  // Level 4 is nearly as small as the default 11 for JSON and many times faster on a busy 2-core server.
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  filter: (req, res) => {
    if (SKIP_PATHS.test(req.url ?? "")) return false;
    const type = String(res.getHeader("Content-Type") ?? "");
    if (type.startsWith("text/event-stream") || type.startsWith("multipart/")) return false;
    return compression.filter(req, res);
  },
});

/** Wraps `res` so that what the handler writes is compressed when that helps; then calls `next`. */
export function withCompression(req: IncomingMessage, res: ServerResponse, next: () => void) {
  middleware(req as never, res as never, next);
}
