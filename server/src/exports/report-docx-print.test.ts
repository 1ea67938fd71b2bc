// The exported report against GB/T 9704-2012 (issue 13 §15): the .docx asks for A4, the standard's margins, the
// 22 × 28 grid, the fonts and sizes and "— n —" page numbers outside; converted to PDF by LibreOffice (Debian's
// libreoffice-writer-nogui; .ci/test-all installs it) it is A4 with a plausible page count and CJK fonts embedded.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "../importer/parse-report.ts";
import { readSample } from "../importer/test-fixtures.ts";
import { reportToDocx } from "./report-docx.ts";
import { unzip } from "./test-unzip.ts";

const run = promisify(execFile);
let dir: string;
let pdf: string;
let files: Map<string, Buffer>;
const xml = (name: string) => files.get(name)!.toString("utf8");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rectify-report-"));
  const docx = await reportToDocx(parseReport(readSample()));
  files = unzip(docx);
  await writeFile(path.join(dir, "report.docx"), docx);
  // A profile of its own, so a LibreOffice already running elsewhere is not reused.
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      `${dir}/report.docx`,
    ],
    { timeout: 240_000 },
  );
  pdf = path.join(dir, "report.pdf");
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the report .docx (GB/T 9704-2012)", () => {
  it("asks for A4, margins 37/35/28/26 mm and a grid of 22 lines × 28 characters", () => {
    const doc = xml("word/document.xml");
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 37 mm = 2098 twips, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474.
    expect(doc).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    const grid = doc.match(/<w:docGrid [^>]*\/>/)![0];
    expect(grid).toContain('w:type="linesAndChars"');
    const pitch = Number(grid.match(/w:linePitch="(\d+)"/)![1]);
    // 225 mm of text block (12756 twips) holds exactly 22 lines.
    expect(Math.floor(12756 / pitch)).toBe(22);
    const charSpace = Number(grid.match(/w:charSpace="(-?\d+)"/)![1]);
    // 156 mm (8844 twips = 442.2 pt) holds 28 characters of 16 pt plus the grid's extra pitch.
    expect(Math.round(442.2 / (16 + charSpace / 4096))).toBe(28);
  });

  it("requests 方正小标宋简体 二号 for the title, 仿宋_GB2312 三号 for text, 黑体 and 楷体_GB2312 for headings", () => {
    const styles = xml("word/styles.xml");
    const style = (id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0];
    expect(style("Title")).toContain('w:eastAsia="方正小标宋简体"');
    expect(style("Title")).toContain('<w:sz w:val="44"/>');
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(style("Heading1")).toContain('w:eastAsia="黑体"');
    expect(style("Heading2")).toContain('w:eastAsia="楷体_GB2312"');
    expect(style("Heading4")).toContain('w:eastAsia="仿宋_GB2312"');
    for (const h of ["Heading1", "Heading2", "Heading4"]) expect(style(h)).toContain('<w:sz w:val="32"/>');
  });

  it("numbers pages “— n —” in 4号 宋体, right on odd pages and left on even ones", () => {
    expect(xml("word/settings.xml")).toContain("<w:evenAndOddHeaders");
    const doc = xml("word/document.xml");
    const ref = (type: string) => doc.match(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`))![1]!;
    const rels = xml("word/_rels/document.xml.rels");
    const target = (id: string) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]!;
    const odd = xml(`word/${target(ref("default"))}`);
    const even = xml(`word/${target(ref("even"))}`);
    for (const f of [odd, even]) {
      expect(f).toContain("— ");
      expect(f).toMatch(/PAGE/);
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });

  it("places the issuer two characters from the right and the date below it", () => {
    const doc = xml("word/document.xml");
    const paras = doc.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
    const issuer = paras.findIndex((p) => p.includes("中共常熟市委員會") && p.includes('w:val="right"'));
    expect(issuer).toBeGreaterThan(0);
    expect(paras[issuer - 1]).not.toMatch(/<w:t/); // a blank line after the text
    const right = (p: string) => Number(p.match(/<w:ind [^>]*w:right="(\d+)"/)![1]);
    const date = paras[issuer + 1]!;
    expect(date).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    // The sample's date (6.5 characters wide) would end 1.5 characters from the edge under an issuer 8 wide at 右空二字:
    // the date keeps 右空二字 and the issuer moves left so that the date still starts two characters right of it.
    const char = 8844 / 28;
    expect(right(date) / char).toBeCloseTo(2, 1);
    const issuerStart = right(paras[issuer]!) / char + 8;
    const dateText = date.match(/<w:t[^>]*>([^<]*)<\/w:t>/)![1]!;
    const dateStart = right(date) / char + [...dateText].reduce((n, c) => n + (/[ -~]/.test(c) ? 0.5 : 1), 0);
    expect(issuerStart - dateStart).toBeCloseTo(2, 1);
  });
});

describe("converted by LibreOffice", () => {
  it("is A4 with a plausible page count, 22 lines at most a page and the page numbers printed", async () => {
    const info = (await run("pdfinfo", [pdf])).stdout;
    const [, w, h] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m)!;
    expect(Math.round(Number(w))).toBe(595); // A4: 210 × 297 mm
    expect(Math.round(Number(h))).toBe(842);
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)![1]);
    // The sample is about 56 screens of text on a phone: at 22 × 28 characters, tens of pages, not hundreds.
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(80);
    const page2 = (await run("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf, "-"])).stdout;
    // Even pages carry the number on the left, odd ones on the right (pdftotext drops the thin spaces).
    const numberLine = (text: string, n: number) => text.split("\n").find((l) => new RegExp(`—\\s*${n}\\s*—`).test(l))!;
    const page3 = (await run("pdftotext", ["-layout", "-f", "3", "-l", "3", pdf, "-"])).stdout;
    expect(numberLine(page2, 2).search(/\S/)).toBeLessThan(10);
    expect(numberLine(page3, 3).search(/\S/)).toBeGreaterThan(20);
    const textLines = page2.split("\n").filter((l) => l.trim() && !/—\s*\d+\s*—/.test(l));
    expect(textLines.length).toBeLessThanOrEqual(22);
    expect(textLines.length).toBeGreaterThanOrEqual(18);
  });

  it("embeds CJK fonts substituted for the ones requested", async () => {
    const fonts = (await run("pdffonts", [pdf])).stdout;
    // No machine here has 方正小标宋简体 or 仿宋_GB2312: LibreOffice substitutes an installed CJK face (Noto CJK).
    expect(fonts).toMatch(/CJK|Song|Fang|Kai|Hei|Ming/i);
    expect(fonts.split("\n").length).toBeGreaterThan(3);
  });
});
