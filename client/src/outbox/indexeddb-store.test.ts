// Runs the OutboxStore contract against the IndexedDB store on fake-indexeddb (the lead tests real browsers), plus upgrade and error paths.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { deleteRectifyDatabase, IndexedDbOutboxStore, RECTIFY_DB_VERSION } from "./indexeddb-store.ts";
import { outboxStoreContract } from "./outbox-store.contract.ts";
import { migrateLegacyOwner } from "./record-owner.ts";
import { entry, OWNER_A, OWNER_B, T0, uuid } from "./test-support.ts";

let counter = 0;
const freshName = () => `rectify-test-${++counter}`;

outboxStoreContract("IndexedDbOutboxStore", async () => {
  const name = freshName();
  const store = await IndexedDbOutboxStore.open({ name });
  return { store, reopen: () => IndexedDbOutboxStore.open({ name }) };
});

describe("IndexedDbOutboxStore", () => {
  it("creates the schema at the current version", async () => {
    const name = freshName();
    const store = await IndexedDbOutboxStore.open({ name });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    expect(db.version).toBe(RECTIFY_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(["drafts", "outbox", "photos"]);
    db.close();
    await store.close();
  });

  it("gives way to another tab's upgrade and reopens on next use", async () => {
    const name = freshName();
    const store = await IndexedDbOutboxStore.open({ name });
    await store.put(entry(1));
    // Another tab opens a newer version: our connection must close, or that upgrade would block.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, RECTIFY_DB_VERSION + 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error("blocked"));
    });
    upgraded.close();
    // Our store now fails to open the older version (VersionError) instead of hanging.
    await expect(store.get(uuid(1))).rejects.toThrow();
    await deleteRectifyDatabase({ name });
  });

  it("reports the database cannot be opened", async () => {
    const name = freshName();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, RECTIFY_DB_VERSION + 5);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    newer.close();
    await expect(IndexedDbOutboxStore.open({ name })).rejects.toThrow();
  });

  it("works after close() by reopening", async () => {
    const name = freshName();
    const store = await IndexedDbOutboxStore.open({ name });
    await store.put(entry(1));
    await store.close();
    expect(await store.get(uuid(1))).toEqual(entry(1));
    await store.close();
  });

  it("migrates an earlier release's ownerless entries and drafts to the old single owner, across a reopen", async () => {
    const name = freshName();
    const store = await IndexedDbOutboxStore.open({ name });
    const { ownerId: _omitted, ...legacy } = entry(1);
    await store.put(legacy as never);
    await store.put(entry(2, { ownerId: OWNER_B }));
    await store.putDraft({ id: uuid(9), updatedAt: T0, data: { findings: "半" } } as never);
    await store.close();
    const again = await IndexedDbOutboxStore.open({ name });
    expect(await migrateLegacyOwner(again, OWNER_A)).toEqual({ migrated: 2, ownerless: 0 });
    await again.close();
    const third = await IndexedDbOutboxStore.open({ name });
    expect((await third.list()).map((e) => [e.id, e.ownerId])).toEqual([
      [uuid(1), OWNER_A],
      [uuid(2), OWNER_B],
    ]);
    expect((await third.getDraft(uuid(9)))?.ownerId).toBe(OWNER_A);
    await third.close();
  });
});
