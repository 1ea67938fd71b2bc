// `pnpm cli backup` of a RUNNING embedded instance with records, photos and audit entries, then `pnpm cli
// restore` into an empty DATA_DIR (a non-empty one is refused), started again: the same records, the same photos
// byte for byte, the same audit trail.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, startAppProcess, gqlAt, type AppProcess } from "../browser/helpers/app-process.ts";
import { runCli } from "../helpers/run-cli.ts";
import { photoOf, siteVisit, SYNC } from "../helpers/records.ts";

const ADMIN = "backup admin password 42";
let work: string;
const running: AppProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "rectify-backup-"));
});
afterAll(async () => {
  for (const p of running) await p.kill("SIGKILL");
  await rm(work, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const app = await startAppProcess({ port: await freePort(), dataDir, adminPassword: ADMIN, startTimeoutMs: 300_000 });
  running.push(app);
  const login = await gqlAt(
    app.url,
    `mutation { login(username: "admin", password: "${ADMIN}", credential: BEARER) { ... on LoginPayload { token } } }`,
  );
  return { app, token: login.data.login.token as string };
}

const STATE = `{
  inspectionRecords(first: 50) { edges { node { id findings syncState photos { id sha256 size complete } } } }
  auditEvents(first: 200) { edges { node { id action entityType entityId at } } }
}`;

it("backs up a running instance and restores it into an empty DATA_DIR, losing nothing", async () => {
  const dataDir = path.join(work, "live");
  const { app, token } = await start(dataDir);
  const globalId = (await gqlAt(app.url, `{ problems(first: 1) { edges { node { id } } } }`, {}, token)).data.problems
    .edges[0].node.id as string;
  const problemId = /[0-9a-f-]{36}/.exec(Buffer.from(globalId, "base64").toString())![0]; // Relay id → row id
  const photos = [randomBytes(700_000), randomBytes(30_000)];
  for (const [i, bytes] of photos.entries()) {
    const photo = photoOf(bytes);
    const env = siteVisit(problemId, [], { photos: [photo], findings: `备份前的记录 ${i}` });
    const sent = await gqlAt(app.url, SYNC, { e: env }, token);
    expect(sent.data?.syncRecord?.missingPhotos, JSON.stringify(sent)).toEqual([photo.id]);
    const put = await fetch(`${app.url}/uploads/${photo.id}`, {
      method: "PATCH",
      headers: {
        "Tus-Resumable": "1.0.0",
        Authorization: `Bearer ${token}`,
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      },
      body: new Uint8Array(bytes),
    });
    expect(put.headers.get("upload-complete")).toBe("1");
  }
  const before = (await gqlAt(app.url, STATE, {}, token)).data;
  expect(before.inspectionRecords.edges).toHaveLength(2);
  expect(before.auditEvents.edges.length).toBeGreaterThan(0);

  const file = path.join(work, "rectify.backup");
  const backup = await runCli(["backup", "--out", file], { dataDir });
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toContain("from the running server");
  expect(backup.stdout).toContain("2 files");
  await app.kill();

  const refused = await runCli(["restore", file], { dataDir }); // the old instance's DATA_DIR is not empty
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("not empty");

  const restoredDir = path.join(work, "restored");
  const restore = await runCli(["restore", file], { dataDir: restoredDir });
  expect(restore.code, restore.stderr).toBe(0);
  const restored = await start(restoredDir);
  const after = (await gqlAt(restored.app.url, STATE, {}, restored.token)).data;
  expect(after.inspectionRecords).toEqual(before.inspectionRecords);
  // The trail as it was, plus only the restored instance's own new login.
  const trail = after.auditEvents.edges.filter((e: any) =>
    before.auditEvents.edges.some((b: any) => b.node.id === e.node.id),
  );
  expect(trail).toEqual(before.auditEvents.edges);
  for (const edge of before.inspectionRecords.edges) {
    for (const p of edge.node.photos) {
      const res = await fetch(`${restored.app.url}/files/${p.id}`, {
        headers: { Authorization: `Bearer ${restored.token}` },
      });
      expect(res.status).toBe(200);
      expect(
        createHash("sha256")
          .update(Buffer.from(await res.arrayBuffer()))
          .digest("hex"),
      ).toBe(p.sha256);
    }
  }
  await restored.app.kill();
}, 900_000);
