// In-memory OutboxStore for unit tests: same contract as IndexedDB (clones, async settle, ordering), plus failure injection.
import {
  compareQueueOrder,
  type BlobData,
  type Draft,
  type OutboxEntry,
  type OutboxStore,
  type StoredBlob,
} from "./outbox-store.ts";

/** The "disk": hand the same backing to a new store to simulate an app restart. */
export interface MemoryBacking {
  entries: Map<string, OutboxEntry>;
  blobs: Map<string, StoredBlob>;
  drafts: Map<string, Draft>;
}

export function createMemoryBacking(): MemoryBacking {
  return { entries: new Map(), blobs: new Map(), drafts: new Map() };
}

type Operation = Exclude<keyof OutboxStore, "close">;

export class MemoryOutboxStore implements OutboxStore {
  private readonly failures = new Map<Operation, Error[]>();

  constructor(readonly backing: MemoryBacking = createMemoryBacking()) {}

  /** The next call of `op` rejects with `error` and changes nothing (like an aborted transaction). */
  failNext(op: Operation, error: Error = new Error(`injected ${op} failure`)): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), error]);
  }

  private async settle<T>(op: Operation, body: () => T): Promise<T> {
    // Settle asynchronously, as IndexedDB does, so callers cannot rely on synchronous effects.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const queued = this.failures.get(op);
    const failure = queued?.shift();
    if (failure) throw failure;
    return body();
  }

  async put(entry: OutboxEntry) {
    const copy = structuredClone(entry); // throws DataCloneError before anything is stored, like IndexedDB
    return this.settle("put", () => void this.backing.entries.set(copy.id, copy));
  }
  async get(id: string) {
    return this.settle("get", () => clone(this.backing.entries.get(id)));
  }
  async list() {
    return this.settle("list", () =>
      [...this.backing.entries.values()].sort(compareQueueOrder).map((e) => structuredClone(e)),
    );
  }
  async delete(id: string) {
    return this.settle("delete", () => void this.backing.entries.delete(id));
  }

  async putBlob(photoId: string, data: BlobData) {
    const copy: StoredBlob = structuredClone({ ...data, photoId });
    return this.settle("putBlob", () => void this.backing.blobs.set(photoId, copy));
  }
  async getBlob(photoId: string) {
    return this.settle("getBlob", () => clone(this.backing.blobs.get(photoId)));
  }
  async deleteBlob(photoId: string) {
    return this.settle("deleteBlob", () => void this.backing.blobs.delete(photoId));
  }
  async listBlobIds() {
    return this.settle("listBlobIds", () => [...this.backing.blobs.keys()].sort());
  }

  async putDraft(draft: Draft) {
    const copy = structuredClone(draft);
    return this.settle("putDraft", () => void this.backing.drafts.set(copy.id, copy));
  }
  async getDraft(id: string) {
    return this.settle("getDraft", () => clone(this.backing.drafts.get(id)));
  }
  async listDrafts() {
    return this.settle("listDrafts", () =>
      [...this.backing.drafts.values()]
        .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((d) => structuredClone(d)),
    );
  }
  async deleteDraft(id: string) {
    return this.settle("deleteDraft", () => void this.backing.drafts.delete(id));
  }

  async close(): Promise<void> {}
}

function clone<T>(value: T | undefined): T | null {
  return value === undefined ? null : structuredClone(value);
}
