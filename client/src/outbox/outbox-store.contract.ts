// The behaviour every OutboxStore must show, run against each implementation (memory, IndexedDB).
import { describe, expect, it } from "vitest";
import type { OutboxStore } from "./outbox-store.ts";
import { entry, OWNER_A, OWNER_B, photoBytes, T0, uuid } from "./test-support.ts";

export interface StoreHarness {
  store: OutboxStore;
  /** A second store over the same persisted data, as after an app restart. */
  reopen(): Promise<OutboxStore>;
}

export function outboxStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${name} (OutboxStore contract)`, () => {
    it("puts, gets, replaces and deletes entries", async () => {
      const { store } = await makeHarness();
      expect(await store.get(uuid(1))).toBeNull();
      await store.put(entry(1));
      expect(await store.get(uuid(1))).toEqual(entry(1));
      await store.put(entry(1, { state: "synced", serverVersion: 3 }));
      expect(await store.get(uuid(1))).toEqual(entry(1, { state: "synced", serverVersion: 3 }));
      await store.delete(uuid(1));
      expect(await store.get(uuid(1))).toBeNull();
      await store.delete(uuid(1)); // deleting what is not there is fine
    });

    it("lists in queue order: queuedAt, then seq", async () => {
      const { store } = await makeHarness();
      await store.put(entry(1, { queuedAt: T0 + 5, seq: 1 }));
      await store.put(entry(2, { queuedAt: T0, seq: 9 }));
      await store.put(entry(3, { queuedAt: T0, seq: 2 }));
      await store.put(entry(4, { queuedAt: T0 + 5, seq: 0 }));
      expect((await store.list()).map((e) => e.id)).toEqual([uuid(3), uuid(2), uuid(4), uuid(1)]);
    });

    it("stores copies, never the caller's objects", async () => {
      const { store } = await makeHarness();
      const e = entry(1);
      await store.put(e);
      e.state = "synced";
      e.missingPhotos.push("x");
      const read = (await store.get(uuid(1)))!;
      expect(read).toEqual(entry(1));
      read.state = "sending";
      expect((await store.get(uuid(1)))!.state).toBe("waiting");
    });

    it("persists across a reopen once the promise resolved", async () => {
      const { store, reopen } = await makeHarness();
      await store.put(entry(1));
      await store.putBlob(uuid(1, "f0"), { bytes: photoBytes(1), mimeType: "image/jpeg", fileName: "a.jpg" });
      await store.putDraft({ id: uuid(9), ownerId: OWNER_A, updatedAt: T0, data: { findings: "半" } });
      const again = await reopen();
      expect(await again.get(uuid(1))).toEqual(entry(1));
      expect((await again.getBlob(uuid(1, "f0")))?.bytes).toEqual(photoBytes(1));
      expect(await again.getDraft(uuid(9))).toEqual({
        id: uuid(9),
        ownerId: OWNER_A,
        updatedAt: T0,
        data: { findings: "半" },
      });
      await again.close();
    });

    it("stores photo bytes with their metadata", async () => {
      const { store } = await makeHarness();
      const bytes = photoBytes(7, 1000);
      await store.putBlob("p1", { bytes, mimeType: "image/png", fileName: "sig.png" });
      bytes[0] = 0xff ^ bytes[0]!;
      const blob = await store.getBlob("p1");
      expect(blob).toEqual({ photoId: "p1", bytes: photoBytes(7, 1000), mimeType: "image/png", fileName: "sig.png" });
      expect(blob!.bytes).toBeInstanceOf(Uint8Array);
      await store.putBlob("p0", { bytes: photoBytes(1), mimeType: "image/jpeg", fileName: "a.jpg" });
      expect(await store.listBlobIds()).toEqual(["p0", "p1"]);
      await store.deleteBlob("p1");
      expect(await store.getBlob("p1")).toBeNull();
      expect(await store.listBlobIds()).toEqual(["p0"]);
    });

    it("keeps drafts, most recent first", async () => {
      const { store } = await makeHarness();
      await store.putDraft({ id: "a", ownerId: OWNER_A, updatedAt: T0 + 1, data: { step: 1 } });
      await store.putDraft({ id: "b", ownerId: OWNER_A, updatedAt: T0 + 3, data: null });
      await store.putDraft({ id: "c", ownerId: OWNER_A, updatedAt: T0 + 2, data: [1, "二"] });
      expect((await store.listDrafts()).map((d) => d.id)).toEqual(["b", "c", "a"]);
      await store.putDraft({ id: "a", ownerId: OWNER_A, updatedAt: T0 + 4, data: { step: 2 } });
      expect((await store.listDrafts()).map((d) => d.id)).toEqual(["a", "b", "c"]);
      expect(await store.getDraft("a")).toEqual({ id: "a", ownerId: OWNER_A, updatedAt: T0 + 4, data: { step: 2 } });
      await store.deleteDraft("a");
      expect(await store.getDraft("a")).toBeNull();
    });

    it("keeps each entry's and draft's owner, and entries of an earlier release without one", async () => {
      const { store, reopen } = await makeHarness();
      await store.put(entry(1));
      await store.put(entry(2, { ownerId: OWNER_B }));
      const { ownerId: _dropped, ...legacy } = entry(3);
      await store.put(legacy as never); // written by a release before owners: readable, not rejected
      await store.putDraft({ id: "d", ownerId: OWNER_B, updatedAt: T0, data: null });
      const again = await reopen();
      expect((await again.list()).map((e) => e.ownerId)).toEqual([OWNER_A, OWNER_B, undefined]);
      expect((await again.getDraft("d"))?.ownerId).toBe(OWNER_B);
      await again.close();
    });

    it("rejects a value that cannot be stored and leaves the old one intact", async () => {
      const { store } = await makeHarness();
      await store.put(entry(1));
      const bad = { ...entry(1, { state: "synced" }), callback: () => 1 };
      await expect(store.put(bad)).rejects.toThrow();
      await expect(
        store.putDraft({ id: "d", ownerId: OWNER_A, updatedAt: T0, data: { f: () => 1 } }),
      ).rejects.toThrow();
      expect(await store.get(uuid(1))).toEqual(entry(1));
      expect(await store.getDraft("d")).toBeNull();
      // The store is still usable afterwards.
      await store.put(entry(2));
      expect((await store.list()).length).toBe(2);
    });
  });
}
