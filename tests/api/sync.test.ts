// The server side of field sync over real HTTP: idempotent records, edits and conflicts, resumable and
// deduplicated photo uploads, typed per-record rejections.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { photoOf, send, siteVisit, upload } from "../helpers/records.ts";

let app: TestApp;
let problemId: string;
let measureIds: string[];
beforeAll(async () => {
  app = await startTestApp();
  const p = await app.db.prisma.problem.findFirstOrThrow({
    where: { section: "CONTINUING", number: 3 },
    include: { measures: true },
  });
  problemId = p.id;
  measureIds = p.measures.slice(0, 2).map((m) => m.id);
});
afterAll(async () => app?.close());

describe("syncRecord", () => {
  it("stores a record once however often it is sent, and applies edits in order", async () => {
    const env = siteVisit(problemId, measureIds);
    expect(await send(app, "inspector", env)).toMatchObject({
      outcome: "CREATED",
      serverVersion: 1,
      missingPhotos: [],
      error: null,
    });
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "ALREADY_APPLIED", serverVersion: 1 });
    const edit = { ...env, revision: 2, baseVersion: 1, findings: "复查：公示栏内容完整。" };
    expect(await send(app, "inspector", edit)).toMatchObject({ outcome: "UPDATED", serverVersion: 2 });
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "ALREADY_APPLIED", serverVersion: 2 });
    const rows = await app.db.prisma.inspectionRecord.findMany({
      where: { id: env.recordId },
      include: { measures: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ findings: "复查：公示栏内容完整。", version: 2, syncState: "COMPLETE" });
    expect(rows[0]!.measures).toHaveLength(2);
    expect(rows[0]!.receivedAt.getTime()).toBeGreaterThan(rows[0]!.deviceTime.getTime());
  });

  it("keeps both copies when the server copy moved on (a supervisor's correction) and lets a supervisor resolve", async () => {
    const env = siteVisit(problemId, [], { rating: "LAGGING" });
    await send(app, "inspector", env);
    const gid = Buffer.from(`InspectionRecord:${env.recordId}`).toString("base64");
    const revise: any = await app.as("supervisor")(
      `mutation($id:ID!){ reviseRecord(id:$id, rating: PROBLEM_FOUND, findings: "督查组复核：问题仍存在") { ... on InspectionRecord { version rating } } }`,
      { id: gid },
    );
    expect(revise.data.reviseRecord).toEqual({ version: 2, rating: "PROBLEM_FOUND" });
    const stale = { ...env, revision: 2, baseVersion: 1, findings: "设备上的修改" };
    const answer = await send(app, "inspector", stale);
    expect(answer).toMatchObject({ outcome: "CONFLICT", error: { code: "SYNC_CONFLICT" } });
    expect(await send(app, "inspector", stale)).toMatchObject({ outcome: "CONFLICT" });
    const row = await app.db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } });
    expect(row).toMatchObject({ findings: "督查组复核：问题仍存在", syncState: "CONFLICT" });
    expect((row.conflict as any).content.findings).toBe("设备上的修改");
    const resolved: any = await app.as("supervisor")(
      `mutation($id:ID!){ resolveRecordConflict(id:$id, keep: DEVICE) { ... on InspectionRecord { findings syncState conflict } } }`,
      { id: gid },
    );
    expect(resolved.data.resolveRecordConflict).toEqual({
      findings: "设备上的修改",
      syncState: "COMPLETE",
      conflict: null,
    });
  });

  it("holds a resend of the same revision with different content as a conflict for review, never a duplicate", async () => {
    const env = siteVisit(problemId, []);
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "CREATED", serverVersion: 1 });
    const other = { ...env, findings: "同一修订号，内容不同" };
    const answer = await send(app, "inspector", other);
    expect(answer).toMatchObject({ outcome: "CONFLICT", serverVersion: 1, error: { code: "SYNC_CONFLICT" } });
    const row = await app.db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } });
    expect(row).toMatchObject({ findings: env.findings, syncState: "CONFLICT", version: 1 });
    expect((row.conflict as any).content.findings).toBe("同一修订号，内容不同");
    // The first content sent again displaces the held copy, which the audit trail keeps.
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "CONFLICT" });
    const trail = await app.db.prisma.auditEvent.findMany({
      where: { entityId: env.recordId, action: "syncRecord" },
      orderBy: { at: "asc" },
    });
    expect((trail.at(-1)!.details as any).displacedHeldCopy.content.findings).toBe("同一修订号，内容不同");
  });

  it("answers malformed or foreign records with a typed rejection and stores nothing", async () => {
    const before = await app.db.prisma.inspectionRecord.count();
    const bad = siteVisit(problemId, [], { details: { place: " ", peopleMet: "", observations: "" } } as any);
    const r = await send(app, "inspector", bad);
    expect(r).toMatchObject({ outcome: "REJECTED", serverVersion: null, error: { code: "SYNC_INVALID_RECORD" } });
    expect(r.error!.message).toContain("details.place");
    const future = siteVisit(problemId, [], { deviceTime: new Date(Date.now() + 3600_000).toISOString() });
    expect((await send(app, "inspector", future)).error?.code).toBe("SYNC_INVALID_RECORD");
    const unknown = siteVisit(randomUUID(), []);
    expect((await send(app, "inspector", unknown)).error?.code).toBe("SYNC_UNKNOWN_REFERENCE");
    const notGarbage = await send(app, "inspector", "not a record");
    expect(notGarbage.outcome).toBe("REJECTED");
    const mine = siteVisit(problemId, []);
    await send(app, "inspector", mine);
    const theirs = await send(app, "supervisor", { ...mine, revision: 2, baseVersion: 1 });
    expect(theirs.error?.code).toBe("SYNC_FORBIDDEN");
    expect(await app.db.prisma.inspectionRecord.count()).toBe(before + 1);
  });

  it("is refused to liaisons and the public", async () => {
    const env = siteVisit(problemId, []);
    const r: any = await app.as("liaisonA")(`mutation($e: JSON!) { syncRecord(envelope: $e) { outcome } }`, { e: env });
    expect(r.errors[0].extensions.code).toBe("FORBIDDEN");
    const p: any = await app.as("public")(`mutation($e: JSON!) { syncRecord(envelope: $e) { outcome } }`, { e: env });
    expect(p.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("photo uploads", () => {
  it("resume from the server's offset, verify the hash, and complete the record", async () => {
    const bytes = randomBytes(300_000);
    const photo = photoOf(bytes);
    const env = siteVisit(problemId, [], { photos: [photo] });
    const token = app.tokenOf("inspector");
    expect((await upload(app, token, photo.id, "HEAD")).status).toBe(404);
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "CREATED", missingPhotos: [photo.id] });
    expect((await app.db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } })).syncState).toBe(
      "AWAITING_PHOTOS",
    );
    const head = await upload(app, token, photo.id, "HEAD");
    expect(head.headers.get("upload-offset")).toBe("0");
    expect(head.headers.get("upload-length")).toBe(String(bytes.length));
    const first = await upload(app, token, photo.id, "PATCH", 0, bytes.subarray(0, 100_000));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("100000");
    const replayed = await upload(app, token, photo.id, "PATCH", 0, bytes.subarray(0, 100_000));
    expect(replayed.status).toBe(409);
    expect(replayed.headers.get("upload-offset")).toBe("100000");
    expect((await upload(app, app.tokenOf("liaisonA"), photo.id, "HEAD")).status).toBe(403);
    expect((await upload(app, null, photo.id, "HEAD")).status).toBe(401);
    const rest = await upload(app, token, photo.id, "PATCH", 100_000, bytes.subarray(100_000));
    expect(rest.status).toBe(204);
    expect(rest.headers.get("upload-complete")).toBe("1");
    expect(await send(app, "inspector", env)).toMatchObject({ outcome: "ALREADY_APPLIED", missingPhotos: [] });
    expect((await app.db.prisma.inspectionRecord.findUniqueOrThrow({ where: { id: env.recordId } })).syncState).toBe(
      "COMPLETE",
    );
    const file = await fetch(`${app.url}/files/${photo.id}`, {
      headers: { Authorization: `Bearer ${app.tokenOf("supervisor")}` },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(
      (await fetch(`${app.url}/files/${photo.id}`, { headers: { Authorization: `Bearer ${app.tokenOf("liaisonA")}` } }))
        .status,
    ).toBe(403);
  });

  it("deduplicates by content hash and rejects bytes that do not match", async () => {
    const bytes = randomBytes(5000);
    const a = photoOf(bytes);
    await send(app, "inspector", siteVisit(problemId, [], { photos: [a] }));
    await upload(app, app.tokenOf("inspector"), a.id, "PATCH", 0, bytes);
    const b = { ...photoOf(bytes), id: randomUUID() };
    expect(await send(app, "inspector", siteVisit(problemId, [], { photos: [b] }))).toMatchObject({
      outcome: "CREATED",
      missingPhotos: [],
    });
    const liar = photoOf(randomBytes(1000));
    const env = siteVisit(problemId, [], { photos: [liar] });
    await send(app, "inspector", env);
    const wrong = await upload(app, app.tokenOf("inspector"), liar.id, "PATCH", 0, randomBytes(1000));
    expect(wrong.status).toBe(422);
    expect((await upload(app, app.tokenOf("inspector"), liar.id, "HEAD")).headers.get("upload-offset")).toBe("0");
    expect((await send(app, "inspector", env)).missingPhotos).toEqual([liar.id]);
  });
});

