// HTTP compression of text answers (GraphQL, server-rendered pages, exports of text) with brotli or gzip, as the
// client accepts. Invariants: live updates (text/event-stream) and byte-range/photo routes pass through untouched
// (compressing would buffer events or break resumable offsets); tiny answers are not worth a compressor; what the
// `compression` middleware would decide (filter, no-transform, threshold, negotiation, Vary) is what is decided.
import compression from "compression";
import Negotiator from "negotiator";
import vary from "vary";
import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

const SKIP_PATHS = /^\/(uploads|files)\//;
const THRESHOLD = 1024;
// Level 4 is nearly as small as the default 11 for JSON and many times faster on a busy 2-core server.
const BROTLI_QUALITY = 4;

function filter(req: IncomingMessage, res: ServerResponse): boolean {
  if (SKIP_PATHS.test(req.url ?? "")) return false;
  const type = String(res.getHeader("Content-Type") ?? "");
  if (type.startsWith("text/event-stream") || type.startsWith("multipart/")) return false;
  return compression.filter(req as never, res as never);
}

const middleware = compression({
  threshold: THRESHOLD,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  filter: (req, res) => filter(req as never, res as never),
});

/**
 * Answers written whole by one end() (GraphQL results, pages) up to this size are compressed at once, in this
 * thread: a zlib stream per answer (what `compression` does) cost ~0.5 ms of CPU and two thread-pool hops on every
 * GraphQL request, more than gzipping a page of results. Larger answers keep the stream, which runs on the
 * thread pool instead of holding up the event loop.
 */
const AT_ONCE_MAX = 64 * 1024;

const CACHE_NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/;

/** The encoding `compression` would choose for this request: br, gzip or deflate; null for none. */
function negotiate(req: IncomingMessage): "br" | "gzip" | "deflate" | null {
  // negotiator 0.6.4 takes the server's preference second (its published types predate that argument)
  const negotiator = new Negotiator(req) as unknown as { encoding(available: string[], preferred: string[]): string };
  const method = negotiator.encoding(["br", "gzip", "deflate", "identity"], ["br", "gzip"]);
  return method === "br" || method === "gzip" || method === "deflate" ? method : null;
}

function compressAtOnce(body: Buffer, method: "br" | "gzip" | "deflate"): Buffer {
  if (method === "gzip") return gzipSync(body);
  if (method === "deflate") return deflateSync(body);
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

type WriteHeadArgs = [number, (string | OutgoingHttpHeaders | unknown[])?, (OutgoingHttpHeaders | unknown[])?];

/** Moves writeHead's own headers onto the response (as setHeader), so that end() can still see and change them. */
function applyHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | unknown[] | undefined) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // [[name, value], …] or the flat [name, value, name, value, …] node also accepts
    const pairs = Array.isArray(headers[0])
      ? (headers as [string, string][])
      : Array.from({ length: headers.length / 2 }, (_, i) => [headers[2 * i], headers[2 * i + 1]] as [string, string]);
    for (const [k, v] of pairs) res.setHeader(k, v);
    return;
  }
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
}

const LIVE = /^(text\/event-stream|multipart\/)/;

const toBuffer = (chunk: unknown, encoding: unknown): Buffer | null =>
  typeof chunk === "string"
    ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : null;

/**
 * Holds writeHead back until the body is known. An answer that arrives whole before the event loop turns (one
 * end(), or write() then end() as yoga's whatwg-node answers) is compressed at once here; one written over time,
 * with callbacks, or too large for that is handed to `compression` (installed only then: its wrappers cost ~0.5 ms
 * of CPU per request even when they compress nothing), which streams it. Live answers (event streams,
 * multipart) are never held: their headers go out at once.
 */
function compressWholeAnswers(req: IncomingMessage, res: ServerResponse) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  let held: number | null = null;
  // Whole chunks written so far and not yet sent: an end() in this turn of the event loop joins them.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let settled = false;
  const restore = () => {
    settled = true;
    res.writeHead = writeHead;
    res.write = write;
    res.end = end;
    res.flushHeaders = flushHeaders;
  };
  /** Stop holding: the response's own methods again, and the held status line through them. */
  const release = () => {
    restore();
    if (held !== null) res.writeHead(held);
  };
  /** From here on `compression` decides (and streams), as it would have from the start; held chunks go first. */
  const toStream = () => {
    restore();
    middleware(req as never, res as never, () => undefined);
    if (held !== null) res.writeHead(held);
    const chunks = pending;
    pending = [];
    for (const c of chunks) res.write(c);
  };
  res.writeHead = function (this: ServerResponse, ...args: WriteHeadArgs) {
    const [status, reason, headers] = args;
    this.statusCode = status;
    if (typeof reason === "string") this.statusMessage = reason;
    applyHeaders(this, typeof reason === "string" ? headers : reason);
    held = status;
    if (LIVE.test(String(this.getHeader("Content-Type") ?? ""))) release();
    return this;
  } as ServerResponse["writeHead"];
  // Headers flushed before the body: the answer will come in pieces.
  res.flushHeaders = function (this: ServerResponse) {
    toStream();
    this.flushHeaders();
  };
  res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    const [chunk, encoding, cb] = args as unknown[];
    const buf = toBuffer(chunk, encoding);
    if (!buf || typeof encoding === "function" || cb || pendingBytes + buf.length > AT_ONCE_MAX) {
      toStream();
      return (this.write as (...a: unknown[]) => boolean).apply(this, args);
    }
    // A caller's bytes are copied: it may reuse its buffer once write() has returned.
    pending.push(typeof chunk === "string" ? buf : Buffer.from(buf));
    // No end() in this turn: the answer comes over time, so it streams.
    if (pendingBytes === 0) setImmediate(() => settled || res.destroyed || toStream());
    pendingBytes += buf.length;
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    const last = toBuffer(chunk, encoding);
    const body = pending.length ? Buffer.concat(last ? [...pending, last] : pending) : last;
    if (body && body.length > AT_ONCE_MAX) {
      toStream();
      return (this.end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, cb);
    }
    const callback = [chunk, encoding, cb].find((a) => typeof a === "function") as (() => void) | undefined;
    pending = [];
    // What `compression` decides, in its order: filter, no-transform, Vary, threshold, encoded, HEAD, negotiation.
    const eligible =
      !this.headersSent && filter(req, this) && !CACHE_NO_TRANSFORM.test(String(this.getHeader("Cache-Control") ?? ""));
    if (eligible) vary(this, "Accept-Encoding");
    const method =
      eligible && body && body.length >= THRESHOLD && !this.getHeader("Content-Encoding") && req.method !== "HEAD"
        ? negotiate(req)
        : null;
    if (!body || !method) {
      release();
      if (body && body !== last) return (end as (...a: unknown[]) => ServerResponse).call(this, body, callback);
      return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, cb);
    }
    const packed = compressAtOnce(body, method);
    this.setHeader("Content-Encoding", method);
    this.setHeader("Content-Length", packed.length);
    release();
    return (end as (...a: unknown[]) => ServerResponse).call(this, packed, callback);
  } as ServerResponse["end"];
}

/** Wraps `res` so that what the handler writes is compressed when that helps; then calls `next`. */
export function withCompression(req: IncomingMessage, res: ServerResponse, next: () => void) {
  // Photos, uploads and their byte ranges are never compressed (filter): nothing to wrap.
  if (!SKIP_PATHS.test(req.url ?? "")) compressWholeAnswers(req, res);
  next();
}
