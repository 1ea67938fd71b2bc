// Every HTTP response gets security headers (helmet: CSP with frame-ancestors 'none', nosniff, referrer policy,
// HSTS over HTTPS); every state-changing request that carries the session cookie must come from this origin or
// a configured one (CSRF). Invariant: runs before any route, so no route can forget it.
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";
import { COOKIE_NAME } from "../auth/sessions.ts";
import { readCookie } from "../context.ts";
import { ErrorCodes } from "../errors.ts";
import { requestMeta } from "./request-meta.ts";
import type { SecuritySettings } from "./settings.ts";

type Directives = Record<string, string[]>;

const BASE: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  // Server-rendered pages carry their own <style> and style attributes; no script may run inline.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "connect-src": ["'self'"],
  "font-src": ["'self'", "data:"],
  "worker-src": ["'self'"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** GraphiQL (staff only by default) is yoga's page, which loads its editor from a CDN and boots inline. */
const GRAPHIQL: Directives = {
  ...BASE,
  "script-src": ["'self'", "'unsafe-inline'", "https://unpkg.com"],
  "style-src": ["'self'", "'unsafe-inline'", "https://unpkg.com"],
  "img-src": ["'self'", "data:", "blob:", "https://raw.githubusercontent.com"],
  "font-src": ["'self'", "data:", "https://unpkg.com"],
};

/**
 * Evidence files (/files/…) are previewed in an iframe of the PWA (PDFs in the browser's viewer): same-origin
 * framing and the PDF plugin are allowed there, and nothing else changes.
 */
const FILES: Directives = { ...BASE, "object-src": ["'self'"], "frame-ancestors": ["'self'"] };

type HeaderList = [string, string | number | readonly string[]][];

/**
 * helmet's headers for one configuration, worked out once: with no per-request parts (no nonces) they are the same
 * on every response, and running helmet's dozen middlewares per request was a measurable share of a small answer.
 */
function headerSet(directives: Directives, https: boolean): HeaderList {
  const headers = new Map<string, HeaderList[number][1]>();
  const collect = {
    setHeader: (name: string, value: HeaderList[number][1]) => void headers.set(name, value),
    removeHeader: (name: string) => void headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let done = false;
  helmetFor(directives, https)({} as never, collect as never, () => (done = true));
  if (!done) throw new Error("helmet did not finish synchronously: its headers cannot be worked out once");
  return [...headers];
}

function helmetFor(directives: Directives, https: boolean) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    // The PWA's install icons and photos are fetched only by this origin.
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "same-origin" },
  });
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createHttpGuard(s: SecuritySettings) {
  const sets = {
    page: [headerSet(BASE, false), headerSet(BASE, true)],
    graphiql: [headerSet(GRAPHIQL, false), headerSet(GRAPHIQL, true)],
    files: [headerSet(FILES, false), headerSet(FILES, true)],
  };

  /** Same origin (the Host the browser asked for, or PUBLIC_URL) or one of ALLOWED_ORIGINS. */
  function originAllowed(req: IncomingMessage, origin: string): boolean {
    if (origin === requestMeta(req, s).origin || s.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }

  function refuse(res: ServerResponse, message: string) {
    res.writeHead(403, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCodes.CSRF_REJECTED } }] }));
  }

  /** Sets the headers; answers and returns false when the request is refused. */
  return function guard(req: IncomingMessage, res: ServerResponse): boolean {
    const { https } = requestMeta(req, s);
    const graphiql =
      req.method === "GET" && /^\/graphql(\?|$)/.test(req.url ?? "") && /text\/html/.test(req.headers.accept ?? "");
    const file = req.method === "GET" && (req.url ?? "").startsWith("/files/");
    const set = (graphiql ? sets.graphiql : file ? sets.files : sets.page)[https ? 1 : 0]!;
    for (const [name, value] of set) res.setHeader(name, value);
    if (!UNSAFE.has(req.method ?? "GET") || !readCookie(req.headers.cookie ?? null, COOKIE_NAME)) return true;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (originAllowed(req, origin)) return true;
      refuse(res, `Requests from ${origin} may not use this site's login`);
      return false;
    }
    // No Origin header (old browsers, some same-origin form posts): the Fetch metadata still tells cross-site.
    if (req.headers["sec-fetch-site"] === "cross-site" || req.headers["sec-fetch-site"] === "same-site") {
      refuse(res, "Cross-site requests may not use this site's login");
      return false;
    }
    return true;
  };
}
