// Reading report files: every supported encoding (detected and named), .docx through mammoth (lists, tables), .pdf with a text
// layer (hard wraps joined by the parser), a scanned PDF and undecodable bytes as typed errors.
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { decodeText, UndecodableTextError } from "./decode-text.ts";
import { docxHtmlToText, NoTextLayerError, readDocument } from "./read-document.ts";
import { scannedPdf, textPdf } from "./test-pdf.ts";
import { countReport, parseReport } from "./parse-report.ts";
import { readFixture, readSample } from "./test-fixtures.ts";

const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);

describe("decodeText", () => {
  const sample = readSample();
  const simplified = readFixture("simplified.txt");
  it.each([
    ["UTF-8", Buffer.from(sample, "utf8"), sample],
    ["UTF-8 (BOM)", bom([0xef, 0xbb, 0xbf], Buffer.from(sample, "utf8")), sample],
    ["UTF-16LE", bom([0xff, 0xfe], iconv.encode(sample, "utf-16le")), sample],
    ["UTF-16BE", bom([0xfe, 0xff], iconv.encode(sample, "utf-16be")), sample],
    ["UTF-16LE", iconv.encode(simplified, "utf-16le"), simplified],
    ["GB18030", iconv.encode(simplified, "gb18030"), simplified],
    ["GB18030", iconv.encode(simplified, "gbk"), simplified],
    [
      "Big5",
      iconv.encode(readFixture("traditional-big5-source.txt"), "big5"),
      readFixture("traditional-big5-source.txt"),
    ],
  ])("reads %s", (encoding, bytes, text) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it("names the encoding it tried when the bytes are not text", () => {
    const broken = bom([0xff, 0xfe], Buffer.from([0x00, 0xd8, 0x41, 0x00]));
    expect(() => decodeText(broken)).toThrow(UndecodableTextError);
    expect(() => decodeText(broken)).toThrow(/UTF-16LE/);
    const binary = Buffer.from([0x81, 0x30, 0xff, 0xff, 0x01, 0x02, 0x80, 0x80]);
    expect(() => decodeText(binary)).toThrow(/UTF-8, GB18030, Big5|UTF-8, Big5, GB18030/);
  });
});

describe("readDocument", () => {
  it("reads a Word file's paragraphs, automatic list numbers and table rows", async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: "n", levels: [{ level: 0, format: "decimal", text: "%1." }] }],
      },
      sections: [
        {
          children: [
            new Paragraph("第一段。"),
            new Paragraph({ text: "关于“甲”问题的整改。", numbering: { reference: "n", level: 0 } }),
            new Paragraph({ text: "关于“乙”问题的整改。", numbering: { reference: "n", level: 0 } }),
            new Table({
              rows: [
                new TableRow({
                  children: ["序号", "问题", "完成情况"].map((t) => new TableCell({ children: [new Paragraph(t)] })),
                }),
                new TableRow({
                  children: ["1", "甲", "已完成"].map((t) => new TableCell({ children: [new Paragraph(t)] })),
                }),
              ],
            }),
          ],
        },
      ],
    });
    const r = await readDocument(await Packer.toBuffer(doc), "x.docx");
    expect(r).toEqual({
      format: "docx",
      encoding: "Unicode (docx)",
      text: "第一段。\n1.关于“甲”问题的整改。\n2.关于“乙”问题的整改。\n序号\t问题\t完成情况\n1\t甲\t已完成",
    });
    expect(docxHtmlToText("<p>a &amp; b<br />c</p>")).toBe("a & b c");
  });

  it("reads a PDF's text layer, and the parser joins its hard-wrapped lines", async () => {
    const text = readFixture("simplified.txt");
    const r = await readDocument(await textPdf(text, 30), "report.pdf");
    expect(r.format).toBe("pdf");
    const parsed = parseReport(r.text);
    const direct = parseReport(text);
    expect(countReport(parsed)).toEqual(countReport(direct));
    expect(parsed.problems.map((p) => p.measures.map((m) => m.text))).toEqual(
      direct.problems.map((p) => p.measures.map((m) => m.text)),
    );
    // A wrap that falls exactly after a full stop cannot be told from a paragraph end: header facts still agree.
    const facts = (h: typeof direct.header) => ({ ...h, text: h.text.replace(/\n/g, "") });
    expect(facts(parsed.header)).toEqual(facts(direct.header));
    expect(parsed.layout.joinedWrappedLines).toBeGreaterThan(5);
    expect(parsed.skipped.map((s) => s.reason)).toContain("page-furniture");
  }, 60_000);

  it("refuses a PDF without a text layer", async () => {
    await expect(readDocument(await scannedPdf(), "scan.pdf")).rejects.toThrow(NoTextLayerError);
    await expect(readDocument(await scannedPdf())).rejects.toThrow(/OCR is not supported/);
  });
});
