// `cli migrate-blobs --to pg|s3 [--from disk|pg|s3]`: copies every complete file (files/<sha[0..2]>/<sha>) from
// one blob store to another, verifying each file's sha256 on both sides. Invariants: idempotent and resumable
// (a file already in the target with its size is skipped, and every write is all-or-nothing, so a run stopped
// anywhere is simply run again); a source file whose bytes do not hash to its name is reported and never copied;
// nothing is deleted from the source (the server keeps reading it until the target has the file).
import { createHash } from "node:crypto";
import { readAll, shaOfKey, type BlobStore } from "./blob-store.ts";

export interface MigrateSummary {
  copied: number;
  alreadyThere: number;
  corrupt: string[];
  bytes: number;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export async function migrateBlobs(
  from: BlobStore,
  to: BlobStore,
  onFile?: (key: string, outcome: "copied" | "skipped" | "corrupt") => void,
): Promise<MigrateSummary> {
  const summary: MigrateSummary = { copied: 0, alreadyThere: 0, corrupt: [], bytes: 0 };
  for await (const { key, size } of from.list("files/")) {
    const sha = shaOfKey(key);
    if (!sha) continue; // not a complete file (stray temporary files and the like)
    if ((await to.stat(key)) === size) {
      summary.alreadyThere++;
      onFile?.(key, "skipped");
      continue;
    }
    const stream = await from.get(key);
    const bytes = stream ? await readAll(stream) : null;
    if (!bytes || sha256(bytes) !== sha) {
      summary.corrupt.push(key);
      onFile?.(key, "corrupt");
      continue;
    }
    await to.put(key, bytes);
    const back = await to.get(key);
    if (!back || sha256(await readAll(back)) !== sha) throw new Error(`${key}: the target store returned other bytes`);
    summary.copied++;
    summary.bytes += bytes.length;
    onFile?.(key, "copied");
  }
  return summary;
}
