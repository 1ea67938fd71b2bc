// What a request says about where it comes from, believing forwarded headers only from trusted proxies:
// the client's address (for rate limits), whether the public origin is HTTPS (Secure cookies), its origin.
// Invariant: without TRUSTED_PROXY no X-Forwarded-* header is believed.
import type { IncomingMessage } from "node:http";
import { hostname, networkInterfaces } from "node:os";
import proxyAddr from "proxy-addr";
import type { SecuritySettings } from "./settings.ts";

export interface RequestMeta {
  clientAddress: string;
  https: boolean;
  /** The origin this request was addressed to, e.g. http://localhost:4000. */
  origin: string;
  /** The origin is configured (PUBLIC_URL), given by a trusted proxy, or names this machine. */
  originTrusted: boolean;
}

function ownHostnames(): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]", hostname().toLowerCase()]);
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) names.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  }
  return names;
}

const metas = new WeakMap<IncomingMessage, RequestMeta>();

function forwarded(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim() || undefined;
}

export function requestMeta(req: IncomingMessage, s: SecuritySettings): RequestMeta {
  const known = metas.get(req);
  if (known) return known;
  const peer = req.socket.remoteAddress ?? "unknown";
  const viaProxy = req.socket.remoteAddress ? s.trustProxy(peer, 0) : false;
  const clientAddress = req.socket.remoteAddress ? proxyAddr(req, s.trustProxy) : "unknown";
  const proto = viaProxy ? forwarded(req, "x-forwarded-proto") : undefined;
  const host = (viaProxy ? forwarded(req, "x-forwarded-host") : undefined) ?? req.headers.host ?? "localhost";
  const https =
    s.publicUrl?.protocol === "https:" ||
    proto === "https" ||
    Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const origin = s.publicUrl?.origin ?? `${https ? "https" : "http"}://${host}`;
  const configured = !!s.publicUrl || (viaProxy && !!forwarded(req, "x-forwarded-host"));
  let trusted: boolean | undefined;
  const meta: RequestMeta = {
    clientAddress,
    https,
    origin,
    // Asked only for printed origins (QR posters): the machine's interfaces are not listed on every request.
    get originTrusted() {
      if (trusted === undefined) {
        try {
          trusted = configured || ownHostnames().has(new URL(origin).hostname.toLowerCase());
        } catch {
          trusted = false;
        }
      }
      return trusted;
    },
  };
  metas.set(req, meta);
  return meta;
}

/** The origin to print (QR posters): PUBLIC_URL, a trusted proxy's host, or this machine's own name; else null. */
export function trustedOrigin(req: IncomingMessage, s: SecuritySettings): string | null {
  const meta = requestMeta(req, s);
  return meta.originTrusted ? meta.origin : null;
}
