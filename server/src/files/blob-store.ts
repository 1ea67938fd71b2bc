// The blob store: where photo and evidence bytes live, behind one interface with three implementations — local
// disk (embedded default), PostgreSQL (table "BlobChunk": N servers need nothing else) and S3-compatible object
// storage. Keys are paths: complete files at files/<sha[0..2]>/<sha> (content-addressed), uploads in progress at
// uploads/<attachmentId>.part. Invariants: `append` writes only at the blob's current length (a retried chunk is
// never stored twice, also across servers); `move` is all-or-nothing and keeps an existing target (same key =
// same bytes); readers never see a half-moved blob.
import type { Readable } from "node:stream";

export type BlobStoreKind = "disk" | "pg" | "s3";

export interface BlobStore {
  readonly kind: BlobStoreKind;
  /** Size in bytes, or null when there is no such blob. */
  stat(key: string): Promise<number | null>;
  /** The blob's bytes as a stream, or null when there is no such blob. */
  get(key: string): Promise<Readable | null>;
  /** Stores a whole blob (replacing any blob of that key). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Appends at `offset`; returns the new length, or null when `offset` is not the blob's current length. */
  append(key: string, offset: number, chunk: Uint8Array): Promise<number | null>;
  /** Renames `from` to `to`; when `to` already exists, `from` is dropped instead. */
  move(from: string, to: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every blob whose key starts with `prefix`, with its size. */
  list(prefix: string): AsyncIterable<{ key: string; size: number }>;
}

const SHA = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fileKey(sha256: string): string {
  if (!SHA.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return `files/${sha256.slice(0, 2)}/${sha256}`;
}

export function partKey(attachmentId: string): string {
  if (!UUID.test(attachmentId)) throw new Error(`not an attachment id: ${attachmentId}`);
  return `uploads/${attachmentId.toLowerCase()}.part`;
}

/** The sha256 a complete file's key names, or null for any other key. */
export function shaOfKey(key: string): string | null {
  const m = /^files\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(key);
  return m ? m[1]! : null;
}

/** Keys are relative paths of safe characters: never absolute, never "..", so no store escapes its root. */
export function checkKey(key: string): string {
  if (!/^[a-z]+\/[0-9a-zA-Z._/-]+$/.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`not a blob key: ${key}`);
  }
  return key;
}

/** Reads a whole stream (tests, sniffing small files, migrations). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * A store that reads complete files from `legacy` (an earlier release's DATA_DIR/files) when `primary` lacks
 * them, so switching an existing installation to PostgreSQL or S3 keeps every photo reachable before
 * `cli migrate-blobs` has moved it. Writes go to `primary` only.
 */
export function withLegacyReads(primary: BlobStore, legacy: BlobStore): BlobStore {
  const fallback = (key: string) => key.startsWith("files/");
  return {
    kind: primary.kind,
    async stat(key) {
      const size = await primary.stat(key);
      return size === null && fallback(key) ? legacy.stat(key) : size;
    },
    async get(key) {
      const stream = await primary.get(key);
      return stream === null && fallback(key) ? legacy.get(key) : stream;
    },
    put: (key, bytes) => primary.put(key, bytes),
    append: (key, offset, chunk) => primary.append(key, offset, chunk),
    move: (from, to) => primary.move(from, to),
    delete: (key) => primary.delete(key),
    list: (prefix) => primary.list(prefix),
  };
}
