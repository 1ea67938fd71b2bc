// The progress report as a Word document (.docx): title, the report's exact words in official layout (黑体 headings, 楷体 sections, 宋体 text, 2-character first-line indent), issuer and date right-aligned. Invariant: the paragraphs' texts are the report blocks' texts (no words added but the title).
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import type { ParsedReport } from "../importer/report-types.ts";
import { reportBlocks, reportLang, reportTitle, type Block } from "./report-blocks.ts";
import type { ProgressFn } from "./load-inspection.ts";

/** Font sets: Latin and East Asian names both, so Word, WPS and LibreOffice each find one they have. */
const font = (latin: string, eastAsia: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
const SONG = font("SimSun", "宋体");
const HEI = font("SimHei", "黑体");
const KAI = font("KaiTi", "楷体");

/** Sizes in half-points: 三号 (16 pt) for text as in official documents, 二号 (22 pt) for the title. */
const TEXT_SIZE = 32;
const TITLE_SIZE = 44;
const INDENT = { firstLineChars: 200, firstLine: 640 };
const LINE = { line: 560, lineRule: "exact" as const };

function lines(text: string, opts: { indent?: boolean; bold?: boolean; right?: boolean } = {}): Paragraph[] {
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        children: [new TextRun({ text: line, bold: opts.bold })],
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
        indent: opts.indent === false || opts.right ? undefined : INDENT,
        spacing: LINE,
      }),
  );
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], run: IRunOptions = {}) {
  return new Paragraph({
    heading: level,
    children: [new TextRun({ text, ...run })],
    indent: INDENT,
    spacing: LINE,
    keepNext: true,
  });
}

function blockParagraphs(b: Block): Paragraph[] {
  switch (b.kind) {
    case "heading":
      return [heading(b.text, HeadingLevel.HEADING_1)];
    case "section":
      return [heading(b.text, HeadingLevel.HEADING_2)];
    case "category":
      return [heading(b.text, HeadingLevel.HEADING_3)];
    case "problem":
      return [heading(b.text, b.depth === 0 ? HeadingLevel.HEADING_4 : HeadingLevel.HEADING_5)];
    case "issuer":
    case "date":
      return lines(b.text, { right: true });
    default:
      return lines(b.text);
  }
}

const headingStyle = (f: ReturnType<typeof font>, bold: boolean) => ({
  run: { font: f, size: TEXT_SIZE, bold, color: "000000" },
  paragraph: { spacing: LINE },
});

export async function reportToDocx(r: ParsedReport, opts: { onProgress?: ProgressFn } = {}): Promise<Buffer> {
  const blocks = reportBlocks(r);
  const title = reportTitle(r);
  const lang = reportLang(r);
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: title })],
      spacing: { after: 400 },
    }),
  ];
  // Progress counts problems, the unit the other exports count in.
  const total = blocks.filter((b) => b.kind === "problem" && b.depth === 0).length;
  let done = 0;
  opts.onProgress?.(0, total);
  for (const b of blocks) {
    children.push(...blockParagraphs(b));
    if (b.kind === "problem" && b.depth === 0) opts.onProgress?.(++done, total);
  }
  const doc = new Document({
    title,
    creator: "整改通 Rectify",
    description: title,
    styles: {
      default: {
        document: {
          run: { font: SONG, size: TEXT_SIZE, language: { value: lang, eastAsia: lang } },
          paragraph: { spacing: LINE },
        },
        title: {
          run: { font: HEI, size: TITLE_SIZE, bold: false, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        heading1: headingStyle(HEI, false),
        heading2: headingStyle(KAI, false),
        heading3: headingStyle(KAI, false),
        heading4: headingStyle(SONG, true),
        heading5: headingStyle(SONG, true),
      },
    },
    sections: [
      {
        // A4 with the margins of official documents (公文: 37 mm top, 28 mm left, 26 mm right, 35 mm bottom).
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
