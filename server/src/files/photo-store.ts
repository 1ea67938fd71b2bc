// Content-addressed storage of photos and evidence files on disk: complete files at <DATA_DIR>/files/<sha[0..2]>/<sha>, partial
// uploads at <DATA_DIR>/uploads/<photoId>.part. Invariants: a file is only ever moved into files/ after its
// bytes hashed to its name; the same bytes are stored once however many records or photos refer to them.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { appendFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

export class PhotoStore {
  constructor(private readonly dataDir: string) {}

  filePath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.dataDir, "files", sha256.slice(0, 2), sha256);
  }

  partPath(photoId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(photoId)) throw new Error(`not a photo id: ${photoId}`);
    return path.join(this.dataDir, "uploads", `${photoId}.part`);
  }

  async has(sha256: string): Promise<boolean> {
    return (await stat(this.filePath(sha256)).catch(() => null))?.isFile() ?? false;
  }

  /** Bytes received so far for an upload in progress. */
  async received(photoId: string): Promise<number> {
    return (await stat(this.partPath(photoId)).catch(() => null))?.size ?? 0;
  }

  /** Appends a chunk at `offset`; returns the new length, or null when offset is not where the upload stands. */
  async append(photoId: string, offset: number, chunk: Uint8Array): Promise<number | null> {
    const part = this.partPath(photoId);
    await mkdir(path.dirname(part), { recursive: true });
    if ((await this.received(photoId)) !== offset) return null;
    await appendFile(part, chunk);
    return offset + chunk.byteLength;
  }

  /**
   * Verifies a finished upload against its declared hash and moves it into place. Returns false (and drops
   * the partial file, so the device starts over) when the bytes do not match.
   */
  async complete(photoId: string, sha256: string): Promise<boolean> {
    const part = this.partPath(photoId);
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer);
    if (hash.digest("hex") !== sha256) {
      await rm(part, { force: true });
      return false;
    }
    const target = this.filePath(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    // rename is atomic: a reader sees no file or the whole file, never a half-written one.
    await rename(part, target);
    return true;
  }

  async discard(photoId: string): Promise<void> {
    await rm(this.partPath(photoId), { force: true });
  }
}
