// The outbox store and sync engine, in their own chunk (zod, @noble/hashes, the transport): services.tsx loads it
// right after start-up, not before the login screen. Invariant: legacy owners are settled before the engine exists.
import type { CacheDb } from "./cache/cache-db.ts";
import { sweepOrphanPhotos } from "./capture/photo-store.ts";
import { createTabLock } from "./outbox/tab-lock.ts";
import { createSyncEngine, IndexedDbOutboxStore, migrateLegacyOwner, type SyncEngine } from "./outbox/index.ts";
import type { UploadProgress } from "./progress/upload-progress.ts";
import type { Signal } from "./services.tsx";
import { createGraphqlTransport } from "./sync/graphql-transport.ts";

/** Synced records stay visible on the device this long, then their entries and photos are removed. */
const KEEP_SYNCED_MS = 30 * 24 * 3600 * 1000;

export async function createEngineServices(deps: {
  cache: CacheDb;
  authLost: Signal;
  uploads: UploadProgress;
}): Promise<{ store: IndexedDbOutboxStore; engine: SyncEngine }> {
  const { cache, authLost, uploads } = deps;
  const store = await IndexedDbOutboxStore.open();
  // An earlier release kept one owner for the whole outbox: its entries and drafts become that user's, before
  // anything can send or show them. Awaited: the engine must never see an entry without its owner settled.
  const legacyOwner = (await cache.get("settings").catch(() => undefined))?.outboxOwner?.id ?? null;
  // If it fails the app still starts: ownerless entries are then only kept, never sent, and it retries next start.
  await migrateLegacyOwner(store, legacyOwner).catch((error: unknown) => console.warn("owner migration failed", error));
  const transport = createGraphqlTransport({ onAuthRequired: authLost.emit, onUploadProgress: uploads.report });
  // Under a Web Lock: two tabs of this profile never run a pass at the same time.
  // Nobody is logged in until the session says so (SessionProvider calls setOwner).
  const engine = createSyncEngine({ store, transport, exclusive: createTabLock(), ownerId: null });
  // Housekeeping must never block start-up: the inspector may be standing in front of someone.
  void (async () => {
    await engine.pruneSynced(Date.now() - KEEP_SYNCED_MS);
    await sweepOrphanPhotos(store);
  })().catch((error: unknown) => console.warn("outbox housekeeping failed", error));
  void engine.counts().catch(() => undefined);
  return { store, engine };
}
