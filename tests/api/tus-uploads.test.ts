// Uploads speak tus 1.0.0 (core + creation) and their state lives in the shared blob store: discovery, creation
// of a declared file, typed refusals, an upload begun on one server finished on another (PostgreSQL and S3
// stores), and an earlier release's DATA_DIR/files still served after switching to the PostgreSQL store.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type AppServer } from "@rectify/server/server";
import { securityFromEnv } from "@rectify/server/security/settings";
import { PgBlobStore } from "@rectify/server/files/pg-blob-store";
import { S3BlobStore } from "@rectify/server/files/s3-blob-store";
import { DiskBlobStore } from "@rectify/server/files/disk-blob-store";
import { blobStoreFromEnv, s3SettingsFromEnv } from "@rectify/server/files/select-blob-store";
import type { BlobStore } from "@rectify/server/files/blob-store";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { photoOf, send, siteVisit } from "../helpers/records.ts";
import { startFakeS3, type FakeS3 } from "../helpers/fake-s3.ts";

let app: TestApp;
let s3: FakeS3;
let problemId: string;
const extra: AppServer[] = [];

beforeAll(async () => {
  app = await startTestApp();
  s3 = await startFakeS3();
  problemId = (await app.db.prisma.problem.findFirstOrThrow()).id;
}, 180_000);

afterAll(async () => {
  for (const s of extra) await s.close();
  await app?.close();
  await s3?.stop();
});

async function serverOn(blobs: BlobStore, dataDir = app.dataDir): Promise<AppServer> {
  const s = await startServer({
    db: app.db,
    dataDir,
    port: 0,
    host: "127.0.0.1",
    security: securityFromEnv({}),
    blobs,
  });
  extra.push(s);
  return s;
}

function tus(base: string, path: string, method: string, headers: Record<string, string> = {}, body?: Buffer) {
  return fetch(`${base}${path}`, {
    method,
    headers: { "Tus-Resumable": "1.0.0", Authorization: `Bearer ${app.tokenOf("inspector")}`, ...headers },
    body: body ? new Uint8Array(body) : undefined,
  });
}

const meta = (id: string) =>
  `attachmentId ${Buffer.from(id).toString("base64")},filename ${Buffer.from("a.jpg").toString("base64")}`;
const chunk = (offset: number) => ({
  "Upload-Offset": String(offset),
  "Content-Type": "application/offset+octet-stream",
});

async function declaredPhoto(size: number) {
  const bytes = randomBytes(size);
  const photo = photoOf(bytes);
  const env = siteVisit(problemId, [], { photos: [photo] });
  expect(await send(app, "inspector", env)).toMatchObject({ outcome: "CREATED", missingPhotos: [photo.id] });
  return { bytes, photo, env };
}

describe("tus 1.0.0", () => {
  it("announces version, extensions and maximum size, and refuses other versions", async () => {
    const options = await fetch(`${app.url}/uploads`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("tus-version")).toBe("1.0.0");
    expect(options.headers.get("tus-extension")).toContain("creation");
    expect(Number(options.headers.get("tus-max-size"))).toBe(25 * 1024 * 1024);
    const old = await tus(app.url, "/uploads", "POST", { "Tus-Resumable": "0.2.2", "Upload-Length": "10" });
    expect(old.status).toBe(412);
    expect(old.headers.get("tus-version")).toBe("1.0.0");
  });

  it("creates the upload of a declared file at its attachment's URL, and refuses what does not fit", async () => {
    const { bytes, photo } = await declaredPhoto(2000);
    const created = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": "2000",
      "Upload-Metadata": meta(photo.id),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/uploads/${photo.id}`);
    const again = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": "2000",
      "Upload-Metadata": meta(photo.id),
    });
    expect(again.headers.get("location")).toBe(`/uploads/${photo.id}`); // a repeated POST resumes, never forks
    const wrongSize = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": "1999",
      "Upload-Metadata": meta(photo.id),
    });
    expect(wrongSize.status).toBe(400);
    const huge = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": String(26 * 1024 * 1024),
      "Upload-Metadata": meta(photo.id),
    });
    expect(huge.status).toBe(413);
    const unknown = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": "5",
      "Upload-Metadata": meta(crypto.randomUUID()),
    });
    expect(unknown.status).toBe(404);
    const liaison = await tus(app.url, "/uploads", "POST", {
      "Upload-Length": "2000",
      "Upload-Metadata": meta(photo.id),
      Authorization: `Bearer ${app.tokenOf("liaisonA")}`,
    });
    expect(liaison.status).toBe(403);
    const anonymous = await fetch(`${app.url}/uploads`, {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "1" },
    });
    expect(anonymous.status).toBe(401);
    const wrongType = await tus(
      app.url,
      `/uploads/${photo.id}`,
      "PATCH",
      { ...chunk(0), "Content-Type": "image/jpeg" },
      bytes,
    );
    expect(wrongType.status).toBe(415);
    expect((await tus(app.url, `/uploads/${photo.id}`, "HEAD")).headers.get("upload-offset")).toBe("0");
    const done = await tus(app.url, `/uploads/${photo.id}`, "PATCH", chunk(0), bytes);
    expect(done.status).toBe(204);
    expect(done.headers.get("upload-offset")).toBe("2000");
  });
});

describe.each(["pg", "s3"])("an upload begun on one server finishes on another (%s store)", (kind) => {
  it("continues from the first server's offset and completes the record; the bytes are identical", async () => {
    const store = () => (kind === "pg" ? new PgBlobStore(app.db.prisma) : new S3BlobStore(s3SettingsFromEnv(s3.env)!));
    const [a, b] = [await serverOn(store()), await serverOn(store())];
    const { bytes, photo, env } = await declaredPhoto(1_200_000);
    const created = await tus(a.url, "/uploads", "POST", {
      "Upload-Length": "1200000",
      "Upload-Metadata": meta(photo.id),
    });
    const url = created.headers.get("location")!;
    expect((await tus(a.url, url, "PATCH", chunk(0), bytes.subarray(0, 524_288))).status).toBe(204);
    const head = await tus(b.url, url, "HEAD");
    expect(head.headers.get("upload-offset")).toBe("524288");
    expect((await tus(b.url, url, "PATCH", chunk(0), bytes.subarray(0, 524_288))).status).toBe(409);
    const rest = await tus(b.url, url, "PATCH", chunk(524_288), bytes.subarray(524_288));
    expect(rest.status).toBe(204);
    expect(rest.headers.get("upload-complete")).toBe("1");
    const record = await app.db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } });
    expect(record.syncState).toBe("COMPLETE");
    const file = await fetch(`${a.url}/files/${photo.id}`, {
      headers: { Authorization: `Bearer ${app.tokenOf("supervisor")}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

it("keeps an earlier release's DATA_DIR/files readable after switching to the PostgreSQL store", async () => {
  const { bytes, photo } = await declaredPhoto(3000);
  const disk = await serverOn(new DiskBlobStore(app.dataDir));
  expect((await tus(disk.url, `/uploads/${photo.id}`, "PATCH", chunk(0), bytes)).status).toBe(204);
  const pg = await serverOn(await blobStoreFromEnv({ db: app.db, dataDir: app.dataDir, env: { BLOB_STORE: "pg" } }));
  const file = await fetch(`${pg.url}/files/${photo.id}`, {
    headers: { Authorization: `Bearer ${app.tokenOf("supervisor")}` },
  });
  expect(file.status).toBe(200);
  expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
});