describe("what supervisors see", () => {
  it("lists synced records by problem, measure, inspector, kind, date, rating and follow-up", async () => {
    const sup = app.as("supervisor");
    const pid = Buffer.from(`Problem:${problemId}`).toString("base64");
    const mid = Buffer.from(`Measure:${measureIds[0]}`).toString("base64");
    const q = `query($f: RecordFilter) { inspectionRecords(filter: $f) { totalCount edges { node { kind inspectorName photos { url complete } } } } }`;
    const total = async (f: object) => ((await sup(q, { f })) as any).data.inspectionRecords.totalCount as number;
    const all = await total({ problemId: pid });
    expect(all).toBeGreaterThanOrEqual(6);
    expect(await total({ measureId: mid })).toBe(1);
    expect(await total({ kind: "LEDGER_CHECK" })).toBe(0);
    expect(await total({ rating: "ON_TRACK" })).toBeGreaterThan(0);
    expect(await total({ followUpRequired: true })).toBe(0);
    expect(await total({ from: new Date(Date.now() + 3600_000).toISOString() })).toBe(0);
    const byProblem: any = await sup(
      `query($id:ID!){ node(id:$id) { ... on Problem { records { totalCount } measures(first:1) { edges { node { records { totalCount } } } } } } }`,
      { id: pid },
    );
    expect(byProblem.data.node.records.totalCount).toBe(all);
    expect(byProblem.data.node.measures.edges[0].node.records.totalCount).toBe(1);
    const who: any = await sup(
      `{ fieldStaff { id username } inspectionRecords(first: 1) { edges { node { inspector { id displayName } } } } }`,
    );
    expect(who.errors).toBeUndefined();
    const insp = who.data.fieldStaff.find((u: any) => u.username === "insp");
    expect(who.data.inspectionRecords.edges[0].node.inspector.id).toBe(insp.id);
    expect(await total({ inspectorId: insp.id })).toBeGreaterThan(0);
    expect((await app.as("liaisonA")(`{ fieldStaff { id } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const denied: any = await app.as("liaisonA")(q, {});
    expect(denied.errors[0].extensions.code).toBe("FORBIDDEN");
  });
  it("marks look-back records (回头看)", async () => {
    const env = siteVisit(problemId, [], { lookBack: true } as never);
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    const r: any = await app.as("supervisor")(
      `query($id:ID!){ node(id:$id) { ... on InspectionRecord { lookBack } } }`,
      {
        id: Buffer.from(`InspectionRecord:${env.recordId}`).toString("base64"),
      },
    );
    expect(r.data.node.lookBack).toBe(true);
  });
});
