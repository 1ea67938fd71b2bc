// Importing a ledger spreadsheet through GraphQL: a preview that writes nothing, the import with people and units
// found or created, 长期坚持, re-import and an updated spreadsheet updating instead of duplicating, warnings that
// must be accepted, unreadable files refused with nothing written, and only supervisors and admins allowed.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { ledgerBase64, ledgerFixture } from "../helpers/ledger-fixtures.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ sample: false });
});
afterAll(async () => app?.close());

const IMPORT = `mutation($file: String!, $fileName: String!, $dryRun: Boolean, $accept: Boolean, $inspectionId: ID,
  $inspection: LedgerInspectionInput, $mapping: [LedgerColumnMappingInput!]) {
  importLedger(file: $file, fileName: $fileName, dryRun: $dryRun, acceptWarnings: $accept, inspectionId: $inspectionId,
    inspection: $inspection, mapping: $mapping) {
    __typename
    ... on LedgerImportSummary { dryRun written format encoding title inspectionId team inspectedBody inspectionCreated
      sheets { name headerRow columns { index header field detected imported } }
      rows { total measure blank header category skipped } problemCount measureCount
      problems { number title category section measures { row number text leadLeader responsibleUnit participants deadline longTerm deadlineUnreadable status } }
      warnings { code sheet row column message }
      created { problems measures people units } updated { problems measures } unchanged { problems measures }
      notInSheet { problems measures } statusChanges keptStatuses }
    ... on SpreadsheetError { code message reason }
    ... on WarningsNotAcceptedError { code message warnings { code row } }
    ... on ValidationError { code message }
    ... on NotFoundError { code message } } }`;

const counts = async () => ({
  inspections: await app.db.prisma.inspection.count(),
  problems: await app.db.prisma.problem.count(),
  measures: await app.db.prisma.measure.count(),
  people: await app.db.prisma.person.count(),
  units: await app.db.prisma.unit.count(),
  statusChanges: await app.db.prisma.statusChange.count(),
});

const run = async (vars: Record<string, unknown>, role: Parameters<TestApp["as"]>[0] = "supervisor") =>
  ((await app.as(role)(IMPORT, vars)) as any).data?.importLedger;

