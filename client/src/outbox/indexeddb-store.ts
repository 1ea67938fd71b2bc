// OutboxStore over raw IndexedDB (DB "rectify"): every promise settles on the transaction's complete/error/abort, writes ask for strict durability.
import {
  compareQueueOrder,
  type BlobData,
  type Draft,
  type OutboxEntry,
  type OutboxStore,
  type StoredBlob,
} from "./outbox-store.ts";

export const RECTIFY_DB_NAME = "rectify";
const OUTBOX = "outbox";
const PHOTOS = "photos";
const DRAFTS = "drafts";

/**
 * Schema migrations, index i upgrades the database to version i + 1. Append only; never edit a shipped
 * step. Any other module that wants a store in "rectify" must add a step here, or one module's upgrade
 * would not know about the other's stores.
 */
const MIGRATIONS: ((db: IDBDatabase, tx: IDBTransaction) => void)[] = [
  (db) => {
    const outbox = db.createObjectStore(OUTBOX, { keyPath: "id" });
    outbox.createIndex("queue", ["queuedAt", "seq"]);
    // Photo bytes as Uint8Array, not Blob: Blob in IndexedDB has been unreliable on iOS Safari.
    db.createObjectStore(PHOTOS, { keyPath: "photoId" });
    const drafts = db.createObjectStore(DRAFTS, { keyPath: "id" });
    drafts.createIndex("updatedAt", "updatedAt");
  },
];
export const RECTIFY_DB_VERSION = MIGRATIONS.length;

export interface IndexedDbStoreOptions {
  name?: string;
  /** Defaults to the global indexedDB. */
  factory?: IDBFactory;
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, RECTIFY_DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const tx = request.transaction!;
      for (let v = event.oldVersion; v < RECTIFY_DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open IndexedDB "${name}"`));
    // onblocked: another tab still has an older version open; the request waits until that tab closes it
    // (our own connections close on versionchange, below), so there is nothing to reject here.
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  private connection: Promise<IDBDatabase> | null = null;
  private readonly name: string;
  private readonly factory: IDBFactory;

  constructor(options: IndexedDbStoreOptions = {}) {
    this.name = options.name ?? RECTIFY_DB_NAME;
    const factory = options.factory ?? globalThis.indexedDB;
    if (!factory) throw new Error("IndexedDB is not available in this environment");
    this.factory = factory;
  }

  /** Opens (and upgrades) the database now, so a failure shows at start-up rather than at the first save. */
  static async open(options: IndexedDbStoreOptions = {}): Promise<IndexedDbOutboxStore> {
    const store = new IndexedDbOutboxStore(options);
    await store.db();
    return store;
  }

  private db(): Promise<IDBDatabase> {
    if (!this.connection) {
      const opening = openDatabase(this.factory, this.name).then((db) => {
        // A newer version of the app in another tab wants to upgrade: let it, and reopen on next use.
        db.onversionchange = () => {
          db.close();
          if (this.connection === opening) this.connection = null;
        };
        db.onclose = () => {
          if (this.connection === opening) this.connection = null;
        };
        return db;
      });
      opening.catch(() => {
        if (this.connection === opening) this.connection = null; // let the next call try again
      });
      this.connection = opening;
    }
    return this.connection;
  }

  /** Runs `body` in one transaction; settles with the last request's result once the transaction completed. */
  private async run<T>(
    stores: string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => IDBRequest | void,
    result: (request: IDBRequest | undefined) => T,
  ): Promise<T> {
    const db = await this.db();
    return new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      let request: IDBRequest | void;
      try {
        tx = db.transaction(stores, mode, mode === "readwrite" ? { durability: "strict" } : undefined);
      } catch (error) {
        reject(error);
        return;
      }
      tx.oncomplete = () => {
        try {
          resolve(result(request ?? undefined));
        } catch (error) {
          reject(error);
        }
      };
      tx.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? tx.error);
      tx.onabort = () =>
        reject(tx.error ?? new DOMException(`IndexedDB transaction on ${stores.join(", ")} aborted`, "AbortError"));
      try {
        request = body(tx);
      } catch (error) {
        // e.g. DataCloneError from put(): nothing was written. Abort so the transaction ends now; the
        // abort's own rejection comes second and is ignored by the already settled promise.
        reject(error);
        tx.abort();
      }
    });
  }

  put(entry: OutboxEntry) {
    return this.run(
      [OUTBOX],
      "readwrite",
      (tx) => tx.objectStore(OUTBOX).put(entry),
      () => undefined,
    );
  }
  get(id: string) {
    return this.run(
      [OUTBOX],
      "readonly",
      (tx) => tx.objectStore(OUTBOX).get(id),
      (r) => (r?.result as OutboxEntry | undefined) ?? null,
    );
  }
  list() {
    return this.run(
      [OUTBOX],
      "readonly",
      (tx) => tx.objectStore(OUTBOX).index("queue").getAll(),
      // The index already orders by [queuedAt, seq, id]; the sort states the contract explicitly.
      (r) => (r!.result as OutboxEntry[]).sort(compareQueueOrder),
    );
  }
  delete(id: string) {
    return this.run(
      [OUTBOX],
      "readwrite",
      (tx) => tx.objectStore(OUTBOX).delete(id),
      () => undefined,
    );
  }

  putBlob(photoId: string, data: BlobData) {
    const record: StoredBlob = { photoId, bytes: data.bytes, mimeType: data.mimeType, fileName: data.fileName };
    return this.run(
      [PHOTOS],
      "readwrite",
      (tx) => tx.objectStore(PHOTOS).put(record),
      () => undefined,
    );
  }
  getBlob(photoId: string) {
    return this.run(
      [PHOTOS],
      "readonly",
      (tx) => tx.objectStore(PHOTOS).get(photoId),
      (r) => (r?.result as StoredBlob | undefined) ?? null,
    );
  }
  deleteBlob(photoId: string) {
    return this.run(
      [PHOTOS],
      "readwrite",
      (tx) => tx.objectStore(PHOTOS).delete(photoId),
      () => undefined,
    );
  }
  listBlobIds() {
    return this.run(
      [PHOTOS],
      "readonly",
      (tx) => tx.objectStore(PHOTOS).getAllKeys(),
      (r) => (r!.result as string[]).slice().sort(),
    );
  }

  putDraft(draft: Draft) {
    return this.run(
      [DRAFTS],
      "readwrite",
      (tx) => tx.objectStore(DRAFTS).put(draft),
      () => undefined,
    );
  }
  getDraft(id: string) {
    return this.run(
      [DRAFTS],
      "readonly",
      (tx) => tx.objectStore(DRAFTS).get(id),
      (r) => (r?.result as Draft | undefined) ?? null,
    );
  }
  listDrafts() {
    return this.run(
      [DRAFTS],
      "readonly",
      (tx) => tx.objectStore(DRAFTS).index("updatedAt").getAll(),
      (r) => (r!.result as Draft[]).reverse(),
    );
  }
  deleteDraft(id: string) {
    return this.run(
      [DRAFTS],
      "readwrite",
      (tx) => tx.objectStore(DRAFTS).delete(id),
      () => undefined,
    );
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    if (connection) (await connection).close();
  }
}

/** Deletes the whole database (tests, "reset this device"); rejects if another connection blocks it. */
export function deleteRectifyDatabase(options: IndexedDbStoreOptions = {}): Promise<void> {
  const factory = options.factory ?? globalThis.indexedDB;
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(options.name ?? RECTIFY_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("cannot delete the database: another connection is open"));
  });
}
