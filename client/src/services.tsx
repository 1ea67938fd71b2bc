// The app's long-lived services, created once before the first render: cache DB, outbox store, sync engine,
// GraphQL client, and the signal by which the transport reports a lost session.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { Client } from "urql";
import { CacheDb } from "./cache/cache-db.ts";
import { sweepOrphanPhotos } from "./capture/photo-store.ts";
import { createGraphqlClient } from "./graphql/client.ts";
import { createTabLock } from "./outbox/tab-lock.ts";
import {
  createSyncEngine,
  IndexedDbOutboxStore,
  migrateLegacyOwner,
  type SyncEngine,
  type SyncSnapshot,
} from "./outbox/index.ts";
import { createLiveState, type LiveState } from "./live/sse.ts";
import { createGraphqlTransport } from "./sync/graphql-transport.ts";
import { createUploadProgress, type UploadProgress } from "./progress/upload-progress.ts";

export interface Signal {
  emit(): void;
  subscribe(listener: () => void): () => void;
}

export function createSignal(): Signal {
  const listeners = new Set<() => void>();
  return {
    emit: () => listeners.forEach((l) => l()),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export interface Services {
  cache: CacheDb;
  store: IndexedDbOutboxStore;
  engine: SyncEngine;
  client: Client;
  /** The live-updates (ledgerChanged) connection's state, shown on dashboards. */
  live: LiveState;
  /** Fired when the server says the session is gone (sync, uploads or queries). */
  authLost: Signal;
  /** Evidence files being uploaded, with the bytes the server holds (progress bars). */
  uploads: UploadProgress;
}

/** Synced records stay visible on the device this long, then their entries and photos are removed. */
const KEEP_SYNCED_MS = 30 * 24 * 3600 * 1000;

export async function createServices(): Promise<Services> {
  const [cache, store] = await Promise.all([CacheDb.open(), IndexedDbOutboxStore.open()]);
  // An earlier release kept one owner for the whole outbox: its entries and drafts become that user's, before
  // anything can send or show them. Awaited: the engine must never see an entry without its owner settled.
  const legacyOwner = (await cache.get("settings").catch(() => undefined))?.outboxOwner?.id ?? null;
  // If it fails the app still starts: ownerless entries are then only kept, never sent, and it retries next start.
  await migrateLegacyOwner(store, legacyOwner).catch((error: unknown) => console.warn("owner migration failed", error));
  const authLost = createSignal();
  const uploads = createUploadProgress();
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
  const live = createLiveState();
  // Every query also tells the engine whether the server answers: the header's pill follows the server, not only
  // the network (a failed login or ledger refresh while online says 服务器无法连接 too).
  const client = createGraphqlClient("/graphql", live, engine.noteServer);
  return { cache, store, engine, client, live, authLost, uploads };
}

const ServicesContext = createContext<Services | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesProvider");
  return services;
}

export function useSyncSnapshot(): SyncSnapshot {
  const { engine } = useServices();
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot);
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

/** navigator.onLine: false is reliable, true only means "maybe"; good enough for labels and skipping requests. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
