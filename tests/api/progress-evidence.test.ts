// Progress with evidence end to end over real HTTP on a real database (TEST_DB=pglite|postgres): reports on
// several measures through syncProgressReport, resumable uploads of real files (PDF, .docx, a large PNG) with
// sniffed types, the scope matrix (other units' files are 403 at every route, node() included), 补充材料,
// the timeline, close-out with picked evidence, monthly figures and what the public may see.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { upload } from "../helpers/records.ts";
import { fileRef, makeDocx, makePdf, makePng, makeXlsx, MIME } from "../helpers/evidence-files.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
let problemId: string;
let mA: [string, string, string];
let mB: string;
let pdf: Buffer, docx: Buffer, png: Buffer, xlsx: Buffer;

const SYNC = `mutation($e: JSON!) { syncProgressReport(envelope: $e) { recordId outcome serverVersion missingPhotos error { code message } } }`;

function report(measureIds: string[], files: ReturnType<typeof fileRef>[] = [], over: Record<string, unknown> = {}) {
  return {
    entryKind: "progress",
    recordId: randomUUID(),
    revision: 1,
    baseVersion: 0,
    measureIds,
    text: "已印发《整改长效机制》，召开专题会议。",
    percentComplete: 60,
    answersRequestId: null,
    deviceTime: new Date(Date.now() - 60_000).toISOString(),
    photos: files,
    ...over,
  };
}

async function sync(role: Parameters<TestApp["as"]>[0], env: unknown) {
  const r: any = await app.as(role)(SYNC, { e: env });
  if (r.errors) return { errors: r.errors };
  return r.data.syncProgressReport as { outcome: string; missingPhotos: string[]; error: { code: string } | null };
}

/** Uploads in chunks, resuming from the server's offset after each one (as a phone on a poor line does). */
async function uploadAll(role: Parameters<TestApp["tokenOf"]>[0], id: string, bytes: Buffer, chunk = 1024 * 1024) {
  const token = app.tokenOf(role);
  let status = 0;
  for (;;) {
    const head = await upload(app, token, id, "HEAD");
    if (head.status !== 200) return head.status;
    const offset = Number(head.headers.get("Upload-Offset"));
    if (head.headers.get("Upload-Complete") === "1") return 204;
    const res = await upload(app, token, id, "PATCH", offset, bytes.subarray(offset, offset + chunk));
    status = res.status;
    if (status !== 204) return status;
    if (res.headers.get("Upload-Complete") === "1") return status;
  }
}

const count = () =>
  Promise.all([
    app.db.prisma.progressUpdate.count(),
    app.db.prisma.attachment.count({ where: { progressUpdateId: { not: null } } }),
  ]);

