// One process per embedded database: a lock file holding the owner's pid, so `pnpm cli` cannot open the PGlite
// folder that a running `pnpm start` holds (two PGlite instances on one folder would corrupt it).
// Invariant: a lock whose process has died is stale and is taken over.
import { open, readFile, rm } from "node:fs/promises";

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function lockDataDir(file: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DataDirInUseError(
          `The embedded database in ${file.replace(/[/\\][^/\\]*$/, "")} is in use by process ${pid} (a running \`pnpm start\`?). ` +
            "Stop it first, or use the GraphQL API of the running server.",
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock ${file}`);
}
