// A server of the scale suite in a child process of its own (Rectify, the floor, PostGraphile alike), so that
// each is measured the same way: across a process boundary from the bench's client, with its own memory.
// The child prints one JSON line {"url": …} once it listens and exits on SIGTERM.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface ChildServer {
  url: string;
  /** The largest resident set (MB) among the child and its descendants (tsx runs the script in a grandchild). */
  rssMb(): Promise<number>;
  close(): Promise<void>;
}

export async function spawnServer(script: string, args: string[]): Promise<ChildServer> {
  const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
  // As `pnpm start` runs Rectify (NODE_ENV=production: graphql-js skips its development-only checks); the same
  // for the others, so none of them pays for development checks.
  const child = spawn(tsx, [path.join(import.meta.dirname, script), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on("exit", (code) => reject(new Error(`${script} exited (${code})`)));
  });
  const rssMb = async () => {
    let max = 0;
    const walk = async (pid: number) => {
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      max = Math.max(max, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      const kids = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
      for (const k of kids.split(" ").filter(Boolean)) await walk(Number(k));
    };
    await walk(child.pid!);
    return max;
  };
  return {
    url,
    rssMb,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
