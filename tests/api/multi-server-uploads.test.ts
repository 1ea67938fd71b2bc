// Issue 15's done-when for files: on three real servers sharing one PostgreSQL (each with its own empty
// DATA_DIR, so only the PostgreSQL blob store — the default with DATABASE_URL — can make it work), a tus photo
// upload begun on server A finishes on server C, the record is complete, and server B serves the same bytes.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "@rectify/server/db";
import { createUser } from "@rectify/server/queries/users";
import { startCluster, type Cluster } from "../helpers/server-cluster.ts";
import { photoOf, siteVisit, SYNC } from "../helpers/records.ts";

const PASSWORD = "correct horse battery";
let cluster: Cluster;
let db: Database;
let token: string;
let problemId: string;

beforeAll(async () => {
  cluster = await startCluster(3);
  db = await openDatabase({ databaseUrl: cluster.databaseUrl });
  await createUser(db.prisma, { username: "insp", password: PASSWORD, role: "INSPECTOR" });
  const login = await fetch(`${cluster.servers[0]!.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: `mutation { login(username: "insp", password: "${PASSWORD}", credential: BEARER) { ... on LoginPayload { token } } }`,
    }),
  });
  token = ((await login.json()) as any).data.login.token;
  problemId = (await db.prisma.problem.findFirstOrThrow()).id;
}, 300_000); // three processes compile and start at once on 2 cores
afterAll(async () => {
  await db?.close();
  await cluster?.close();
});

const tus = (url: string, method: string, headers: Record<string, string> = {}, body?: Buffer) =>
  fetch(url, {
    method,
    headers: { "Tus-Resumable": "1.0.0", Authorization: `Bearer ${token}`, ...headers },
    body: body ? new Uint8Array(body) : undefined,
  });

it("a photo upload begun on server A finishes on server C and the record is complete", async () => {
  const [a, b, c] = cluster.servers.map((s) => s.url);
  const bytes = randomBytes(1_100_000);
  const photo = photoOf(bytes);
  const env = siteVisit(problemId, [], { photos: [photo] });
  const sync = await fetch(`${a}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SYNC, variables: { e: env } }),
  });
  expect(((await sync.json()) as any).data.syncRecord).toMatchObject({ outcome: "CREATED", missingPhotos: [photo.id] });

  const created = await tus(`${a}/uploads`, "POST", {
    "Upload-Length": String(bytes.length),
    "Upload-Metadata": `attachmentId ${Buffer.from(photo.id).toString("base64")}`,
  });
  expect(created.status).toBe(201);
  const path = created.headers.get("location")!;
  const chunk = (offset: number) => ({
    "Upload-Offset": String(offset),
    "Content-Type": "application/offset+octet-stream",
  });
  expect((await tus(`${a}${path}`, "PATCH", chunk(0), bytes.subarray(0, 524_288))).status).toBe(204);

  const head = await tus(`${c}${path}`, "HEAD");
  expect(head.headers.get("upload-offset")).toBe("524288");
  const rest = await tus(`${c}${path}`, "PATCH", chunk(524_288), bytes.subarray(524_288));
  expect(rest.status).toBe(204);
  expect(rest.headers.get("upload-complete")).toBe("1");

  const record = await db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } });
  expect(record.syncState).toBe("COMPLETE");
  const file = await fetch(`${b}/files/${photo.id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(file.status).toBe(200);
  expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
}, 120_000);
