// The progress report as a Word document (.docx) laid out by GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm,
// a 156 × 225 mm text block of 22 lines × 28 characters (document grid), title in 方正小标宋简体 二号, text in 仿宋_GB2312
// 三号, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold by level, page numbers "— 1 —" in 4号 宋体 outside (odd right,
// even left, one character in), issuer two characters from the right and the date below it shifted right by two.
// Invariant: the paragraphs' texts are the report blocks' texts (no words added but the title and page numbers).
// Font names are those a Windows office machine has; where one is missing Word/WPS substitute (小标宋 → 宋体 SimSun,
// 仿宋_GB2312 → 仿宋 FangSong, 楷体_GB2312 → 楷体 KaiTi), and the standard's sizes and grid still hold.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from "docx";
import type { ParsedReport } from "../importer/report-types.ts";
import { reportBlocks, reportLang, reportTitle, type Block } from "./report-blocks.ts";
import type { ProgressFn } from "./load-inspection.ts";

/** Font sets: Latin text in Times New Roman (as 公文 print digits), East Asian text in the named Chinese font. */
const font = (eastAsia: string, latin = "Times New Roman") => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
export const FONTS = {
  title: "方正小标宋简体",
  text: "仿宋_GB2312",
  h1: "黑体",
  h2: "楷体_GB2312",
  pageNumber: "宋体",
} as const;
const TITLE_FONT = font(FONTS.title);
const TEXT_FONT = font(FONTS.text);
const HEI = font(FONTS.h1);
const KAI = font(FONTS.h2);
const SONG = font(FONTS.pageNumber);

/** Twips per millimetre. */
const MM = 1440 / 25.4;
const mm = (x: number) => Math.round(x * MM);
export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The text block: 156 × 225 mm, 22 lines of 28 characters. */
const BLOCK_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BLOCK_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Line pitch in twips: 225 mm / 22 ≈ 28.95 pt (rounded down, so 22 lines always fit). */
export const LINE_PITCH = Math.floor(BLOCK_HEIGHT / LINES_PER_PAGE);
/** Sizes in half-points: 二号 22 pt (title), 三号 16 pt (text), 四号 14 pt (page numbers). */
export const SIZES = { title: 44, text: 32, pageNumber: 28 } as const;
/** Word's character grid: the extra pitch per character over the 16 pt default, in 1/4096 pt, for 28 a line. */
const CHAR_SPACE = Math.round((BLOCK_WIDTH / 20 / CHARS_PER_LINE - SIZES.text / 2) * 4096);
/** One character of the grid, in twips. */
const CHAR = Math.round(BLOCK_WIDTH / CHARS_PER_LINE);

const INDENT = { firstLineChars: 200, firstLine: 2 * CHAR };
const LINE = { line: LINE_PITCH, lineRule: "exact" as const };

/** Width in characters: full-width CJK counts 1, half-width digits and Latin letters 1/2. */
const widthOf = (text: string) => [...text].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

function lines(text: string, opts: { indent?: boolean; bold?: boolean; rightChars?: number } = {}): Paragraph[] {
  const right = opts.rightChars !== undefined;
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        children: [new TextRun({ text: line, bold: opts.bold })],
        alignment: right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
        indent: right ? { right: Math.round(opts.rightChars! * CHAR) } : opts.indent === false ? undefined : INDENT,
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

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5.2, no seal): a blank line after the text, the issuer two characters from
 * the right, the date on the next line starting two characters right of the issuer's start; when that would bring
 * the date nearer the edge than two characters (a date longer than the issuer, as the standard says, or nearly as
 * long with Arabic numerals), the date keeps 右空二字 and the issuer moves left to match.
 */
function signature(issuer: string | null, date: string | null): Paragraph[] {
  const wi = issuer ? Math.max(...issuer.split("\n").map(widthOf)) : 0;
  const wd = date ? widthOf(date) : 0;
  let ri = 2;
  let rd = ri + wi - wd - 2;
  if (issuer && date && rd < 2) {
    rd = 2;
    ri = rd - wi + wd + 2;
  }
  if (!issuer) rd = 4; // a date alone: 右空四字 (7.3.5.1)
  const blank = new Paragraph({ children: [], spacing: LINE });
  return [
    blank,
    ...(issuer ? lines(issuer, { rightChars: ri }) : []),
    ...(date ? lines(date, { rightChars: rd }) : []),
  ];
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
    default:
      return lines(b.text);
  }
}

const headingStyle = (f: ReturnType<typeof font>, bold: boolean) => ({
  run: { font: f, size: SIZES.text, bold, color: "000000" },
  paragraph: { spacing: LINE },
});

/** "— 1 —" in 4号 半角宋体, one character in from the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const run = { font: SONG, size: SIZES.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: CHAR } : { left: CHAR },
        children: [
          new TextRun({ ...run, text: "— " }),
          new TextRun({ ...run, children: [PageNumber.CURRENT] }),
          new TextRun({ ...run, text: " —" }),
        ],
      }),
    ],
  });
}

export async function reportToDocx(r: ParsedReport, opts: { onProgress?: ProgressFn } = {}): Promise<Buffer> {
  const blocks = reportBlocks(r);
  const title = reportTitle(r);
  const lang = reportLang(r);
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: title })],
      spacing: LINE,
    }),
    // 标题下空一行 (7.3.3).
    new Paragraph({ children: [], spacing: LINE }),
  ];
  // Progress counts problems, the unit the other exports count in.
  const total = blocks.filter((b) => b.kind === "problem" && b.depth === 0).length;
  let done = 0;
  opts.onProgress?.(0, total);
  for (const b of blocks) {
    if (b.kind === "issuer" || b.kind === "date") continue;
    children.push(...blockParagraphs(b));
    if (b.kind === "problem" && b.depth === 0) opts.onProgress?.(++done, total);
  }
  const issuer = blocks.filter((b) => b.kind === "issuer").map((b) => b.text);
  const date = blocks.filter((b) => b.kind === "date").map((b) => b.text);
  if (issuer.length || date.length) children.push(...signature(issuer.join("\n") || null, date.join("\n") || null));
  const doc = new Document({
    title,
    creator: "整改通 Rectify",
    description: title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: TEXT_FONT, size: SIZES.text, language: { value: lang, eastAsia: lang } },
          paragraph: { spacing: LINE },
        },
        title: {
          run: { font: TITLE_FONT, size: SIZES.title, bold: false, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: LINE },
        },
        heading1: headingStyle(HEI, false),
        heading2: headingStyle(KAI, false),
        heading3: headingStyle(KAI, false),
        heading4: headingStyle(TEXT_FONT, true),
        heading5: headingStyle(TEXT_FONT, false),
      },
    },
    sections: [
      {
        // A4; 天头 37 mm, 订口 28 mm: the 156 × 225 mm text block; the footer's page number 7 mm below it.
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, footer: mm(35 - 7 - 5), header: mm(15) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
