// Download names and headers, and the renderers behind one entry point (txt is formatReport's text exactly).
import { describe, expect, it } from "vitest";
import { parseReport } from "../importer/parse-report.ts";
import { formatReport } from "../importer/format-report.ts";
import { readSample } from "../importer/test-fixtures.ts";
import { contentDisposition, downloadName, renderReport } from "./render.ts";
import { unzip } from "./test-unzip.ts";

describe("download names", () => {
  it("are Chinese with an ASCII fallback, encoded per RFC 5987", () => {
    const name = downloadName("report", "常熟市", "2024-03-15", "docx");
    expect(name).toBe("整改进展情况-常熟市-2024-03-15.docx");
    expect(downloadName("ledger", 'a/b:"c"', "2024-03-15", "xlsx")).toBe("整改台账-abc-2024-03-15.xlsx");
    const header = contentDisposition("台账 (1)'s.xlsx", "ledger.xlsx");
    expect(header).toBe(`attachment; filename="ledger.xlsx"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%20%281%29%27s.xlsx`);
    expect(decodeURIComponent(header.split("''")[1]!)).toBe("台账 (1)'s.xlsx");
  });
});

describe("renderReport", () => {
  const r = parseReport(readSample());
  it("writes txt as formatReport does, in UTF-8", async () => {
    expect((await renderReport(r, "txt")).toString("utf8")).toBe(formatReport(r));
  });
  it("writes a .docx whose document holds the title, headings, problems and a declared Chinese font", async () => {
    const files = unzip(await renderReport(r, "docx"));
    const doc = files.get("word/document.xml")!.toString("utf8");
    expect(doc).toContain("中共常熟市委員會關于巡視整改進展情況的通報");
    expect(doc).toContain("一、巡視整改組織領導情況");
    expect(doc).toContain("部分單位‘三重一大’事項問題整改不夠徹底");
    expect(doc).toContain("(1)針對問題抓好立行立改。");
    expect(doc).toMatch(/<w:jc w:val="right"\/>.*?中共常熟市委員會/s);
    expect(files.get("word/styles.xml")!.toString("utf8")).toContain('w:eastAsia="仿宋_GB2312"');
  });
  it("writes HTML as a page", async () => {
    expect((await renderReport(r, "html")).toString("utf8")).toMatch(/^<!doctype html>/);
  });
});
