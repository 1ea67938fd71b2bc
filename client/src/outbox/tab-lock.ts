// One sync engine at a time across the tabs and windows of one browser profile: every pass runs under the
// Web Lock "rectify-sync", so a second tab waits and then sees what the first one sent (no duplicate sends).
// Fallback where navigator.locks is missing (Safari before 15.4): passes are not exclusive across tabs; a
// duplicate send is then harmless, because the server applies a record revision once (recordId + revision
// are idempotent), so nothing is lost or doubled, only sent twice.
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

export const SYNC_LOCK_NAME = "rectify-sync";

interface LockManagerLike {
  request<T>(name: string, options: { mode: "exclusive" }, callback: () => Promise<T>): Promise<T>;
}

/** Runs `fn` holding the cross-tab lock (or directly when the platform has none). */
export function createTabLock(locks: LockManagerLike | undefined = defaultLocks()): Exclusive {
  if (!locks) return (fn) => fn();
  return (fn) => locks.request(SYNC_LOCK_NAME, { mode: "exclusive" }, fn);
}

function defaultLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return typeof nav?.locks?.request === "function" ? nav.locks : undefined;
}
