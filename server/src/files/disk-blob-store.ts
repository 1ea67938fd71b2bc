// Blob store on local disk under DATA_DIR (the embedded default): a key is a relative path, so complete files
// sit at <DATA_DIR>/files/<sha[0..2]>/<sha> exactly where earlier releases put them. Invariants: appends for one
// key are serialised in this process (one server per data dir); move is rename(2), atomic.
import { createReadStream } from "node:fs";
import { appendFile, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { checkKey, type BlobStore } from "./blob-store.ts";

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after any earlier call for the same key has finished. */
function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  void tail.then(() => {
    if (locks.get(key) === tail) locks.delete(key);
  });
  return run;
}

export class DiskBlobStore implements BlobStore {
  readonly kind = "disk" as const;
  constructor(readonly root: string) {}

  path(key: string): string {
    return path.join(this.root, ...checkKey(key).split("/"));
  }

  async stat(key: string): Promise<number | null> {
    const s = await stat(this.path(key)).catch(() => null);
    return s?.isFile() ? s.size : null;
  }

  async get(key: string): Promise<Readable | null> {
    if ((await this.stat(key)) === null) return null;
    return createReadStream(this.path(key));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write aside then rename, so a reader never sees a half-written file.
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  append(key: string, offset: number, chunk: Uint8Array): Promise<number | null> {
    const file = this.path(key);
    return serialised(file, async () => {
      await mkdir(path.dirname(file), { recursive: true });
      if (((await this.stat(key)) ?? 0) !== offset) return null;
      await appendFile(file, chunk);
      return offset + chunk.byteLength;
    });
  }

  async move(from: string, to: string): Promise<void> {
    const target = this.path(to);
    if ((await this.stat(to)) !== null) return this.delete(from);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(this.path(from), target);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    const top = prefix.split("/")[0]!;
    const entries = await readdir(path.join(this.root, top), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith(".tmp")) continue;
      const rel = path.relative(this.root, path.join(e.parentPath, e.name)).split(path.sep).join("/");
      if (!rel.startsWith(prefix)) continue;
      const size = await this.stat(rel).catch(() => null);
      if (size !== null) yield { key: rel, size };
    }
  }
}
