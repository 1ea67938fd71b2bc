// The running embedded server's backup socket: a unix socket in a private temp dir (mode 0700, so only the
// server's user reaches it), its path written to <DATA_DIR>/backup.sock. `cli backup` connects, and the server
// writes the backup (backup.ts) down the connection. Invariant: the file names a socket only while the server
// runs; a stale file is ignored (connecting fails).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { writeBackup } from "./backup.ts";

const pointer = (dataDir: string) => path.join(dataDir, "backup.sock");

export async function serveBackups(
  pglite: PGlite,
  dataDir: string,
  onError: (err: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "rectify-backup-"));
  const sock = path.join(dir, "s");
  const server = createServer((conn) => {
    conn.once("data", () => {
      writeBackup(pglite, dataDir, conn)
        .then(() => conn.end())
        .catch((err: unknown) => {
          onError(err);
          conn.destroy();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  await writeFile(pointer(dataDir), sock, { mode: 0o600 });
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(pointer(dataDir), { force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A connection to the running server's backup socket, or null when no server runs on this DATA_DIR. */
export async function connectBackupSocket(dataDir: string): Promise<Socket | null> {
  const sock = await readFile(pointer(dataDir), "utf8").catch(() => null);
  if (!sock) return null;
  return new Promise((resolve) => {
    const conn = createConnection(sock.trim());
    conn.once("connect", () => resolve(conn));
    conn.once("error", () => resolve(null));
  });
}
