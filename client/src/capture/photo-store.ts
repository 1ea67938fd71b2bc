// Puts processed photo bytes into the outbox store (so they survive reloads and go with the record), hashes them,
// and cleans up bytes nothing refers to any more. Invariant: a photo is referenced by a record or a draft only
// after its bytes are durably stored, and bytes are deleted only when no entry and no draft refers to them.
import { MAX_PHOTO_BYTES, type PhotoRef } from "@rectify/server/sync";
import type { OutboxStore } from "../outbox/index.ts";
import { sha256OfBytes } from "../lib/hash.ts";
import { newUuid } from "../lib/ids.ts";
import { allPhotoIds, asFormState } from "./form-model.ts";
import type { EncodedImage } from "./photo-process.ts";
import { storagePressure } from "../settings/storage-pressure.ts";

export class PhotoTooLargeError extends Error {
  override readonly name = "PhotoTooLargeError";
}
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";
}

/** QuotaExceededError by name (DOMException), also as the cause or a transaction's error, and Firefox's old name. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: string }).name;
    if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export async function storePhoto(
  store: OutboxStore,
  image: EncodedImage,
  variant: PhotoRef["variant"],
  fileName: string,
): Promise<PhotoRef> {
  if (image.bytes.length > MAX_PHOTO_BYTES) throw new PhotoTooLargeError(`${fileName} is ${image.bytes.length} bytes`);
  const sha256 = await sha256OfBytes(image.bytes);
  const id = newUuid();
  try {
    await store.putBlob(id, { bytes: image.bytes, mimeType: image.mimeType, fileName });
  } catch (error) {
    if (isQuotaError(error)) {
      storagePressure.markFull();
      throw new StorageFullError("storage quota exceeded", { cause: error });
    }
    throw error;
  }
  storagePressure.markWritten();
  return { id, sha256, size: image.bytes.length, mimeType: image.mimeType, variant, fileName };
}

/** Ids of photos some outbox entry or draft still refers to. */
export async function referencedPhotoIds(store: OutboxStore): Promise<Set<string>> {
  const [entries, drafts] = await Promise.all([store.list(), store.listDrafts()]);
  const ids = new Set(entries.flatMap((e) => e.envelope.photos.map((p) => p.id)));
  for (const d of drafts) {
    const form = asFormState(d.data);
    if (form) for (const id of allPhotoIds(form)) ids.add(id);
  }
  return ids;
}

/** Deletes those of `candidates` nothing refers to (a removed thumbnail, a replaced signature, a dropped draft). */
export async function deleteIfUnreferenced(
  store: OutboxStore,
  candidates: readonly string[],
  keep: readonly string[] = [],
) {
  if (candidates.length === 0) return;
  const used = await referencedPhotoIds(store);
  for (const id of candidates) if (!used.has(id) && !keep.includes(id)) await store.deleteBlob(id);
}

/** Start-up sweep: bytes left behind by a crash between storing a photo and saving the draft that names it. */
export async function sweepOrphanPhotos(store: OutboxStore): Promise<number> {
  const used = await referencedPhotoIds(store);
  const orphans = (await store.listBlobIds()).filter((id) => !used.has(id));
  for (const id of orphans) await store.deleteBlob(id);
  return orphans.length;
}

export function photoFileName(at: Date, n: number, variant: string, ext: string): string {
  const p = (x: number) => String(x).padStart(2, "0");
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}_${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `IMG_${stamp}_${n}-${variant}.${ext}`;
}
