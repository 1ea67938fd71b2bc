// `pnpm cli export-report` and `export-ledger` as a user runs them: real processes on a fresh data dir (or PostgreSQL database), files checked by re-importing, by exceljs and by unzipping.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "@rectify/server/config";
import { runCli } from "../helpers/run-cli.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/test-db.ts";

const HEADERS = [
  "问题编号",
  "问题",
  "部分",
  "措施编号",
  "措施内容",
  "牵头领导",
  "责任单位",
  "参与单位",
  "完成时限",
  "状态",
  "最近进展",
  "最近核查",
  "销号状态",
];
let work: string;
/** Two stores: the one exported from, and an empty one the exported text is re-imported into. */
const stores: { dataDir: string; db: TestDatabase | null }[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "rectify-export-"));
  for (const name of ["a", "b"]) {
    stores.push({
      dataDir: path.join(work, name),
      db: testDbKind === "postgres" ? await createTestDatabase() : null,
    });
  }
});
afterAll(async () => {
  for (const s of stores) await s.db?.close();
  await rm(work, { recursive: true, force: true });
});

/** Runs `pnpm cli …` from the repository root on store `n` (through pnpm when the tests run under it, as in CI). */
async function cli(args: string[], n = 0) {
  const store = stores[n]!;
  return runCli(args, { dataDir: store.dataDir, databaseUrl: store.db?.url });
}

/** The entries of a zip file (a .docx), read through its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from("PK\x05\x06", "latin1"));
  expect(eocd).toBeGreaterThan(0);
  const out = new Map<string, Buffer>();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const [method, size, nameLen] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20), buf.readUInt16LE(at + 28)];
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out.set(buf.toString("utf8", at + 46, at + 46 + nameLen), method === 0 ? raw : inflateRawSync(raw));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

describe("pnpm cli export-report and export-ledger", () => {
  it("fails clearly with no inspection imported, an unknown format or an unwritable path", async () => {
    const none = await cli(["export-ledger", "--out", path.join(work, "none.xlsx")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no inspection imported yet");
    const format = await cli(["export-report", "--format", "pdf", "--out", path.join(work, "r.pdf")]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "pdf": use txt, docx or html');
    const nowhere = path.join(work, "missing-dir", "r.txt");
    const unwritable = await cli(["export-report", "--format", "txt", "--out", nowhere]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain(`cannot write ${nowhere}: ENOENT`);
    const dir = await cli(["export-report", "--format", "txt", "--out", work]);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toContain("it is a directory");
    expect((await cli(["export-report", "--out", "x.txt", "--date", "2024-13-01"])).code).toBe(2);
  }, 120_000);

  it("exports the imported sample as txt: the official text, which re-imports to the same 36 problems and 120 measures", async () => {
    expect((await cli(["import", sampleReportPath])).code).toBe(0);
    const out = path.join(work, "report.txt");
    const r = await cli(["export-report", "--format", "txt", "--out", out, "--date", "2024-03-15", "--progress"]);
    expect(r.code).toBe(0);
    // stdout holds the one-line summary only; progress goes to stderr.
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toContain("36 problems (4 completed, 32 continuing), 120 measures");
    expect(r.stderr).toContain("导出进度 36/36");
    const text = await readFile(out, "utf8");
    // Nothing changed since the import, so the export is the published report itself.
    expect(text.trimEnd()).toBe((await readFile(sampleReportPath, "utf8")).trimEnd());
    const again = await cli(["import", out, "--dry-run", "--json"], 1);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      problems: 36,
      measures: 120,
      completed: 4,
      continuing: 32,
      created: { problems: 36, measures: 120 },
    });
  }, 180_000);

  it("exports a .docx: a zip whose word/document.xml holds the title and a known problem", async () => {
    const out = path.join(work, "report.docx");
    const r = await cli(["export-report", "--format", "docx", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("导出进度");
    const files = unzip(await readFile(out));
    expect([...files.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    const doc = files.get("word/document.xml")!.toString("utf8");
    expect(doc).toContain("中共常熟市委員會關于巡視整改進展情況的通報");
    expect(doc).toContain("部分單位‘三重一大’事項問題整改不夠徹底");
  });

  it("exports the ledger: 120 rows across the two section sheets, with the ledger's headers", async () => {
    const out = path.join(work, "ledger.xlsx");
    const r = await cli(["export-ledger", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("120 rows");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["集中整改期内已完成", "按计划持续推进"]);
    for (const ws of wb.worksheets) {
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    }
    const dataRows = wb.worksheets.map((w) => w.rowCount - 1);
    expect(dataRows[0]! + dataRows[1]!).toBe(120);
    expect(wb.worksheets[0]!.getRow(2).getCell(3).value).toBe("集中整改期内已完成");
    expect(wb.worksheets[1]!.getRow(2).getCell(13).value).toBe("未销号");
  });

  it("exports the public HTML page", async () => {
    const out = path.join(work, "report.html");
    expect((await cli(["export-report", "--out", out])).code).toBe(0);
    const html = await readFile(out, "utf8");
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-TW">/);
    expect(html).toContain("意見建議");
  });
});
