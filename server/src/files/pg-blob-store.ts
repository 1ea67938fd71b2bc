// Blob store in PostgreSQL (PGlite too): table "BlobChunk" (key, offset, data bytea), one row per appended
// chunk or per MiB of a whole blob, so several servers on one database share every file and every upload in
// progress with nothing else to run. Invariants: an append inserts only when its offset equals the blob's
// current length, and the primary key (key, offset) lets exactly one of two racing appends win; move is one
// statement (atomic); reads stream one chunk at a time (memory stays bounded whatever the file's size).
import { Readable } from "node:stream";
import type { PrismaClient } from "../db.ts";
import { checkKey, type BlobStore } from "./blob-store.ts";

const PUT_CHUNK = 1024 * 1024;

function isUniqueViolation(err: unknown): boolean {
  return /unique|duplicate key|23505|P2002|P2010/i.test(String((err as Error)?.message ?? err));
}

export class PgBlobStore implements BlobStore {
  readonly kind = "pg" as const;
  constructor(private readonly prisma: PrismaClient) {}

  async stat(key: string): Promise<number | null> {
    const [row] = await this.prisma.$queryRawUnsafe<{ n: bigint; size: bigint | null }[]>(
      `SELECT count(*) AS n, sum(length("data"))::bigint AS size FROM "BlobChunk" WHERE "key" = $1`,
      checkKey(key),
    );
    return row && Number(row.n) > 0 ? Number(row.size ?? 0) : null;
  }

  async get(key: string): Promise<Readable | null> {
    if ((await this.stat(key)) === null) return null;
    const prisma = this.prisma;
    async function* chunks() {
      let offset = -1n;
      for (;;) {
        const [row] = await prisma.$queryRawUnsafe<{ offset: bigint; data: Uint8Array }[]>(
          `SELECT "offset", "data" FROM "BlobChunk" WHERE "key" = $1 AND "offset" > $2 ORDER BY "offset" LIMIT 1`,
          key,
          offset,
        );
        if (!row) return;
        offset = BigInt(row.offset);
        yield Buffer.from(row.data);
      }
    }
    return Readable.from(chunks());
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    checkKey(key);
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "BlobChunk" WHERE "key" = $1`, key);
      for (let at = 0; at < bytes.byteLength || at === 0; at += PUT_CHUNK) {
        const part = Buffer.from(bytes.subarray(at, at + PUT_CHUNK));
        await tx.$executeRawUnsafe(
          `INSERT INTO "BlobChunk" ("key", "offset", "data") VALUES ($1, $2, $3)`,
          key,
          BigInt(at),
          part,
        );
        if (bytes.byteLength === 0) break;
      }
    });
  }

  async append(key: string, offset: number, chunk: Uint8Array): Promise<number | null> {
    checkKey(key);
    try {
      const inserted = await this.prisma.$executeRawUnsafe(
        `INSERT INTO "BlobChunk" ("key", "offset", "data")
         SELECT $1, $2, $3
         WHERE (SELECT coalesce(sum(length("data")), 0) FROM "BlobChunk" WHERE "key" = $1) = $2
         ON CONFLICT DO NOTHING`,
        key,
        BigInt(offset),
        Buffer.from(chunk),
      );
      return inserted === 1 ? offset + chunk.byteLength : null;
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async move(from: string, to: string): Promise<void> {
    checkKey(from);
    checkKey(to);
    try {
      await this.prisma.$executeRawUnsafe(
        `WITH target AS (SELECT 1 FROM "BlobChunk" WHERE "key" = $2 LIMIT 1),
              dropped AS (DELETE FROM "BlobChunk" WHERE "key" = $1 AND EXISTS (SELECT 1 FROM target))
         UPDATE "BlobChunk" SET "key" = $2 WHERE "key" = $1 AND NOT EXISTS (SELECT 1 FROM target)`,
        from,
        to,
      );
    } catch (err) {
      // Another server moved the same bytes into place at the same moment: theirs stands.
      if (!isUniqueViolation(err)) throw err;
      await this.delete(from);
    }
  }

  async delete(key: string): Promise<void> {
    await this.prisma.$executeRawUnsafe(`DELETE FROM "BlobChunk" WHERE "key" = $1`, checkKey(key));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number }> {
    let after = "";
    for (;;) {
      const rows = await this.prisma.$queryRawUnsafe<{ key: string; size: bigint }[]>(
        `SELECT "key", sum(length("data"))::bigint AS size FROM "BlobChunk"
         WHERE starts_with("key", $1) AND "key" > $2 GROUP BY "key" ORDER BY "key" LIMIT 500`,
        prefix,
        after,
      );
      for (const r of rows) yield { key: r.key, size: Number(r.size) };
      if (rows.length < 500) return;
      after = rows[rows.length - 1]!.key;
    }
  }
}