describe("importLedger", () => {
  it("previews without writing anything", async () => {
    const before = await counts();
    const r = await run({ file: ledgerBase64("merged-cells.xlsx"), fileName: "merged-cells.xlsx", dryRun: true });
    expect(r).toMatchObject({
      __typename: "LedgerImportSummary",
      dryRun: true,
      written: false,
      format: "xlsx",
      inspectionId: null,
      team: "市委第二巡察组",
      inspectedBody: "市财政局",
      inspectionCreated: true,
      rows: { total: 7, measure: 5, blank: 0, header: 0, category: 2, skipped: 0 },
      problemCount: 2,
      measureCount: 5,
      // 市财政局 is one of the test app's units already: found, not created.
      created: { problems: 2, measures: 5, people: 3, units: 2 },
      warnings: [],
    });
    expect(r.sheets[0].headerRow).toBe(3);
    expect(r.sheets[0].columns.map((c: any) => c.field)).toEqual([
      "NUMBER",
      "PROBLEM",
      "MEASURE",
      "LEAD_LEADER",
      "RESPONSIBLE_UNIT",
      "PARTICIPANTS",
      "DEADLINE",
      "STATUS",
    ]);
    expect(r.problems[0].measures[2]).toMatchObject({ text: "建立长效监督机制", deadline: null, longTerm: true });
    expect(await counts()).toEqual(before);
  });

  it("imports: inspection named by the title, people and units found or created, 长期坚持 kept", async () => {
    const r = await run({ file: ledgerBase64("merged-cells.xlsx"), fileName: "merged-cells.xlsx" });
    expect(r).toMatchObject({
      written: true,
      inspectionCreated: true,
      created: { problems: 2, measures: 5, units: 2 },
    });
    expect(r.inspectionId).toEqual(expect.any(String));
    const inspection = await app.db.prisma.inspection.findFirstOrThrow({ where: { inspectedBody: "市财政局" } });
    expect(inspection).toMatchObject({ team: "市委第二巡察组", kind: "巡察" });
    const measures = await app.db.prisma.measure.findMany({
      where: { problem: { inspectionId: inspection.id } },
      include: { leadLeader: true, responsibleUnit: true, participants: { include: { unit: true } }, problem: true },
      orderBy: [{ problem: { number: "asc" } }, { number: "asc" }],
    });
    expect(
      measures.map((m) => [
        m.problem.number,
        m.number,
        m.leadLeader?.name,
        m.responsibleUnit?.name,
        m.participants.map((p) => p.unit.name).join("+"),
        m.deadline?.toISOString().slice(0, 10) ?? null,
        m.longTerm,
        m.status,
      ]),
    ).toEqual([
      [1, 1, "张三", "市财政局", "市审计局", "2024-06-30", false, "COMPLETED"],
      [1, 2, "张三", "市财政局", "", "2024-09-30", false, "IN_PROGRESS"],
      [1, 3, "李四", "市纪委监委派驻纪检组", "市财政局", null, true, "IN_PROGRESS"],
      [2, 1, "王五", "市财政局", "", "2024-12-31", false, "COMPLETED"],
      [2, 2, "王五", "市财政局", "", "2024-12-31", false, "COMPLETED"],
    ]);
    expect(measures[1]!.subPoints).toEqual(["查会议记录", "查决策程序"]);
    const problems = await app.db.prisma.problem.findMany({
      where: { inspectionId: inspection.id },
      orderBy: { number: "asc" },
    });
    expect(problems.map((p) => [p.section, p.status, p.category])).toEqual([
      ["CONTINUING", "IN_PROGRESS", "落实全面从严治党主体责任方面"],
      ["COMPLETED", "COMPLETED", "队伍建设方面"],
    ]);
    const audit = await app.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "importLedger" } });
    expect(audit.entityId).toBe(inspection.id);
  });

  it("imports the same file again without changing anything", async () => {
    const before = await counts();
    const r = await run({ file: ledgerBase64("merged-cells.xlsx"), fileName: "merged-cells.xlsx" });
    expect(r).toMatchObject({
      inspectionCreated: false,
      created: { problems: 0, measures: 0, people: 0, units: 0 },
      updated: { problems: 0, measures: 0 },
      unchanged: { problems: 2, measures: 5 },
    });
    expect(await counts()).toEqual(before);
  });

  it("updates an existing inspection from an updated spreadsheet instead of duplicating it", async () => {
    const inspection = await app.db.prisma.inspection.findFirstOrThrow({ where: { inspectedBody: "市财政局" } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledgerFixture("merged-cells.xlsx") as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell("G6").value = "2024年10月底"; // a later deadline
    ws.getCell("H6").value = "已完成"; // forward
    ws.getCell("H5").value = "未启动"; // backwards: kept
    ws.getCell("D7").value = "赵六（副局长）"; // a new leader
    ws.getCell("C10").value = "完成重点岗位轮岗（第二批）"; // reworded: matched by its number
    ws.addRow([null, "干部轮岗交流不够", "建立轮岗档案", "王五", "市财政局", null, "长期坚持", "整改中"]); // new
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const before = await counts();
    const r = await run({ file, fileName: "v2.xlsx", inspectionId: r0(inspection.id) });
    expect(r).toMatchObject({
      inspectionCreated: false,
      created: { problems: 0, measures: 1, people: 1, units: 0 },
      updated: { problems: 0, measures: 3 },
      unchanged: { problems: 2, measures: 2 },
      keptStatuses: 1,
      statusChanges: 2,
    });
    const after = await counts();
    expect(after).toEqual({
      ...before,
      measures: before.measures + 1,
      people: before.people + 1,
      statusChanges: before.statusChanges + 2,
    });
    const m = (problem: number, number: number) =>
      app.db.prisma.measure.findFirstOrThrow({
        where: { number, problem: { inspectionId: inspection.id, number: problem } },
        include: { leadLeader: true },
      });
    expect((await m(1, 2)).deadline?.toISOString().slice(0, 10)).toBe("2024-10-31");
    expect((await m(1, 2)).status).toBe("COMPLETED");
    expect((await m(1, 1)).status).toBe("COMPLETED");
    expect((await m(1, 3)).leadLeader).toMatchObject({ name: "赵六", post: "副局长" });
    expect((await m(2, 2)).text).toBe("完成重点岗位轮岗（第二批）");
    expect(await m(2, 3)).toMatchObject({ text: "建立轮岗档案", longTerm: true, deadline: null });
  });

  it("refuses warnings not accepted, writing nothing; imports them once accepted", async () => {
    const before = await counts();
    const inspection = { team: "市委第四巡察组", inspectedBody: "市档案馆" };
    const refused = await run({ file: ledgerBase64("warnings.xlsx"), fileName: "warnings.xlsx", inspection });
    expect(refused).toMatchObject({ __typename: "WarningsNotAcceptedError", code: "WARNINGS_NOT_ACCEPTED" });
    expect(refused.warnings.map((w: any) => w.code)).toEqual([
      "UNKNOWN_COLUMN",
      "SKIPPED_ROW",
      "UNKNOWN_STATUS",
      "EMPTY_MEASURE",
      "SKIPPED_SHEET",
    ]);
    expect(await counts()).toEqual(before);
    const preview = await run({ file: ledgerBase64("warnings.xlsx"), fileName: "w.xlsx", inspection, dryRun: true });
    expect(preview.rows).toEqual({ total: 3, measure: 1, blank: 0, header: 0, category: 0, skipped: 2 });
    const accepted = await run({ file: ledgerBase64("warnings.xlsx"), fileName: "w.xlsx", inspection, accept: true });
    expect(accepted).toMatchObject({ written: true, inspectionCreated: true, created: { problems: 1, measures: 1 } });
  });

  it("takes the user's column corrections", async () => {
    const inspection = { team: "市委第四巡察组", inspectedBody: "市档案馆" };
    const r = await run({
      file: ledgerBase64("warnings.xlsx"),
      fileName: "w.xlsx",
      inspection,
      dryRun: true,
      mapping: [
        { header: "联系人", field: "LEAD_LEADER" },
        { header: "完成情况", field: "IGNORE" },
      ],
    });
    expect(r.warnings.map((w: any) => w.code)).toEqual(["SKIPPED_ROW", "EMPTY_MEASURE", "SKIPPED_SHEET"]);
    expect(r.sheets[0].columns.find((c: any) => c.header === "联系人")).toMatchObject({
      field: "LEAD_LEADER",
      detected: null,
      imported: true,
    });
    expect(r.problems[0].measures[0].leadLeader).toBe("周八");
  });

  it("reads a GBK CSV, several units in one cell", async () => {
    const r = await run({ file: ledgerBase64("gbk.csv"), fileName: "gbk.csv" });
    expect(r).toMatchObject({ format: "csv", encoding: "GB18030", team: "市委第一巡察组", inspectedBody: "市教育局" });
    const m = await app.db.prisma.measure.findFirstOrThrow({
      where: { text: "开展校外培训专项整治" },
      include: { responsibleUnit: true, participants: { include: { unit: true } } },
    });
    expect(m.responsibleUnit?.name).toBe("市教育局");
    expect(m.participants.map((p) => p.unit.name)).toEqual(["市市场监管局"]);
  });

  it("asks for the inspection when the title does not name it", async () => {
    const before = await counts();
    const r = await run({ file: ledgerBase64("repeated-text.xlsx"), fileName: "r.xlsx", accept: true });
    expect(r).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const missing = await run({
      file: ledgerBase64("repeated-text.xlsx"),
      fileName: "r.xlsx",
      accept: true,
      inspectionId: r0("00000000-0000-4000-8000-000000000000"),
    });
    expect(missing).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["no-header.xlsx", "NO_HEADER"],
    ["password.xlsx", "PASSWORD_PROTECTED"],
    ["corrupt.xlsx", "CORRUPT"],
    ["legacy.xls", "UNSUPPORTED_FORMAT"],
  ])("refuses %s (%s) and writes nothing", async (name, reason) => {
    const before = await counts();
    const r = await run({ file: ledgerBase64(name), fileName: name, accept: true });
    expect(r).toMatchObject({ __typename: "SpreadsheetError", code: "SPREADSHEET_UNREADABLE", reason });
    expect(await counts()).toEqual(before);
  });

  it("refuses 100,000 rows with a clear error and writes nothing", async () => {
    const before = await counts();
    const csv = ["反馈问题,整改措施", ...Array.from({ length: 100_000 }, (_, i) => `问题${i},措施${i}`)].join("\n");
    const r = await run({
      file: Buffer.from(csv).toString("base64"),
      fileName: "big.csv",
      inspection: { team: "a", inspectedBody: "b" },
    });
    expect(r).toMatchObject({ __typename: "SpreadsheetError", reason: "TOO_LARGE" });
    expect(await counts()).toEqual(before);
  });

  it("is for supervisors and admins only", async () => {
    const vars = { file: ledgerBase64("gbk.csv"), fileName: "gbk.csv", dryRun: true };
    for (const role of ["inspector", "liaisonA"] as const) {
      const r: any = await app.as(role)(IMPORT, vars);
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const anon: any = await app.as("public")(IMPORT, vars);
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await run(vars, "admin")).__typename).toBe("LedgerImportSummary");
  });
});

/** An inspection's Relay id. */
function r0(id: string) {
  return Buffer.from(`Inspection:${id}`).toString("base64");
}
