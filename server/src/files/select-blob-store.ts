// Which blob store a server uses: BLOB_STORE=disk|pg|s3 when set; otherwise S3 when S3_BUCKET is set,
// PostgreSQL when the database is PostgreSQL (DATABASE_URL), the disk under DATA_DIR when embedded. Invariant:
// whatever is chosen, files an earlier release wrote to DATA_DIR/files stay readable (legacy reads) until
// `cli migrate-blobs` moves them.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db.ts";
import { withLegacyReads, type BlobStore, type BlobStoreKind } from "./blob-store.ts";
import { DiskBlobStore } from "./disk-blob-store.ts";
import { PgBlobStore } from "./pg-blob-store.ts";
import type { S3Settings } from "./s3-blob-store.ts";

export function s3SettingsFromEnv(env: NodeJS.ProcessEnv): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  const need = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((k) => !env[k]);
  if (need.length) throw new Error(`S3_BUCKET is set but ${need.join(" and ")} not`);
  return {
    endpoint: env.S3_ENDPOINT || undefined,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== "false" : !!env.S3_ENDPOINT,
  };
}

export function blobStoreKind(env: NodeJS.ProcessEnv, db: Pick<Database, "kind">): BlobStoreKind {
  const chosen = env.BLOB_STORE?.trim();
  if (chosen) {
    if (chosen !== "disk" && chosen !== "pg" && chosen !== "s3") {
      throw new Error(`BLOB_STORE must be disk, pg or s3, got ${chosen}`);
    }
    return chosen;
  }
  if (env.S3_BUCKET) return "s3";
  return db.kind === "postgres" ? "pg" : "disk";
}

/** The bare store of a kind (migrate-blobs writes to one explicitly). The S3 SDK loads only when chosen. */
export async function openBlobStore(
  kind: BlobStoreKind,
  opts: { db: Pick<Database, "prisma">; dataDir: string; env: NodeJS.ProcessEnv },
): Promise<BlobStore> {
  if (kind === "disk") return new DiskBlobStore(opts.dataDir);
  if (kind === "pg") return new PgBlobStore(opts.db.prisma);
  const s3 = s3SettingsFromEnv(opts.env);
  if (!s3) throw new Error("BLOB_STORE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  const { S3BlobStore } = await import("./s3-blob-store.ts");
  return new S3BlobStore(s3);
}

export async function blobStoreFromEnv(opts: {
  db: Database;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<BlobStore> {
  const env = opts.env ?? process.env;
  const kind = blobStoreKind(env, opts.db);
  const store = await openBlobStore(kind, { ...opts, env });
  if (kind === "disk") return store;
  const legacy = await stat(path.join(opts.dataDir, "files")).catch(() => null);
  return legacy?.isDirectory() ? withLegacyReads(store, new DiskBlobStore(opts.dataDir)) : store;
}
