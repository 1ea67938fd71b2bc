// Per-request GraphQL context: who is asking (cookie session or bearer token) and request-scoped caches of
// what a unit liaison or the public may see. Invariant: visibility is computed once per request, from the DB.
import type { YogaInitialContext } from "graphql-yoga";
import type { PrismaClient } from "./db.ts";
import type { Role } from "./generated/prisma/enums.ts";
import { COOKIE_NAME, findSessionUser } from "./auth/sessions.ts";
import type { PubSub } from "./pubsub.ts";
import type { PhotoStore } from "./files/photo-store.ts";
import { liaisonScope, publicProblemIds, publishedInspectionIds } from "./queries/visibility.ts";
import type { IncomingMessage } from "node:http";
import type { SecuritySettings } from "./security/settings.ts";
import { requestMeta } from "./security/request-meta.ts";
import type { SyncGate } from "./security/sync-gate.ts";
import type { Metrics } from "./ops/metrics.ts";

export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export interface CookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** The raw credential of this request (for logout). */
  token: string | null;
  syncGate: SyncGate;
  /** The session row behind `token` (listing and revoking sessions). */
  sessionId: string | null;
  security: SecuritySettings;
  cookies: CookieJar;
  pubsub: PubSub;
  photos: PhotoStore;
  metrics: Metrics;
  /** The client's network address (for rate limits; never stored as such). */
  clientAddress: string;
  /** For a unit liaison: ids of the problems and measures of their unit (responsible or participating). */
  liaisonScope(): Promise<{ problemIds: Set<string>; measureIds: Set<string> }>;
  /** Inspections with at least one published report: what the public may read. */
  publishedInspections(): Promise<Set<string>>;
  /** Problems of those inspections. */
  publicProblems(): Promise<Set<string>>;
}

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export interface ServerDeps {
  prisma: PrismaClient;
  pubsub: PubSub;
  photos: PhotoStore;
  security: SecuritySettings;
  syncGate: SyncGate;
  metrics: Metrics;
}

type FoundSession = Awaited<ReturnType<typeof findSessionUser>>;
const sessionsByRequest = new WeakMap<Request, Promise<{ token: string | null; found: FoundSession }>>();
const settledSessions = new WeakMap<Request, FoundSession>();

/** The session behind a request's bearer token or cookie, looked up once per request (limits need it early). */
export function sessionOf(prisma: PrismaClient, request: Request) {
  let p = sessionsByRequest.get(request);
  if (!p) {
    const auth = request.headers.get("authorization");
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    const token = bearer ?? readCookie(request.headers.get("cookie"), COOKIE_NAME);
    p = (token ? findSessionUser(prisma, token) : Promise.resolve(null)).then((found) => {
      settledSessions.set(request, found);
      return { token, found };
    });
    sessionsByRequest.set(request, p);
  }
  return p;
}

/** The session of a request whose sessionOf has settled (undefined before). */
export function settledSession(request: Request): FoundSession | undefined {
  return settledSessions.get(request);
}

export async function buildContext(deps: ServerDeps, init: YogaInitialContext): Promise<Context> {
  const { request } = init;
  const { token, found } = await sessionOf(deps.prisma, request);
  const viewer: Viewer | null = found
    ? {
        id: found.user.id,
        username: found.user.username,
        displayName: found.user.displayName,
        role: found.user.role,
        unitId: found.user.unitId,
      }
    : null;
  const pendingCookies: string[] = [];
  const req = (init as unknown as { req?: IncomingMessage }).req;
  const meta = req ? requestMeta(req, deps.security) : null;
  // Secure whenever the public origin is HTTPS (PUBLIC_URL, or a trusted proxy's X-Forwarded-Proto).
  const secure = meta?.https ? "; Secure" : "";
  const cookies: CookieJar = {
    set(value, expiresAt) {
      pendingCookies.push(
        `${COOKIE_NAME}=${value}; Path=/; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${secure}`,
      );
    },
    clear() {
      pendingCookies.push(`${COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
    },
  };
  // Yoga hands the context to the response hook through this symbol-free field.
  (init as unknown as { pendingCookies: string[] }).pendingCookies = pendingCookies;
  const publishedInspections = memo(() => publishedInspectionIds(deps.prisma));
  const unitId = viewer?.role === "UNIT_LIAISON" ? viewer.unitId : null;
  return {
    prisma: deps.prisma,
    viewer,
    token: found ? token : null,
    sessionId: found?.session.id ?? null,
    security: deps.security,
    syncGate: deps.syncGate,
    cookies,
    pubsub: deps.pubsub,
    photos: deps.photos,
    metrics: deps.metrics,
    clientAddress: meta?.clientAddress ?? "unknown",
    liaisonScope: memo(() => liaisonScope(deps.prisma, unitId)),
    publishedInspections,
    publicProblems: memo(() => publicProblemIds(deps.prisma, publishedInspections)),
  };
}
