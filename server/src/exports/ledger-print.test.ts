// The printed ledger, checked as a 巡察办 would see it: the sample's 120 measures rendered by ledgerToXlsx, converted
// to PDF by LibreOffice (Debian's libreoffice-calc-nogui; .ci/test-all installs it) and read with poppler's pdfinfo
// and pdftotext: A3 landscape pages, every column on each page (fitted to width, not one unreadable strip), the
// header row repeated on every page, and the page header and footer printed.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportPath } from "../config.ts";
import { parseReport } from "../importer/parse-report.ts";
import { ledgerToXlsx } from "./ledger-xlsx.ts";
import type { LedgerRow } from "./ledger-rows.ts";
import { SECTION_LABEL } from "./ledger-labels.ts";

const run = promisify(execFile);
let dir: string;
let pdf: string;

/** The sample's problems and measures as ledger rows, with assignments as a real ledger has them. */
async function sampleRows(): Promise<LedgerRow[]> {
  const report = parseReport(await readFile(sampleReportPath, "utf8"));
  return report.problems.flatMap((p) =>
    p.measures.map((m, i) => ({
      section: p.section,
      sectionLabel: SECTION_LABEL[p.section],
      problemNumber: String(p.number),
      problem: p.title,
      measureNumber: m.numbered ? m.number : null,
      measure: m.text,
      leadLeader: "张三",
      responsibleUnit: "市委组织部",
      participants: "市财政局、市审计局",
      deadline: i % 3 === 2 ? null : new Date("2024-06-30T00:00:00Z"),
      longTerm: i % 3 === 2,
      status: "整改中",
      latestProgress: "",
      latestRecord: "",
      closeOut: "未销号",
    })),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rectify-print-"));
  const xlsx = path.join(dir, "ledger.xlsx");
  await writeFile(xlsx, await ledgerToXlsx(await sampleRows(), { title: "常熟市落实省委第二巡视组反馈意见整改台账" }));
  // A profile of its own, so a LibreOffice already running elsewhere is not reused.
  await run(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
    { timeout: 240_000 },
  );
  pdf = path.join(dir, "ledger.pdf");
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pageText = async (page: number) =>
  (await run("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"])).stdout;

describe("the printed ledger (LibreOffice → PDF)", () => {
  it("prints on A3 landscape pages, every column on each page, the header row on every page", async () => {
    const info = (await run("pdfinfo", [pdf])).stdout;
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)![1]);
    const [, w, h] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m)!;
    expect(Math.round(Number(w))).toBe(1191); // A3: 420 × 297 mm
    expect(Math.round(Number(h))).toBe(842);
    // 120 measures with their full texts cannot fit one page legibly, nor should they need dozens.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(40);
    for (let p = 1; p <= pages; p++) {
      const text = await pageText(p);
      // Fitted to width: the first and the last column's headers on every page, so no page holds half a row.
      for (const header of ["措施内容", "牵头领导", "完成时限", "销号状态"])
        expect(text, `page ${p}`).toContain(header);
      expect(text).toMatch(/第 \d+ 页，共 \d+ 页/);
      expect(text).toContain("常熟市落实省委第二巡视组反馈意见整改台账");
    }
    const all = (await run("pdftotext", [pdf, "-"])).stdout;
    expect(all).toContain("长期坚持");
    expect(all).toContain("2024-06-30");
  });
});
