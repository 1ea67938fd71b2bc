// The exported ledger re-imports to the same ledger: the sample with people, units, deadlines (长期坚持 among them)
// and statuses assigned, downloaded as .xlsx over real HTTP, imported into a fresh database gives the same problems
// and measures; imported back into its own inspection it changes nothing and duplicates nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLedger } from "@rectify/server/queries/import-ledger";
import type { PrismaClient } from "@rectify/server/db";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db.ts";

let app: TestApp;
let fresh: TestDatabase;
let xlsx: Buffer;

const DONE = new Set(["COMPLETED", "CLOSE_REQUESTED", "CLOSED"]);

/** Every measure as the ledger shows it, keyed by problem title and measure number. */
async function ledger(prisma: PrismaClient) {
  const measures = await prisma.measure.findMany({
    include: {
      problem: true,
      leadLeader: true,
      responsibleUnit: true,
      participants: { include: { unit: true } },
    },
  });
  return measures
    .map((m) => ({
      problem: m.problem.title,
      section: DONE.has(m.problem.status) ? "COMPLETED" : "CONTINUING",
      number: m.number,
      numbered: m.numbered,
      text: m.text,
      subPoints: m.subPoints,
      leader: m.leadLeader ? `${m.leadLeader.name}/${m.leadLeader.post ?? ""}` : null,
      unit: m.responsibleUnit?.name ?? null,
      participants: m.participants.map((p) => p.unit.name).sort(),
      deadline: m.deadline?.toISOString().slice(0, 10) ?? null,
      longTerm: m.longTerm,
      status: m.status,
    }))
    .sort((a, b) => a.problem.localeCompare(b.problem) || a.number - b.number);
}

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.prisma;
  const zhang = await p.person.create({ data: { name: "张三", post: "副市长" } });
  const li = await p.person.create({ data: { name: "李四" } });
  const audit = await p.unit.create({ data: { name: "市审计局" } });
  const measures = await p.measure.findMany({ orderBy: [{ problemId: "asc" }, { number: "asc" }] });
  const statuses = ["IN_PROGRESS", "COMPLETED", "NOT_STARTED", "IN_PROGRESS", "CLOSED"] as const;
  for (const [i, m] of measures.entries()) {
    const responsible = i % 3 ? app.units.a : app.units.b;
    const other = i % 3 ? app.units.b : app.units.a;
    await p.measure.update({
      where: { id: m.id },
      data: {
        leadLeaderId: i % 2 ? zhang.id : li.id,
        responsibleUnitId: responsible,
        deadline: i % 4 === 3 ? null : new Date(Date.UTC(2024, i % 12, 28)),
        longTerm: i % 4 === 3,
        status: statuses[i % statuses.length],
        participants: { create: i % 2 ? [{ unitId: audit.id }, { unitId: other }] : [] },
      },
    });
  }
  const res = await fetch(`${app.url}/exports/ledger.xlsx`, {
    headers: { Authorization: `Bearer ${app.tokenOf("supervisor")}` },
  });
  expect(res.status).toBe(200);
  xlsx = Buffer.from(await res.arrayBuffer());
  fresh = await createTestDatabase();
}, 300_000);
afterAll(async () => {
  await fresh?.close();
  await app?.close();
});

describe("export-ledger → import-ledger", () => {
  it("re-imports into a fresh database as the same ledger", async () => {
    const r = await importLedger(fresh.prisma, xlsx, { fileName: "ledger.xlsx" });
    expect(r.warnings).toEqual([]);
    expect(r).toMatchObject({
      written: true,
      problems: 36,
      measures: 120,
      inspection: { team: "省委第二巡視組", inspectedBody: "常熟市", created: true },
      rows: { total: 120, measure: 120, skipped: 0 },
    });
    const original = await ledger(app.db.prisma);
    expect(original.filter((m) => m.longTerm)).toHaveLength(30);
    // Problem sections follow statuses in the export (as in the report); the imported problem status follows its measures.
    const strip = (rows: Awaited<ReturnType<typeof ledger>>) => rows.map(({ section: _s, ...rest }) => rest);
    expect(strip(await ledger(fresh.prisma))).toEqual(strip(original));
  });

  it("imported back into its own inspection, changes nothing and duplicates nothing", async () => {
    const inspection = await app.db.prisma.inspection.findFirstOrThrow();
    const before = { problems: await app.db.prisma.problem.count(), measures: await app.db.prisma.measure.count() };
    const r = await importLedger(app.db.prisma, xlsx, { fileName: "ledger.xlsx", inspectionId: inspection.id });
    expect(r).toMatchObject({
      created: { problems: 0, measures: 0, people: 0, units: 0 },
      updated: { measures: 0 },
      unchanged: { measures: 120 },
      statusChanges: 0,
    });
    expect({ problems: await app.db.prisma.problem.count(), measures: await app.db.prisma.measure.count() }).toEqual(
      before,
    );
  });
});
