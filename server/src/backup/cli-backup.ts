// `pnpm cli backup --out <file>` and `pnpm cli restore <file>` for the embedded database plus files. Backup asks
// the running server over its backup socket, or, with no server running, opens the data dir itself (under its
// lock). Invariants: the output appears whole or not at all (written aside, renamed when the end line is in);
// restore refuses a non-empty DATA_DIR; with DATABASE_URL both refuse (use pg_dump, see the README).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { loadConfig, resolveFromCwd } from "../config.ts";
import { openDatabase } from "../db.ts";
import { connectBackupSocket } from "./backup-socket.ts";
import { BackupFileError, readBackup } from "./backup-file.ts";
import { restoreBackup, RestoreRefused, writeBackup } from "./backup.ts";

export const BACKUP_USAGE = ["pnpm cli backup --out <file>", "pnpm cli restore <file>"];

export class BackupUsage extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function embeddedOnly() {
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new BackupUsage(
      "backup and restore are for the embedded database; with DATABASE_URL use pg_dump / pg_restore (README: Backup and restore)",
      1,
    );
  }
  return config;
}

export async function runBackup(args: string[]) {
  const i = args.indexOf("--out");
  const out = i >= 0 ? args[i + 1] : undefined;
  if (!out || args.length !== 2) throw new BackupUsage(`usage: ${BACKUP_USAGE[0]}`);
  const config = embeddedOnly();
  const file = resolveFromCwd(out);
  const partial = `${file}.partial`;
  try {
    const conn = await connectBackupSocket(config.dataDir);
    if (conn) {
      conn.write("backup\n");
      await pipeline(conn, createWriteStream(partial));
    } else {
      const db = await openDatabase({ dataDir: config.dataDir });
      try {
        const stream = createWriteStream(partial);
        await writeBackup(db.pglite!, config.dataDir, stream);
        stream.end();
        await once(stream, "finish");
      } finally {
        await db.close();
      }
    }
    let entries = 0;
    for await (const e of readBackup(partial)) if (e.name.startsWith("files/")) entries++;
    await rename(partial, file);
    console.log(`backup written to ${file} (database and ${entries} files)${conn ? " from the running server" : ""}`);
  } catch (err) {
    await rm(partial, { force: true });
    if (err instanceof BackupFileError) throw new BackupUsage(`backup failed: ${err.message}`, 1);
    throw err;
  }
}

export async function runRestore(args: string[]) {
  if (args.length !== 1 || args[0]!.startsWith("--")) throw new BackupUsage(`usage: ${BACKUP_USAGE[1]}`);
  const config = embeddedOnly();
  try {
    const { files } = await restoreBackup(resolveFromCwd(args[0]!), config.dataDir);
    console.log(`restored into ${config.dataDir}: the database and ${files} files; start the server on it`);
  } catch (err) {
    if (err instanceof RestoreRefused || err instanceof BackupFileError)
      throw new BackupUsage(`error: ${err.message}`, 1);
    throw err;
  }
}
