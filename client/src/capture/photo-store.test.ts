// Photo bytes in the outbox store: hashing, the 20 MiB bound, quota errors, and deleting only unreferenced bytes.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "@rectify/server/sync";
import { MemoryOutboxStore, type BlobData } from "../outbox/index.ts";
import { emptyForm } from "./form-model.ts";
import {
  deleteIfUnreferenced,
  isQuotaError,
  PhotoTooLargeError,
  StorageFullError,
  storePhoto,
  sweepOrphanPhotos,
} from "./photo-store.ts";

const image = (n: number) => ({
  bytes: Uint8Array.from({ length: n }, (_, i) => i & 0xff),
  mimeType: "image/jpeg" as const,
  width: 1,
  height: 1,
});

describe("photo store", () => {
  it("stores bytes and returns a reference with their sha256", async () => {
    const store = new MemoryOutboxStore();
    const ref = await storePhoto(store, image(100), "stamped", "a.jpg");
    expect(ref).toMatchObject({
      size: 100,
      sha256: sha256Hex(image(100).bytes),
      variant: "stamped",
      mimeType: "image/jpeg",
    });
    expect((await store.getBlob(ref.id))!.bytes.length).toBe(100);
  });

  it("refuses photos over 20 MiB and reports a full disk as StorageFullError", async () => {
    const store = new MemoryOutboxStore();
    await expect(storePhoto(store, image(20 * 1024 * 1024 + 1), "original", "big.jpg")).rejects.toBeInstanceOf(
      PhotoTooLargeError,
    );
    const full = Object.assign(store, {
      putBlob: (_id: string, _d: BlobData) => Promise.reject(new DOMException("full", "QuotaExceededError")),
    });
    await expect(storePhoto(full, image(10), "original", "x.jpg")).rejects.toBeInstanceOf(StorageFullError);
    expect(isQuotaError(new Error("wrapped", { cause: new DOMException("q", "QuotaExceededError") }))).toBe(true);
    expect(isQuotaError(new Error("other"))).toBe(false);
  });

  it("deletes bytes only when no draft and no entry refers to them", async () => {
    const store = new MemoryOutboxStore();
    const kept = await storePhoto(store, image(10), "stamped", "k.jpg");
    const dropped = await storePhoto(store, image(11), "stamped", "d.jpg");
    const orphan = await storePhoto(store, image(12), "stamped", "o.jpg");
    const form = {
      ...emptyForm("00000000-0000-4000-8000-000000000001", null, "x"),
      photos: [{ stamped: kept, original: null }],
    };
    await store.putDraft({ id: form.recordId, ownerId: "u", updatedAt: 1, data: form });
    await deleteIfUnreferenced(store, [kept.id, dropped.id]);
    expect(await store.listBlobIds()).toEqual([kept.id, orphan.id].sort());
    expect(await sweepOrphanPhotos(store)).toBe(1);
    expect(await store.listBlobIds()).toEqual([kept.id]);
  });
});
