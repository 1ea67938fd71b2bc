// Backup and restore of an embedded instance (PGlite + the disk blob store). The database is dumped with
// PGlite's dumpDataDir, which holds PGlite's query lock, so the copy is a consistent snapshot even while the
// server runs (the running server makes it, asked over its backup socket: the data-dir lock admits one process);
// the files are copied after the dump: they are content-addressed and never changed, so every file the dumped
// database refers to is already there. Invariants: restore writes only into an empty or missing DATA_DIR, and
// only after the whole backup file verified.
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { readAll, checkKey } from "../files/blob-store.ts";
import { DiskBlobStore } from "../files/disk-blob-store.ts";
import { backupWriter, BackupFileError, readBackup } from "./backup-file.ts";

export class RestoreRefused extends Error {}

export async function writeBackup(pglite: PGlite, dataDir: string, out: Writable): Promise<{ files: number }> {
  const w = backupWriter(out);
  const dump = await pglite.dumpDataDir("none");
  await w.entry("pglite.tar", new Uint8Array(await dump.arrayBuffer()));
  const disk = new DiskBlobStore(dataDir);
  let files = 0;
  for await (const { key } of disk.list("files/")) {
    const stream = await disk.get(key);
    if (!stream) continue;
    await w.entry(key, await readAll(stream));
    files++;
  }
  await w.end();
  return { files };
}

export async function restoreBackup(file: string, dataDir: string): Promise<{ files: number }> {
  const existing = await readdir(dataDir).catch(() => null);
  if (existing && existing.length > 0) {
    throw new RestoreRefused(`${dataDir} is not empty: restore only into an empty or new DATA_DIR`);
  }
  // Verify the whole file before writing anything.
  let sawDb = false;
  for await (const e of readBackup(file)) sawDb ||= e.name === "pglite.tar";
  if (!sawDb) throw new BackupFileError("the backup holds no database");
  await mkdir(dataDir, { recursive: true });
  const staging = path.join(dataDir, ".restoring");
  let files = 0;
  try {
    const disk = new DiskBlobStore(staging);
    for await (const { name, bytes } of readBackup(file)) {
      if (name === "pglite.tar") {
        const pgDir = path.join(staging, "pglite");
        await mkdir(pgDir, { recursive: true });
        const db = await PGlite.create(pgDir, {
          loadDataDir: new Blob([new Uint8Array(bytes)]),
          extensions: { pg_trgm },
        });
        await db.close();
      } else {
        await disk.put(checkKey(name), bytes);
        files++;
      }
    }
    for (const entry of await readdir(staging)) await rename(path.join(staging, entry), path.join(dataDir, entry));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { files };
}

export { BackupFileError };
