// `pnpm cli migrate-blobs --to pg|s3`: an earlier release's DATA_DIR/files moves into the PostgreSQL store (the
// test database, or embedded PGlite) and into S3 (s3rver), byte-identical; a second run copies nothing; a run
// that finds part of the files already there copies the rest; a file whose bytes do not match its name is
// reported (exit 1) and never copied; bad arguments exit 2.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "@rectify/server/db";
import { fileKey, readAll } from "@rectify/server/files/blob-store";
import { PgBlobStore } from "@rectify/server/files/pg-blob-store";
import { S3BlobStore } from "@rectify/server/files/s3-blob-store";
import { s3SettingsFromEnv } from "@rectify/server/files/select-blob-store";
import { runCli } from "../helpers/run-cli.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";
import { startFakeS3, type FakeS3 } from "../helpers/fake-s3.ts";

let dataDir: string;
let db: TestDatabase | null = null;
let s3: FakeS3;
const files = [randomBytes(1000), randomBytes(1_500_000), randomBytes(10)];
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rectify-migrate-"));
  if (testDbKind === "postgres") db = await createTestDatabase();
  s3 = await startFakeS3();
  for (const bytes of [...files, randomBytes(50)]) {
    const file = path.join(dataDir, ...fileKey(sha(bytes)).split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  // A corrupt file: its bytes do not hash to its name.
  const bad = path.join(dataDir, ...fileKey("ab".repeat(32)).split("/"));
  await mkdir(path.dirname(bad), { recursive: true });
  await writeFile(bad, "not these bytes");
}, 120_000);

afterAll(async () => {
  await db?.close();
  await s3?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const target = () => ({ dataDir, databaseUrl: db?.url ?? null });
const json = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1)!);

it("moves DATA_DIR/files into the PostgreSQL store, verified, idempotently", async () => {
  const first = await runCli(["migrate-blobs", "--to", "pg", "--json"], target());
  expect(first.code, first.stderr).toBe(1); // the corrupt file
  expect(json(first.stdout)).toMatchObject({ copied: 4, alreadyThere: 0, corrupt: [fileKey("ab".repeat(32))] });
  expect(first.stderr).toContain("corrupt");
  const again = await runCli(["migrate-blobs", "--to", "pg", "--json"], target());
  expect(json(again.stdout)).toMatchObject({ copied: 0, alreadyThere: 4 });
  const opened = db ?? (await openDatabase({ dataDir }));
  try {
    const store = new PgBlobStore(opened.prisma);
    for (const bytes of files) expect(sha(await readAll((await store.get(fileKey(sha(bytes))))!))).toBe(sha(bytes));
    expect(await store.stat(fileKey("ab".repeat(32)))).toBeNull();
  } finally {
    if (!db) await opened.close();
  }
}, 180_000);

it("moves them into S3, resuming where an interrupted run stopped", async () => {
  const store = new S3BlobStore(s3SettingsFromEnv(s3.env)!);
  await store.put(fileKey(sha(files[0]!)), files[0]!); // an earlier run got this far
  const run = await runCli(["migrate-blobs", "--to", "s3", "--json"], { ...target(), env: s3.env });
  expect(json(run.stdout)).toMatchObject({ copied: 3, alreadyThere: 1 });
  for (const bytes of files) expect(sha(await readAll((await store.get(fileKey(sha(bytes))))!))).toBe(sha(bytes));
}, 180_000);

it("refuses unknown stores and arguments (exit 2)", async () => {
  expect((await runCli(["migrate-blobs", "--to", "mars"], target())).code).toBe(2);
  expect((await runCli(["migrate-blobs", "--to", "pg", "--fast"], target())).code).toBe(2);
  expect((await runCli(["migrate-blobs"], target())).code).toBe(2);
});
