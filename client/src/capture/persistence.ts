// Asks the browser once (at the first capture) to keep this site's storage even under pressure, and remembers the
// answer in the cache DB's settings for the settings screen.
import type { CacheDb, PersistState } from "../cache/cache-db.ts";

export async function ensurePersistentStorage(cache: CacheDb): Promise<PersistState> {
  const settings = (await cache.get("settings")) ?? {};
  if (settings.persist) return settings.persist.state;
  return requestPersistentStorage(cache);
}

export async function requestPersistentStorage(cache: CacheDb): Promise<PersistState> {
  let state: PersistState = "unsupported";
  try {
    if (navigator.storage?.persist) state = (await navigator.storage.persist()) ? "granted" : "denied";
  } catch {
    state = "denied";
  }
  await cache.updateSettings((s) => ({ ...s, persist: { state, at: Date.now() } }));
  return state;
}
