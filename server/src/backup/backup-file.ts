// The backup file of an embedded instance: a line "RECTIFY-BACKUP 1", then entries, each a JSON line
// {"name","size","sha256"} followed by exactly `size` raw bytes and a newline, then {"end":true}. Entries:
// "pglite.tar" (PGlite's dumpDataDir) and "files/<sha[0..2]>/<sha>" (the disk blob store). Invariants: a file
// without its end line is incomplete and refused; every entry is checked against its sha256 before anything is
// restored from it.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import type { Writable } from "node:stream";

export const MAGIC = "RECTIFY-BACKUP 1\n";

export class BackupFileError extends Error {}

function write(out: Writable, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

export function backupWriter(out: Writable) {
  let started = false;
  const start = async () => {
    if (!started) await write(out, MAGIC);
    started = true;
  };
  return {
    async entry(name: string, bytes: Uint8Array) {
      await start();
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      await write(out, JSON.stringify({ name, size: bytes.byteLength, sha256 }) + "\n");
      await write(out, bytes);
      await write(out, "\n");
    },
    async end() {
      await start();
      await write(out, JSON.stringify({ end: true }) + "\n");
    },
  };
}

/** Reads every entry of a backup file, verified; throws BackupFileError on anything malformed or incomplete. */
export async function* readBackup(file: string): AsyncIterable<{ name: string; bytes: Buffer }> {
  const fh = await open(file, "r");
  try {
    let pos = 0;
    const read = async (n: number) => {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, pos);
      pos += bytesRead;
      if (bytesRead !== n) throw new BackupFileError("the backup file is truncated");
      return buf;
    };
    const line = async () => {
      const parts: Buffer[] = [];
      for (;;) {
        const buf = Buffer.alloc(4096);
        const { bytesRead } = await fh.read(buf, 0, 4096, pos);
        if (bytesRead === 0) throw new BackupFileError("the backup file is truncated");
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) {
          parts.push(buf.subarray(0, nl));
          pos += nl + 1;
          return Buffer.concat(parts).toString("utf8");
        }
        parts.push(buf.subarray(0, bytesRead));
        pos += bytesRead;
      }
    };
    if ((await read(MAGIC.length)).toString("utf8") !== MAGIC) throw new BackupFileError("not a Rectify backup file");
    for (;;) {
      let head: { name?: string; size?: number; sha256?: string; end?: boolean };
      try {
        head = JSON.parse(await line());
      } catch (err) {
        if (err instanceof BackupFileError) throw err;
        throw new BackupFileError("the backup file is damaged");
      }
      if (head.end) return;
      if (typeof head.name !== "string" || !Number.isSafeInteger(head.size)) {
        throw new BackupFileError("the backup file is damaged");
      }
      const bytes = await read(head.size!);
      if ((await read(1))[0] !== 10) throw new BackupFileError("the backup file is damaged");
      if (createHash("sha256").update(bytes).digest("hex") !== head.sha256) {
        throw new BackupFileError(`${head.name} in the backup does not match its sha256`);
      }
      yield { name: head.name, bytes };
    }
  } finally {
    await fh.close();
  }
}
