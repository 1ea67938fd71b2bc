// The device cache: a SEPARATE IndexedDB database ("rectify-cache", not the outbox's "rectify") holding the
// session user, settings, the inspector's working set and recent items. Every promise settles only after its
// transaction completed, so "stored" means stored. Losing this database loses no record: it is all re-fetchable.
import type { Locale } from "../i18n/i18n.ts";
import type { WorkingSet } from "./working-set.ts";
import type { InspectionPick } from "../inspections/pick-model.ts";

export const CACHE_DB_NAME = "rectify-cache";
const KV = "kv";

export interface CachedUser {
  /** Relay global id, as the server sends it. */
  id: string;
  username: string;
  displayName: string;
  role: "ADMIN" | "SUPERVISOR" | "INSPECTOR" | "UNIT_LIAISON";
  unitName: string | null;
}

export type PersistState = "granted" | "denied" | "unsupported";

export interface Settings {
  locale?: Locale;
  /** Result of navigator.storage.persist(), asked once at the first capture. */
  persist?: { state: PersistState; at: number };
  /** Written by releases before per-entry owners (no longer): the owner of the entries they left without one. */
  outboxOwner?: { id: string; displayName: string };
  /** The ledger table's hidden columns on this device (ledger/ledger-model.ts LEDGER_COLUMNS names). */
  ledgerHidden?: string[];
}

/** What each key holds; the store is a tiny typed key-value map. */
export interface CacheSchema {
  session: CachedUser;
  settings: Settings;
  workingSet: WorkingSet;
  /** Problem ids (global), most recently opened first. */
  recent: string[];
  /** Per user id: the picked inspection and the inspections the working set covers. */
  inspectionPicks: Record<string, InspectionPick>;
}
export type CacheKey = keyof CacheSchema;

/** Append only: index i upgrades to version i + 1. */
const MIGRATIONS: ((db: IDBDatabase) => void)[] = [(db) => void db.createObjectStore(KV)];

export interface CacheDbOptions {
  name?: string;
  factory?: IDBFactory;
}

export class CacheDb {
  private constructor(
    private connection: IDBDatabase | null,
    private readonly reopen: () => Promise<IDBDatabase>,
  ) {}

  static async open(options: CacheDbOptions = {}): Promise<CacheDb> {
    const factory = options.factory ?? globalThis.indexedDB;
    if (!factory) throw new Error("IndexedDB is not available in this environment");
    const name = options.name ?? CACHE_DB_NAME;
    const openDb = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = factory.open(name, MIGRATIONS.length);
        request.onupgradeneeded = (event) => {
          for (let v = event.oldVersion; v < MIGRATIONS.length; v++) MIGRATIONS[v]!(request.result);
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot open IndexedDB "${name}"`));
      });
    const cache = new CacheDb(null, openDb);
    await cache.db();
    return cache;
  }

  private async db(): Promise<IDBDatabase> {
    if (this.connection) return this.connection;
    const db = await this.reopen();
    // A newer app version in another tab upgrades the schema: step aside and reopen on next use.
    db.onversionchange = () => {
      db.close();
      if (this.connection === db) this.connection = null;
    };
    db.onclose = () => {
      if (this.connection === db) this.connection = null;
    };
    this.connection = db;
    return db;
  }

  private async run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest | void): Promise<T> {
    const db = await this.db();
    return new Promise<T>((resolve, reject) => {
      let request: IDBRequest | void;
      const tx = db.transaction(KV, mode);
      tx.oncomplete = () => resolve((request ? request.result : undefined) as T);
      tx.onerror = () => reject(tx.error ?? request?.error ?? new Error("IndexedDB request failed"));
      tx.onabort = () => reject(tx.error ?? new DOMException("IndexedDB transaction aborted", "AbortError"));
      try {
        request = body(tx.objectStore(KV));
      } catch (error) {
        reject(error); // e.g. DataCloneError: nothing was written
        tx.abort();
      }
    });
  }

  async get<K extends CacheKey>(key: K): Promise<CacheSchema[K] | undefined> {
    return this.run<CacheSchema[K] | undefined>("readonly", (s) => s.get(key));
  }

  async put<K extends CacheKey>(key: K, value: CacheSchema[K]): Promise<void> {
    await this.run("readwrite", (s) => s.put(value, key));
  }

  async delete(key: CacheKey): Promise<void> {
    await this.run("readwrite", (s) => s.delete(key));
  }

  /** Read-modify-write of settings in one transaction, so two quick changes cannot overwrite each other. */
  async updateSettings(patch: (current: Settings) => Settings): Promise<Settings> {
    let next: Settings = {};
    await this.run("readwrite", (s) => {
      const read = s.get("settings");
      read.onsuccess = () => {
        next = patch((read.result as Settings | undefined) ?? {});
        s.put(next, "settings");
      };
    });
    return next;
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
  }
}
