// The app's long-lived services. The core (cache DB, GraphQL client, live state, signals) is created before the
// first render; the outbox store and sync engine come from a separate chunk (engine-services.ts) loaded right after,
// so the login screen's JS stays small. Invariant: `full` is one promise per page, started at once (not on login),
// so an inspector already logged in offline reaches the outbox and sending starts without any user action.
import { createContext, use, useContext, useSyncExternalStore } from "react";
import type { Client } from "urql";
import { CacheDb } from "./cache/cache-db.ts";
import { createGraphqlClient } from "./graphql/client.ts";
import type { IndexedDbOutboxStore, SyncEngine, SyncSnapshot } from "./outbox/index.ts";
import { createLiveState, type LiveState } from "./live/sse.ts";
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

/** What the login screen needs; `full` resolves to everything once the engine's chunk has loaded. */
export interface CoreServices {
  cache: CacheDb;
  client: Client;
  /** The live-updates (ledgerChanged) connection's state, shown on dashboards. */
  live: LiveState;
  /** Fired when the server says the session is gone (sync, uploads or queries). */
  authLost: Signal;
  /** Evidence files being uploaded, with the bytes the server holds (progress bars). */
  uploads: UploadProgress;
  /** The same promise for the page's lifetime; rejects if the outbox database cannot be opened. */
  full: Promise<Services>;
}

export interface Services extends Omit<CoreServices, "full"> {
  store: IndexedDbOutboxStore;
  engine: SyncEngine;
}

export async function createCoreServices(): Promise<CoreServices> {
  const cache = await CacheDb.open();
  const authLost = createSignal();
  const uploads = createUploadProgress();
  const live = createLiveState();
  // Every query also tells the engine whether the server answers: the header's pill follows the server, not only
  // the network (a failed login or ledger refresh while online says 服务器无法连接 too). Until the engine has
  // loaded, the last answer is kept and handed over.
  let engine: SyncEngine | null = null;
  let lastReachable: boolean | null = null;
  const client = createGraphqlClient("/graphql", live, (reachable) => {
    if (engine) engine.noteServer(reachable);
    else lastReachable = reachable;
  });
  const core = { cache, client, live, authLost, uploads };
  const full = importRetrying(() => import("./engine-services.ts"))
    .then((m) => m.createEngineServices({ cache, authLost, uploads }))
    .then(({ store, engine: created }) => {
      engine = created;
      if (lastReachable !== null) created.noteServer(lastReachable);
      return { ...core, store, engine: created };
    });
  return { ...core, full };
}

/**
 * A chunk that failed to arrive (the connection dropped on the first visit, before the service worker held it) is
 * asked for again every few seconds instead of failing the app: the login screen keeps working meanwhile.
 */
export async function importRetrying<T>(load: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await load();
    } catch (error) {
      console.warn("chunk failed to load, retrying", error);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

const CoreServicesContext = createContext<CoreServices | null>(null);
export const CoreServicesProvider = CoreServicesContext.Provider;

export function useCoreServices(): CoreServices {
  const core = useContext(CoreServicesContext);
  if (!core) throw new Error("useCoreServices outside CoreServicesProvider");
  return core;
}

/** Suspends until the engine's chunk has loaded (use inside <Suspense>), then gives every service. */
export function useFullServices(): Services {
  return use(useCoreServices().full);
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
