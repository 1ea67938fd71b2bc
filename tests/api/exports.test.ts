// Downloads over real HTTP: who may fetch the ledger, the public report page, the txt export's round trip through the parser and a fresh import, and exports that follow status changes.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "@rectify/server/importer/parse-report";
import { importReport } from "@rectify/server/queries/import-report";
import { startTestApp, type RoleName, type TestApp } from "../helpers/test-app.ts";
import { createTestDatabase } from "../helpers/test-db.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const DONE = new Set(["COMPLETED", "CLOSE_REQUESTED", "CLOSED"]);
const STATUS = `mutation($id: ID!, $s: RectStatus!) { changeStatus(id: $id, status: $s, reason: "核查后调整") {
  __typename ... on Error { code message } } }`;

async function get(path: string, role: RoleName = "public", init: RequestInit = {}) {
  const token = app.tokenOf(role);
  return fetch(`${app.url}${path}`, { ...init, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function readLedger(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A parsed report in the shape the round trip compares. */
function shape(text: string) {
  return parseReport(text)
    .problems.map((p) => ({
      title: p.title,
      section: p.section,
      measures: p.measures.map((m) => ({ number: m.number, text: m.text, subPoints: m.subPoints })),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** What the database holds, in the shape the round trip compares: section by CURRENT status. */
async function dbProblems() {
  const rows = await app.db.prisma.problem.findMany({
    where: { parentId: null },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  return rows
    .map((p) => ({
      title: p.title,
      section: DONE.has(p.status) ? "COMPLETED" : "CONTINUING",
      measures: p.measures.map((m) => ({ number: m.number, text: m.text, subPoints: m.subPoints })),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

describe("GET /exports/ledger.xlsx", () => {
  it("is for supervisors and admins only: 401 without login, 403 for other roles", async () => {
    expect((await get("/exports/ledger.xlsx")).status).toBe(401);
    for (const role of ["liaisonA", "inspector"] as const) {
      expect((await get("/exports/ledger.xlsx", role)).status).toBe(403);
    }
    expect((await get("/exports/ledger.xlsx", "admin")).status).toBe(200);
    const res = await get("/exports/ledger.xlsx", "supervisor");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="rectify-ledger-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toMatch(/^整改台账-常熟市-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await readLedger(res);
    expect(wb.worksheets.map((w) => w.rowCount - 1)).toEqual([11, 109]);
  });
});

describe("the report downloads and the public page", () => {
  it("serves the public page without login, with every problem", async () => {
    const res = await get("/public/report");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-TW">');
    for (const p of await dbProblems()) expect(html).toContain(p.title);
    expect(html.slice(html.indexOf("<footer"))).toContain("0512-52028050");
  });

  it("serves the .docx with its type and a UTF-8 file name", async () => {
    const res = await get("/exports/report.docx?date=2024-03-15");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("''")[1]!)).toBe(
      "整改进展情况-常熟市-2024-03-15.docx",
    );
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("answers a bad date with 400, other methods with 405, HEAD without a body", async () => {
    expect((await get("/exports/report.txt?date=2024-02-30")).status).toBe(400);
    expect((await get("/exports/report.txt", "public", { method: "POST" })).status).toBe(405);
    const head = await get("/exports/report.txt", "public", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("shows nothing of an unpublished inspection", async () => {
    await app.db.prisma.report.updateMany({ data: { published: false } });
    try {
      const page = await get("/public/report");
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("暂无公开的整改进展情况");
      expect((await get("/exports/report.txt")).status).toBe(404);
    } finally {
      await app.db.prisma.report.updateMany({ data: { published: true } });
    }
  });
});

describe("the txt export round trip", () => {
  it("parses back to the problems and measures the database holds, and imports into a fresh database alike", async () => {
    const res = await get("/exports/report.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(shape(text)).toEqual(await dbProblems());

    const fresh = await createTestDatabase();
    try {
      const summary = await importReport(fresh.prisma, text);
      expect(summary).toMatchObject({ problems: 36, measures: 120, created: { problems: 36, measures: 120 } });
      const titles = async (db: typeof fresh.prisma) => (await db.problem.findMany()).map((p) => p.title).sort();
      const texts = async (db: typeof fresh.prisma) => (await db.measure.findMany()).map((m) => m.text).sort();
      expect(await titles(fresh.prisma)).toEqual(await titles(app.db.prisma));
      expect(await texts(fresh.prisma)).toEqual(await texts(app.db.prisma));
    } finally {
      await fresh.close();
    }
  });
});

describe("exports follow the ledger", () => {
  it("moves a problem whose measures are all completed to the completed section, and shows close-out", async () => {
    const problem = await app.db.prisma.problem.findFirstOrThrow({
      where: { section: "CONTINUING", parentId: null },
      include: { measures: { orderBy: { number: "asc" } } },
      orderBy: { number: "asc" },
    });
    const sup = app.as("supervisor");
    for (const m of problem.measures) {
      expect((await sup(STATUS, { id: gid("Measure", m.id), s: "COMPLETED" })).data).toEqual({
        changeStatus: { __typename: "Problem" },
      });
    }
    // Close-out has its own evidence workflow (tested elsewhere); here only its outcome matters, so it is written
    // directly: the measure closed, with the history row the ledger reads the close-out day from.
    const measureId = problem.measures[0]!.id;
    await app.db.prisma.measure.update({ where: { id: measureId }, data: { status: "CLOSED" } });
    await app.db.prisma.statusChange.create({
      data: { measureId, fromStatus: "CLOSE_REQUESTED", toStatus: "CLOSED", reason: "核查通过" },
    });
    const first = gid("Measure", measureId);
    const progress = `mutation($id: String!, $m: ID!) { addProgressUpdate(id: $id, measureId: $m, text: "台账已归档") { __typename } }`;
    await sup(progress, { id: crypto.randomUUID(), m: first });
    const visit = siteVisit(problem.id, [measureId], { rating: "LAGGING" });
    expect(await send(app, "inspector", visit)).toMatchObject({ outcome: "CREATED" });

    const text = await (await get("/exports/report.txt")).text();
    expect(shape(text)).toEqual(await dbProblems());
    const report = parseReport(text);
    const moved = report.problems.find((p) => p.title === problem.title)!;
    expect(moved.section).toBe("COMPLETED");
    expect(report.problems.filter((p) => p.section === "COMPLETED")).toHaveLength(5);
    // Numbering restarts in each section: 1..5 and 1..31.
    expect(report.problems.map((p) => p.number)).toEqual([
      ...Array.from({ length: 5 }, (_, i) => i + 1),
      ...Array.from({ length: 31 }, (_, i) => i + 1),
    ]);

    const wb = await readLedger(await get("/exports/ledger.xlsx", "supervisor"));
    const done = wb.getWorksheet("集中整改期内已完成")!;
    const rows = (done.getSheetValues() as unknown[][]).filter((r) => Array.isArray(r) && r[2] === problem.title);
    expect(rows).toHaveLength(problem.measures.length);
    const [firstRow, ...rest] = rows;
    expect(firstRow![10]).toBe("已销号");
    expect(firstRow![13]).toMatch(/^已销号（\d{4}-\d{2}-\d{2}）$/);
    expect(firstRow![11]).toMatch(/^\d{4}-\d{2}-\d{2} 台账已归档$/);
    expect(firstRow![12]).toMatch(/^\d{4}-\d{2}-\d{2} 实地走访 · 进度滞后$/);
    for (const r of rest) expect([r[10], r[13]]).toEqual(["已完成", "未销号"]);
    expect(wb.getWorksheet("按计划持续推进")!.rowCount - 1).toBe(120 - done.rowCount + 1);
  });
});
