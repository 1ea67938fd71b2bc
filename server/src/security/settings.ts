// Security settings from the environment: PUBLIC_URL, TRUSTED_PROXY, ALLOWED_ORIGINS, SESSION_DAYS, TOKEN_DAYS,
// GRAPHIQL. Invariant: unset means the safe choice (no proxy trusted, no foreign origin, GraphiQL for staff only).
import proxyAddr from "proxy-addr";
import type { BackoffPolicy } from "./rate-limit.ts";

/** Login throttling (auth/login-limiter.ts); not configured by environment, but tests may tighten it. */
export interface LoginPolicy {
  /** Per user name and client address: a few free attempts, then growing delays. */
  userAtAddress: BackoffPolicy;
  /** Per user name from anywhere (guessing from many addresses). */
  user: BackoffPolicy;
  /** Per client address across user names, in a fixed window (a success gives its attempt back). */
  addressLimit: number;
  addressWindowMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  userAtAddress: { free: 5, baseMs: 2000, maxMs: 15 * 60_000, idleMs: 3600_000 },
  user: { free: 20, baseMs: 2000, maxMs: 5 * 60_000, idleMs: 3600_000 },
  addressLimit: 30,
  addressWindowMs: 15 * 60_000,
};

export type GraphiqlAccess = "staff" | "public" | "off";

export interface SecuritySettings {
  /** The public origin (e.g. https://rectify.example.gov.cn): QR posters, Secure cookies, same-origin checks. */
  publicUrl: URL | null;
  /** Which peer addresses are proxies whose X-Forwarded-For / X-Forwarded-Proto / X-Forwarded-Host are believed. */
  trustProxy: (addr: string, hop: number) => boolean;
  /** Other origins that may call /graphql with credentials (CORS); exact origins like https://a.example. */
  allowedOrigins: string[];
  /** Lifetime of a PWA session cookie and of a bearer token. */
  cookieLifetimeMs: number;
  bearerLifetimeMs: number;
  /** Who gets GraphiQL and introspection. */
  graphiql: GraphiqlAccess;
  login: LoginPolicy;
}

const DAY_MS = 24 * 3600 * 1000;

function days(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback * DAY_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 366)
    throw new Error(`${name} must be a number of days (0 < n <= 366), got ${raw}`);
  return n * DAY_MS;
}

function origin(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) origin such as https://rectify.example.gov.cn, got ${raw}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`${name} must be http or https, got ${raw}`);
  return url.origin;
}

export function securityFromEnv(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const publicUrl = env.PUBLIC_URL?.trim() ? new URL(origin("PUBLIC_URL", env.PUBLIC_URL.trim())) : null;
  const proxies = (env.TRUSTED_PROXY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const graphiql = (env.GRAPHIQL?.trim() || "staff") as GraphiqlAccess;
  if (!["staff", "public", "off"].includes(graphiql))
    throw new Error(`GRAPHIQL must be staff, public or off, got ${graphiql}`);
  return {
    publicUrl,
    // proxy-addr understands addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
    trustProxy: proxies.length ? proxyAddr.compile(proxies) : () => false,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((o) => origin("ALLOWED_ORIGINS", o)),
    // A field inspector stays logged in through two weeks offline; API tokens are renewed monthly.
    cookieLifetimeMs: days("SESSION_DAYS", env.SESSION_DAYS, 14),
    bearerLifetimeMs: days("TOKEN_DAYS", env.TOKEN_DAYS, 30),
    graphiql,
    login: DEFAULT_LOGIN_POLICY,
  };
}
