// Photos and evidence files over the blob store (disk, PostgreSQL or S3): complete files content-addressed at
// files/<sha[0..2]>/<sha>, uploads in progress at uploads/<attachmentId>.part. Invariants: a file is only ever
// moved into files/ after its bytes hashed to its name; the same bytes are stored once however many records or
// photos refer to them; every server sharing the store sees the same offsets (upload state lives in the store).
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { fileKey, partKey, type BlobStore } from "./blob-store.ts";
import { DiskBlobStore } from "./disk-blob-store.ts";
import { sniffMimeType } from "./evidence-types.ts";

export class PhotoStore {
  readonly blobs: BlobStore;

  /** A blob store, or a DATA_DIR for the disk store (tests, tools). */
  constructor(blobs: BlobStore | string) {
    this.blobs = typeof blobs === "string" ? new DiskBlobStore(blobs) : blobs;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.blobs.stat(fileKey(sha256))) !== null;
  }

  /** A complete file's bytes, or null when it is not stored. */
  open(sha256: string): Promise<Readable | null> {
    return this.blobs.get(fileKey(sha256));
  }

  /** Bytes received so far for an upload in progress. */
  async received(photoId: string): Promise<number> {
    return (await this.blobs.stat(partKey(photoId))) ?? 0;
  }

  /** Appends a chunk at `offset`; returns the new length, or null when offset is not where the upload stands. */
  append(photoId: string, offset: number, chunk: Uint8Array): Promise<number | null> {
    return this.blobs.append(partKey(photoId), offset, chunk);
  }

  /** The sniffed type of an upload in progress (evidence is judged by its bytes before it is kept). */
  async sniffPart(photoId: string): Promise<string | null> {
    const stream = await this.blobs.get(partKey(photoId));
    return stream ? sniffMimeType(stream) : null;
  }

  async sniffFile(sha256: string): Promise<string | null> {
    const stream = await this.open(sha256);
    return stream ? sniffMimeType(stream) : null;
  }

  /**
   * Verifies a finished upload against its declared hash and moves it into place. Returns false (and drops
   * the partial file, so the device starts over) when the bytes do not match.
   */
  async complete(photoId: string, sha256: string): Promise<boolean> {
    const part = partKey(photoId);
    const stream = await this.blobs.get(part);
    const hash = createHash("sha256");
    if (stream) for await (const chunk of stream) hash.update(chunk as Buffer);
    if (!stream || hash.digest("hex") !== sha256) {
      await this.blobs.delete(part);
      return false;
    }
    // The store's move is atomic: a reader sees no file or the whole file, never a half-written one.
    await this.blobs.move(part, fileKey(sha256));
    return true;
  }

  async discard(photoId: string): Promise<void> {
    await this.blobs.delete(partKey(photoId));
  }
}