beforeAll(async () => {
  app = await startTestApp();
  const p = await app.db.prisma.problem.findFirstOrThrow({
    where: { section: "CONTINUING", measures: { some: { number: 3 } } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  problemId = p.id;
  mA = [p.measures[0]!.id, p.measures[1]!.id, p.measures[2]!.id];
  await app.db.prisma.measure.updateMany({ where: { id: { in: mA } }, data: { responsibleUnitId: app.units.a } });
  const other = await app.db.prisma.measure.findFirstOrThrow({ where: { problemId: { not: p.id } } });
  mB = other.id;
  await app.db.prisma.measure.update({ where: { id: mB }, data: { responsibleUnitId: app.units.b } });
  [pdf, docx, xlsx] = [makePdf("Rules issued"), await makeDocx(), await makeXlsx()];
  png = makePng(1400, 1400);
}, 180_000);
afterAll(async () => app?.close());

let first: ReturnType<typeof report>;
const files: Record<"pdf" | "docx" | "png", ReturnType<typeof fileRef>> = {} as never;

describe("reporting progress with evidence", () => {
  it("refuses a report that is malformed, too large or on another unit's measure, storing nothing", async () => {
    const before = await count();
    const big = { ...fileRef(randomUUID(), pdf, MIME.pdf, "big.pdf"), size: 26 * 1024 * 1024 };
    const tooLarge = await sync("liaisonA", report([mA[0]], [big]));
    expect(tooLarge).toMatchObject({ outcome: "REJECTED", error: { code: "SYNC_INVALID_RECORD" } });
    expect((tooLarge as any).error.message).toContain("25 MiB");
    const exe = { ...fileRef(randomUUID(), pdf, MIME.pdf, "x.exe"), mimeType: "application/x-msdownload" };
    expect(await sync("liaisonA", report([mA[0]], [exe]))).toMatchObject({ outcome: "REJECTED" });
    expect(await sync("liaisonA", report([mA[0]], [], { text: "  " }))).toMatchObject({ outcome: "REJECTED" });
    const foreign = await sync("liaisonA", report([mA[0], mB]));
    expect(foreign).toMatchObject({ outcome: "REJECTED", error: { code: "SYNC_FORBIDDEN" } });
    const inspector: any = await sync("inspector", report([mA[0]]));
    expect(inspector.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await count()).toEqual(before);
  });

  it("stores one update per measure, asks for the files, and a resend changes nothing", async () => {
    files.pdf = fileRef(randomUUID(), pdf, MIME.pdf, "整改制度.pdf");
    files.docx = fileRef(randomUUID(), docx, MIME.docx, "会议纪要.docx");
    files.png = fileRef(randomUUID(), png, MIME.png, "现场照片.png");
    first = report([mA[0], mA[1]], [files.pdf, files.docx, files.png]);
    const a = await sync("liaisonA", first);
    expect(a).toMatchObject({ outcome: "CREATED", error: null });
    expect((a as any).missingPhotos.sort()).toEqual([files.pdf.id, files.docx.id, files.png.id].sort());
    const b = await sync("liaisonA", first);
    expect(b).toMatchObject({ outcome: "ALREADY_APPLIED" });
    expect((b as any).missingPhotos).toHaveLength(3);
    const rows = await app.db.prisma.progressUpdate.findMany({
      where: { reportId: first.recordId },
      include: { attachments: true },
    });
    expect(rows.map((r) => r.measureId).sort()).toEqual([mA[0], mA[1]].sort());
    expect(rows.every((r) => r.attachments.length === 3 && r.percentComplete === 60)).toBe(true);
    // The same id with other content is refused, not merged.
    expect(await sync("liaisonA", { ...first, text: "另一段文字" })).toMatchObject({ outcome: "REJECTED" });
  });

  it("uploads real files resumably; each is verified and stored under its sniffed type, once", async () => {
    expect(png.length).toBeGreaterThan(5_000_000);
    expect(await uploadAll("liaisonA", files.pdf.id, pdf)).toBe(204);
    expect(await uploadAll("liaisonA", files.docx.id, docx, 4096)).toBe(204);
    // The large photo: the first chunk, then a retried chunk at a stale offset (409), then the rest.
    const token = app.tokenOf("liaisonA");
    const chunk = 2 * 1024 * 1024;
    expect((await upload(app, token, files.png.id, "PATCH", 0, png.subarray(0, chunk))).status).toBe(204);
    const stale = await upload(app, token, files.png.id, "PATCH", 0, png.subarray(0, chunk));
    expect(stale.status).toBe(409);
    expect(stale.headers.get("Upload-Offset")).toBe(String(chunk));
    expect(await uploadAll("liaisonA", files.png.id, png, chunk)).toBe(204);
    const again = await sync("liaisonA", first);
    expect(again).toMatchObject({ outcome: "ALREADY_APPLIED", missingPhotos: [] });
    const atts = await app.db.prisma.attachment.findMany({ where: { progressUpdate: { reportId: first.recordId } } });
    expect(atts).toHaveLength(6);
    expect(atts.every((x) => x.completedAt !== null)).toBe(true);
    expect(new Set(atts.map((x) => x.mimeType))).toEqual(new Set([MIME.pdf, MIME.docx, MIME.png]));
    const res = await fetch(`${app.url}/files/${files.png.id}`, {
      headers: { Authorization: `Bearer ${app.tokenOf("liaisonA")}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it("trusts the bytes, not the declared type: a lie is refused (415), a mislabelled PDF is stored as PDF", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const fake = fileRef(randomUUID(), html, MIME.pdf, "制度.pdf");
    const labelled = fileRef(randomUUID(), makePdf("really a pdf"), MIME.docx, "纪要.docx");
    const env = report([mA[2]], [fake, labelled]);
    expect(await sync("liaisonA", env)).toMatchObject({ outcome: "CREATED" });
    expect(await uploadAll("liaisonA", fake.id, html)).toBe(415);
    expect(await app.db.prisma.attachment.findUniqueOrThrow({ where: { id: fake.id } })).toMatchObject({
      completedAt: null,
    });
    expect(await uploadAll("liaisonA", labelled.id, makePdf("really a pdf"))).toBe(204);
    expect((await app.db.prisma.attachment.findUniqueOrThrow({ where: { id: labelled.id } })).mimeType).toBe(MIME.pdf);
    // A spreadsheet is accepted too.
    const sheet = fileRef(randomUUID(), xlsx, MIME.xlsx, "台账.xlsx");
    expect(await sync("liaisonA", report([mA[2]], [sheet]))).toMatchObject({ outcome: "CREATED" });
    expect(await uploadAll("liaisonA", sheet.id, xlsx)).toBe(204);
  });
});

describe("scopes: a liaison sees and reports only its unit's measures", () => {
  const get = (role: Parameters<TestApp["tokenOf"]>[0], path: string) => {
    const token = app.tokenOf(role);
    return fetch(`${app.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };

  it("serves files to their unit and staff, previews images and PDFs, downloads the rest", async () => {
    const pdfRes = await get("liaisonA", `/files/${files.pdf.id}`);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get("Content-Type")).toBe(MIME.pdf);
    expect(pdfRes.headers.get("Content-Disposition")).toMatch(/^inline;.*filename\*=UTF-8''/);
    const docRes = await get("supervisor", `/files/${files.docx.id}`);
    expect(docRes.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect((await get("inspector", `/files/${files.pdf.id}?download=1`)).headers.get("Content-Disposition")).toMatch(
      /^attachment;/,
    );
  });

  it("answers 403 to another unit at every file route, 401 to the public", async () => {
    for (const id of [files.pdf.id, files.docx.id, files.png.id]) {
      expect((await get("liaisonB", `/files/${id}`)).status).toBe(403);
      expect((await get("liaisonB", `/files/${id}?download=1`)).status).toBe(403);
      expect((await upload(app, app.tokenOf("liaisonB"), id, "HEAD")).status).toBe(403);
      expect((await upload(app, app.tokenOf("liaisonB"), id, "PATCH", 0, Buffer.from("x"))).status).toBe(403);
      expect((await get("public", `/files/${id}`)).status).toBe(401);
    }
  });

  it("hides other units' updates, requests and measures in GraphQL, node() included", async () => {
    const updateGid = gid("ProgressUpdate", first.recordId);
    const NODE = `query($id:ID!){ node(id:$id) { id ... on ProgressUpdate { text attachments { url } } } }`;
    const own: any = await app.as("liaisonA")(NODE, { id: updateGid });
    expect(own.data.node.attachments).toHaveLength(3);
    const other: any = await app.as("liaisonB")(NODE, { id: updateGid });
    expect(other.data?.node ?? null).toBeNull();
    expect(other.errors[0].extensions.code).toBe("FORBIDDEN");
    const mine: any = await app.as("liaisonB")(`{ myMeasures { id } }`);
    expect(mine.data.myMeasures.map((m: any) => m.id)).toEqual([gid("Measure", mB)]);
    const sneaky: any = await app.as("liaisonB")(`query($u:ID){ myMeasures(unitId:$u) { id } }`, {
      u: gid("Unit", app.units.a),
    });
    expect(sneaky.errors[0].extensions.code).toBe("FORBIDDEN");
    const timeline: any = await app.as("liaisonB")(
      `query($id:ID!){ node(id:$id) { ... on Measure { timeline { kind } } } }`,
      { id: gid("Measure", mA[0]) },
    );
    expect(timeline.data?.node ?? null).toBeNull();
  });
});

describe("我的整改事项, 补充材料 and the timeline", () => {
  let requestId: string;
  const MY = `{ myMeasures { id reportedThisMonth lastProgress { text percentComplete } openSupplementRequests { id reason } } }`;

  it("lists the unit's measures with what this month still lacks", async () => {
    const r: any = await app.as("liaisonA")(MY);
    const items = r.data.myMeasures;
    expect(items).toHaveLength(3);
    expect(items.every((m: any) => m.reportedThisMonth)).toBe(true);
    expect(items[0].lastProgress.percentComplete).not.toBeUndefined();
    const dash: any = await app.as("liaisonA")(`{ dashboard { reporting { open reported notReported updates } } }`);
    // Two updates from the report on two measures, two more on the third measure.
    expect(dash.data.dashboard.reporting).toMatchObject({ open: 3, reported: 3, notReported: 0, updates: 4 });
    const all: any = await app.as("supervisor")(`{ dashboard { reporting { open reported updates } } }`);
    expect(all.data.dashboard.reporting).toMatchObject({ reported: 3, updates: 4 });
    expect(all.data.dashboard.reporting.open).toBeGreaterThan(100);
  });

  it("a supervisor asks for more with a reason; the unit sees it first and answers; the answer closes it", async () => {
    const ASK = `mutation($u:ID!,$r:String!){ requestSupplement(progressUpdateId:$u, reason:$r) { __typename
      ... on SupplementRequest { id open reason requestedByName } ... on Error { code message } } }`;
    const bad: any = await app.as("supervisor")(ASK, { u: gid("ProgressUpdate", first.recordId), r: "" });
    expect(bad.data.requestSupplement.code).toBe("VALIDATION_FAILED");
    const denied: any = await app.as("liaisonA")(ASK, { u: gid("ProgressUpdate", first.recordId), r: "补充" });
    expect(denied.errors[0].extensions.code).toBe("FORBIDDEN");
    const r: any = await app.as("supervisor")(ASK, { u: gid("ProgressUpdate", first.recordId), r: "请补充会议签到表" });
    expect(r.data.requestSupplement).toMatchObject({ open: true, reason: "请补充会议签到表", requestedByName: "sup" });
    requestId = r.data.requestSupplement.id;
    const mine: any = await app.as("liaisonA")(MY);
    expect(mine.data.myMeasures[0]).toMatchObject({
      id: gid("Measure", mA[0]),
      openSupplementRequests: [{ id: requestId }],
    });
    const theirs: any = await app.as("liaisonB")(`{ supplementRequests(open: true) { id } }`);
    expect(theirs.data.supplementRequests).toEqual([]);
    const rawId = Buffer.from(requestId, "base64").toString().split(":")[1]!;
    const answer = report([mA[0]], [], { text: "已补充会议签到表。", answersRequestId: rawId });
    expect(await sync("liaisonA", answer)).toMatchObject({ outcome: "CREATED" });
    const after: any = await app.as("liaisonA")(`{ supplementRequests { id open answer { text } } }`);
    expect(after.data.supplementRequests).toEqual([
      { id: requestId, open: false, answer: { text: "已补充会议签到表。" } },
    ]);
    const audit = await app.db.prisma.auditEvent.findMany({
      where: { action: { in: ["reportProgress", "requestSupplement", "answerSupplement"] } },
      select: { action: true },
    });
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["reportProgress", "requestSupplement", "answerSupplement"]),
    );
  });

  it("close-out picks evidence from the measure's files; the timeline shows it all in order", async () => {
    const REQ = `mutation($m:ID!,$e:String!,$f:[String!]){ requestCloseout(measureId:$m, evidenceId:$e, evidence:"制度已印发执行", reason:"措施已落实", evidenceFileIds:$f) {
      __typename ... on Measure { status } ... on Error { code message } } }`;
    const foreignPick: any = await app.as("liaisonA")(REQ, {
      m: gid("Measure", mA[2]),
      e: randomUUID(),
      f: [files.pdf.id],
    });
    expect(foreignPick.data.requestCloseout.code).toBe("VALIDATION_FAILED");
    const evidenceId = randomUUID();
    const r: any = await app.as("liaisonA")(REQ, { m: gid("Measure", mA[0]), e: evidenceId, f: [files.pdf.id] });
    expect(r.data.requestCloseout).toMatchObject({ status: "CLOSE_REQUESTED" });
    const TL = `query($id:ID!){ node(id:$id) { ... on Measure { timeline { kind at
      progressUpdate { text attachments { fileName mimeType complete previewable } }
      statusChange { toStatus evidence { attachments { fileName complete } } }
      supplementRequest { reason open } } } } }`;
    const tl: any = await app.as("supervisor")(TL, { id: gid("Measure", mA[0]) });
    const entries = tl.data.node.timeline;
    const kinds = entries.map((e: any) => e.kind);
    // The import's initial status first, then the unit's work in the order it happened.
    expect(kinds.slice(-5)).toEqual(["PROGRESS", "SUPPLEMENT_REQUEST", "PROGRESS", "PROGRESS", "STATUS"]);
    const ats = entries.map((e: any) => Date.parse(e.at));
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    const [firstUpdate, , , , request] = entries.slice(-5);
    expect(firstUpdate.progressUpdate.attachments.find((a: any) => a.mimeType === MIME.pdf)).toMatchObject({
      previewable: true,
      complete: true,
    });
    expect(request.statusChange).toMatchObject({
      toStatus: "CLOSE_REQUESTED",
      evidence: { attachments: [{ fileName: "整改制度.pdf", complete: true }] },
    });
    const V = `mutation($m:ID!){ verifyCloseout(measureId:$m, approve:true, reason:"材料齐全，核查属实") { __typename ... on Measure { status } } }`;
    expect(((await app.as("supervisor")(V, { m: gid("Measure", mA[0]) })) as any).data.verifyCloseout.status).toBe(
      "CLOSED",
    );
  });
});

describe("the public sees only what a supervisor published", () => {
  it("shows a public update and only its published files", async () => {
    const page = () => fetch(`${app.url}/public/problems/${problemId}`).then((r) => r.text());
    expect(await page()).not.toContain("整改长效机制");
    const PUB = `mutation($u:ID!,$f:[String!]){ setProgressPublic(progressUpdateId:$u, public:true, fileIds:$f) { __typename ... on ProgressUpdate { public } ... on Error { code } } }`;
    const denied: any = await app.as("liaisonA")(PUB, { u: gid("ProgressUpdate", first.recordId), f: [] });
    expect(denied.errors[0].extensions.code).toBe("FORBIDDEN");
    const wrongFile: any = await app.as("supervisor")(PUB, {
      u: gid("ProgressUpdate", first.recordId),
      f: [randomUUID()],
    });
    expect(wrongFile.data.setProgressPublic.code).toBe("VALIDATION_FAILED");
    const ok: any = await app.as("supervisor")(PUB, { u: gid("ProgressUpdate", first.recordId), f: [files.pdf.id] });
    expect(ok.data.setProgressPublic).toMatchObject({ public: true });
    const html = await page();
    expect(html).toContain("整改长效机制");
    expect(html).toContain(`/files/${files.pdf.id}`);
    expect(html).not.toContain(files.docx.id);
    expect((await fetch(`${app.url}/files/${files.pdf.id}`)).status).toBe(200);
    expect((await fetch(`${app.url}/files/${files.docx.id}`)).status).toBe(401);
  });
});
