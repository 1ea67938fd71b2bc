// Who is logged in. The user is cached in IndexedDB so an inspector stays usable offline after a reload; the
// server's word (`me`) updates it when reachable. Invariants: a lost session only asks to log in again, it never
// touches the outbox; another user may log in on the same phone, and the engine then sends (and the screens show)
// only that user's records: each outbox entry and draft carries its owner (outbox/record-owner.ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { CachedUser } from "../cache/cache-db.ts";
import { runMutation, runQuery } from "../graphql/client.ts";
import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY, toCachedUser } from "../graphql/documents.ts";
import { useCoreServices } from "../services.tsx";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  /** expired: the server no longer accepts the cookie; the app stays usable, sync waits for a new login. */
  | { status: "authenticated"; user: CachedUser; expired: boolean };

export type LoginOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: "bad" | "offline" | "rateLimited" | "failed";
      message: string;
      seconds?: number;
    };

interface SessionValue {
  state: SessionState;
  login(username: string, password: string): Promise<LoginOutcome>;
  logout(): Promise<void>;
  /** True while an expired session's inspector chose to log in again (the login screen shows over the app). */
  reloginOpen: boolean;
  setReloginOpen(open: boolean): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  // The engine arrives in its own chunk (services.tsx): its calls queue on `full`, in the order they were made.
  const { cache, client, authLost, full } = useCoreServices();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [reloginOpen, setReloginOpen] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const cached = (await cache.get("session").catch(() => undefined)) ?? null;
      // With a cached user, show the app at once (offline start); the server check below refines it.
      if (cached && !cancelled) setState({ status: "authenticated", user: cached, expired: false });
      const me = await runQuery(client, ME_QUERY, {});
      if (cancelled) return;
      if (me.ok && me.data.me) {
        const user = toCachedUser(me.data.me);
        await cache.put("session", user).catch(() => undefined);
        setState({ status: "authenticated", user, expired: false });
      } else if (me.ok || me.kind === "unauthenticated") {
        setState(cached ? { status: "authenticated", user: cached, expired: true } : { status: "anonymous" });
      } else if (!cached) {
        setState({ status: "anonymous" }); // offline and never logged in here: the login screen explains
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [cache, client]);

  // The engine sends for whoever is logged in (an expired session keeps its user: sync waits for the re-login).
  const currentUserId = state.status === "authenticated" ? state.user.id : null;
  useEffect(() => {
    full.then(({ engine }) => engine.setOwner(currentUserId)).catch(() => undefined);
  }, [full, currentUserId]);

  useEffect(
    () =>
      authLost.subscribe(() =>
        setState((s) => (s.status === "authenticated" && !s.expired ? { ...s, expired: true } : s)),
      ),
    [authLost],
  );

  const login = useCallback(
    async (username: string, password: string): Promise<LoginOutcome> => {
      const result = await runMutation(client, LOGIN_MUTATION, { username, password });
      if (!result.ok) {
        return { ok: false, reason: result.kind === "network" ? "offline" : "failed", message: result.message };
      }
      const payload = result.data.login;
      if (payload.__typename === "BadCredentialsError")
        return { ok: false, reason: "bad", message: payload.message ?? "" };
      if (payload.__typename === "RateLimitedError") {
        return { ok: false, reason: "rateLimited", message: payload.message, seconds: payload.retryAfterSeconds };
      }
      // Any other member of the union (none selects a message): its type name is the message.
      if (payload.__typename !== "LoginPayload") return { ok: false, reason: "failed", message: payload.__typename };
      const user = toCachedUser(payload.user);
      const ws = await cache.get("workingSet");
      if (ws && ws.userId !== user.id) {
        await cache.delete("workingSet");
        await cache.delete("recent");
      }
      await cache.put("session", user);
      setState({ status: "authenticated", user, expired: false });
      setReloginOpen(false);
      void full
        .then(({ engine }) => {
          engine.setOwner(user.id); // now, not after the next render: the sync below is for this user
          return engine.syncNow(); // whatever waited for the login goes now
        })
        .catch(() => undefined);
      return { ok: true };
    },
    [cache, client, full],
  );

  const logout = useCallback(async () => {
    await full
      .then(({ engine }) => {
        engine.stop();
        engine.setOwner(null); // nobody's records go out while nobody is logged in
      })
      .catch(() => undefined);
    await runMutation(client, LOGOUT_MUTATION, {}); // offline: the cookie stays, but this device forgets the user
    await Promise.all([cache.delete("session"), cache.delete("workingSet"), cache.delete("recent")]);
    setReloginOpen(false);
    setState({ status: "anonymous" });
  }, [cache, client, full]);

  const value = useMemo(
    () => ({ state, login, logout, reloginOpen, setReloginOpen }),
    [state, login, logout, reloginOpen],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The logged-in user; only for screens rendered behind the login gate. */
export function useUser(): CachedUser {
  const { state } = useSession();
  if (state.status !== "authenticated") throw new Error("useUser without a logged-in user");
  return state.user;
}
