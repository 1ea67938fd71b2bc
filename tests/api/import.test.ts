// Importing reports through GraphQL: counts, dry run, idempotency, a later report updating the same problems,
// and unreadable input rejected with its line and nothing written.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { parseReport } from "@rectify/server/importer/parse-report";
import { formatReport } from "@rectify/server/importer/format-report";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let sample: string;
beforeAll(async () => {
  app = await startTestApp({ sample: false });
  sample = await readFile(sampleReportPath, "utf8");
});
afterAll(async () => app?.close());

const IMPORT = `mutation($text: String!, $dryRun: Boolean) { importReport(text: $text, dryRun: $dryRun) {
  __typename
  ... on ImportSummary { problems measures completed continuing dryRun alreadyImported
    created { problems measures } updated { problems measures } team inspectedBody reportDate issuer }
  ... on ImportParseError { code message line expected found }
  ... on ValidationError { code message } } }`;

const counts = async () => ({
  problems: await app.db.prisma.problem.count(),
  measures: await app.db.prisma.measure.count(),
  reports: await app.db.prisma.report.count(),
});

describe("importReport", () => {
  it("dry-runs the sample without writing anything", async () => {
    const r: any = await app.as("supervisor")(IMPORT, { text: sample, dryRun: true });
    expect(r.data.importReport).toMatchObject({
      __typename: "ImportSummary",
      problems: 36,
      measures: 120,
      completed: 4,
      continuing: 32,
      dryRun: true,
      created: { problems: 36, measures: 120 },
      team: "省委第二巡視組",
      inspectedBody: "常熟市",
      reportDate: "2024-03-15",
      issuer: "中共常熟市委員會",
    });
    expect(await counts()).toEqual({ problems: 0, measures: 0, reports: 0 });
  });

  it("imports the sample once; the same text again changes nothing", async () => {
    const first: any = await app.as("supervisor")(IMPORT, { text: sample });
    expect(first.data.importReport).toMatchObject({ problems: 36, measures: 120, alreadyImported: false });
    expect(await counts()).toEqual({ problems: 36, measures: 120, reports: 1 });
    const second: any = await app.as("admin")(IMPORT, { text: sample.replace(/\n/g, "\r\n") });
    expect(second.data.importReport).toMatchObject({ alreadyImported: true, created: { problems: 0, measures: 0 } });
    expect(await counts()).toEqual({ problems: 36, measures: 120, reports: 1 });
    const inner = await app.db.prisma.problem.findFirst({ where: { title: { contains: "‘三重一大’" } } });
    expect(inner?.title).toBe("部分單位‘三重一大’事項問題整改不夠徹底");
    const withPoints = await app.db.prisma.measure.count({ where: { NOT: { subPoints: { isEmpty: true } } } });
    expect(withPoints).toBeGreaterThan(0);
    const header = await app.db.prisma.inspection.findFirstOrThrow();
    expect(header).toMatchObject({ team: "省委第二巡視組", inspectedBody: "常熟市", kind: "巡视" });
    expect(header.startDate?.toISOString().slice(0, 10)).toBe("2023-04-18");
    expect(header.feedbackDate?.toISOString().slice(0, 10)).toBe("2023-10-09");
    const report = await app.db.prisma.report.findFirstOrThrow();
    expect(report).toMatchObject({ contactPhone: "0512-52028050", contactEmail: "csswxczg@mail.changshu.gov.cn" });
  });

  it("updates the same problems from a later report instead of duplicating them", async () => {
    const later = parseReport(sample);
    const moved = later.problems.find((p) => p.section === "CONTINUING")!;
    moved.section = "COMPLETED";
    later.problems = [
      ...later.problems.filter((p) => p.section === "COMPLETED"),
      ...later.problems.filter((p) => p.section === "CONTINUING"),
    ];
    const n = { COMPLETED: 0, CONTINUING: 0 };
    for (const p of later.problems) p.number = ++n[p.section];
    moved.measures.push({
      ...moved.measures[0]!,
      number: moved.measures.length + 1,
      numbered: true,
      text: "新增措施：建立长效机制。",
      subPoints: [],
      indicators: [],
    });
    later.reportDate = "2024-06-30";
    const r: any = await app.as("supervisor")(IMPORT, { text: formatReport(later) });
    expect(r.data.importReport).toMatchObject({
      problems: 36,
      completed: 5,
      continuing: 31,
      alreadyImported: false,
      created: { problems: 0, measures: 1 },
    });
    expect(await counts()).toEqual({ problems: 36, measures: 121, reports: 2 });
    const stored = await app.db.prisma.problem.findFirstOrThrow({
      where: { titleKey: moved.titleKey },
      include: { statusChanges: true },
    });
    expect(stored).toMatchObject({ section: "COMPLETED", status: "COMPLETED" });
    expect(stored.statusChanges.map((c) => c.toStatus)).toEqual(["IN_PROGRESS", "COMPLETED"]);
  });

  it("rejects unreadable input naming the line and what was expected, writing nothing", async () => {
    const before = await counts();
    const broken = sample.replace(
      /\n\(二\)按計劃持續推進的整改事項\n1\./,
      "\n(二)按計劃持續推進的整改事項\n這一行不是問題標題\n1.",
    );
    const r: any = await app.as("supervisor")(IMPORT, { text: broken });
    expect(r.data.importReport.__typename).toBe("ImportParseError");
    expect(r.data.importReport.line).toBeGreaterThan(10);
    expect(r.data.importReport.expected).toMatch(/problem/i);
    expect(r.data.importReport.found).toContain("這一行不是問題標題");
    const empty: any = await app.as("supervisor")(IMPORT, { text: "" });
    expect(empty.data.importReport).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
  });
});
