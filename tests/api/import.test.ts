// Importing reports through GraphQL: counts, dry run, idempotency, a later report updating the same problems,
// and unreadable input rejected with its line and nothing written.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { parseReport } from "@rectify/server/importer/parse-report";
import { formatReport } from "@rectify/server/importer/format-report";
import { reportToDocx } from "@rectify/server/exports/report-docx";
import iconv from "iconv-lite";
import { Converter } from "opencc-js/cn2t";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

const toTraditional = Converter({ from: "cn", to: "t" });
let app: TestApp;
let sample: string;
beforeAll(async () => {
  app = await startTestApp({ sample: false });
  sample = await readFile(sampleReportPath, "utf8");
});
afterAll(async () => app?.close());

const IMPORT = `mutation($text: String, $fileBase64: String, $fileName: String, $dryRun: Boolean, $acceptWarnings: Boolean) {
  importReport(text: $text, fileBase64: $fileBase64, fileName: $fileName, dryRun: $dryRun, acceptWarnings: $acceptWarnings) {
  __typename
  ... on ImportSummary { problems measures completed continuing dryRun alreadyImported imported needsReview
    format encoding title warnings { code line message } skipped { line reason }
    tree { number title status measures { number } }
    created { problems measures } updated { problems measures } team inspectedBody reportDate issuer }
  ... on ImportParseError { code message line expected found }
  ... on ImportFileError { code message reason }
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
      "\n(二)按計劃持續推進的整改事項\n(1)這一行不是問題標題\n1.",
    );
    const r: any = await app.as("supervisor")(IMPORT, { text: broken });
    expect(r.data.importReport.__typename).toBe("ImportParseError");
    expect(r.data.importReport.line).toBe(broken.split("\n").indexOf("(1)這一行不是問題標題") + 1);
    expect(r.data.importReport.expected).toMatch(/problem/i);
    expect(r.data.importReport.found).toContain("這一行不是問題標題");
    const gbk: any = await app.as("supervisor")(IMPORT, {
      fileBase64: Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]).toString("base64"),
      fileName: "broken.txt",
    });
    expect(gbk.data.importReport).toMatchObject({ __typename: "ImportFileError", reason: "encoding" });
    expect(gbk.data.importReport.message).toContain("UTF-16LE");
    const both: any = await app.as("supervisor")(IMPORT, { text: sample, fileBase64: "eA==" });
    expect(both.data.importReport.__typename).toBe("ValidationError");
    const empty: any = await app.as("supervisor")(IMPORT, { text: "" });
    expect(empty.data.importReport).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
  });
});

describe("importReport with warnings and files", () => {
  const gbkReport = [
    "关于巡察整改进展情况的通报",
    "来源：市纪委监委 发布时间：2024-03-20 浏览次数：321",
    "根据市委统一部署，市委第一巡察组于2023年5月8日至7月7日对市水务局党组开展了巡察，并于8月30日进行了反馈。",
    "一、整改进展情况",
    "（一）在“落实全面从严治党责任”方面",
    "1.关于“主体责任落实不到位”问题的整改。",
    "（1）制定主体责任清单。目前已完成整改。",
    "2.关于“监督检查不经常”问题的整改。",
    "（1）建立季度检查制度。",
    "中共某市水务局党组",
    "2024年3月20日",
  ].join("\n");

  it("reads a GB18030 file, reports the status it could not determine, and writes only when accepted", async () => {
    const before = await counts();
    const fileBase64 = iconv.encode(gbkReport, "gb18030").toString("base64");
    const review: any = await app.as("supervisor")(IMPORT, { fileBase64, fileName: "report.txt" });
    expect(review.data.importReport).toMatchObject({
      __typename: "ImportSummary",
      format: "txt",
      encoding: "GB18030",
      title: "关于巡察整改进展情况的通报",
      team: "市委第一巡察组",
      inspectedBody: "市水务局党组",
      needsReview: true,
      imported: false,
      problems: 2,
      skipped: [{ line: 2, reason: "page-furniture" }],
      warnings: [{ code: "STATUS_NOT_STATED", line: 8 }],
      tree: [
        { number: 1, status: "COMPLETED" },
        { number: 2, status: "NOT_STATED" },
      ],
    });
    expect(await counts()).toEqual(before);
    const accepted: any = await app.as("supervisor")(IMPORT, {
      fileBase64,
      fileName: "report.txt",
      acceptWarnings: true,
    });
    expect(accepted.data.importReport).toMatchObject({ imported: true, needsReview: false, created: { problems: 2 } });
    expect(await counts()).toEqual({
      ...before,
      problems: before.problems + 2,
      measures: before.measures + 2,
      reports: before.reports + 1,
    });
    const stored: any = await app.as("supervisor")(
      `{ inspections { edges { node { inspectedBody reports {
          title sourceFormat sourceEncoding layout { parts sections categories problemMarker } } } } } }`,
    );
    const node = stored.data.inspections.edges.find((e: any) => e.node.inspectedBody === "市水务局党组").node;
    expect(node.reports).toEqual([
      {
        title: "关于巡察整改进展情况的通报",
        sourceFormat: "txt",
        sourceEncoding: "GB18030",
        layout: { parts: ["progress"], sections: false, categories: true, problemMarker: "arabic" },
      },
    ]);
  });

  it("matches a later report in the other script to the same inspection and problems, and warns on unmatched ones", async () => {
    const before = await counts();
    const traditional = toTraditional(gbkReport).replace("2024年3月20日", "2024年6月30日");
    const r: any = await app.as("supervisor")(IMPORT, { text: traditional, acceptWarnings: true });
    expect(r.data.importReport).toMatchObject({ imported: true, created: { problems: 0, measures: 0 } });
    expect(r.data.importReport.warnings.map((x: any) => x.code)).toEqual(["STATUS_NOT_STATED"]);
    expect(await app.db.prisma.inspection.count({ where: { inspectedBody: { contains: "水務" } } })).toBe(0);
    const extra = `${traditional.replace("2024年6月30日", "2024年7月31日").replace(/\n中共/, "\n3.關於“新問題”問題的整改。\n（1）新措施，已完成整改。\n中共")}`;
    const w: any = await app.as("supervisor")(IMPORT, { text: extra });
    expect(w.data.importReport.warnings).toContainEqual(expect.objectContaining({ code: "UNMATCHED_PROBLEM" }));
    expect(w.data.importReport.needsReview).toBe(true);
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1 });
    const other = extra.replace("市委第一巡察組", "市委第二巡察組");
    const dup: any = await app.as("supervisor")(IMPORT, { text: other, dryRun: true });
    expect(dup.data.importReport.warnings).toContainEqual(
      expect.objectContaining({ code: "POSSIBLE_DUPLICATE_INSPECTION" }),
    );
  });

  it("reads the sample's own .docx export back to the same tree", async () => {
    const docx = await reportToDocx(parseReport(sample));
    const r: any = await app.as("supervisor")(IMPORT, {
      fileBase64: docx.toString("base64"),
      fileName: "x.docx",
      dryRun: true,
    });
    expect(r.data.importReport).toMatchObject({
      format: "docx",
      problems: 36,
      measures: 120,
      completed: 4,
      continuing: 32,
    });
    const tree = parseReport(sample).problems.map((p) => ({ number: p.number, title: p.title, status: p.status }));
    expect(r.data.importReport.tree.map((p: any) => ({ number: p.number, title: p.title, status: p.status }))).toEqual(
      tree,
    );
  });
});
