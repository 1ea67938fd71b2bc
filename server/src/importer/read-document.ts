// Turns an uploaded report file into text: .txt in any supported encoding, .docx through mammoth (paragraphs, list numbers,
// tables as tab-separated rows), .pdf with a text layer through unpdf (pdf.js); a PDF without text fails (no OCR).
import { decodeText, type TextEncoding } from "./decode-text.ts";

export type DocumentFormat = "txt" | "docx" | "pdf";

export interface ReadDocument {
  text: string;
  format: DocumentFormat;
  /** The detected text encoding; .docx and .pdf carry Unicode text. */
  encoding: TextEncoding | "Unicode (docx)" | "Unicode (pdf)";
}

export class NoTextLayerError extends Error {
  constructor() {
    super("the PDF has no text layer (a scan?); OCR is not supported: import the original .docx or a text copy");
    this.name = "NoTextLayerError";
  }
}

export class UnreadableDocumentError extends Error {
  constructor(format: DocumentFormat, detail: string) {
    super(`the ${format === "docx" ? "Word (.docx)" : "PDF"} file cannot be read: ${detail}`);
    this.name = "UnreadableDocumentError";
  }
}

/** The format by content (magic bytes), not by name: a renamed file is still read right. */
export function sniffFormat(bytes: Uint8Array, fileName?: string): DocumentFormat {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (fileName && /\.docx$/i.test(fileName)) return "docx";
  if (fileName && /\.pdf$/i.test(fileName)) return "pdf";
  return "txt";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? "");
const stripTags = (s: string): string => unescape(s.replace(/<br\s*\/?>/g, " ").replace(/<[^>]*>/g, ""));

/**
 * mammoth's HTML is regular (no attributes we need): one output line per paragraph, table row (cells joined by tabs) or list
 * item. Word's automatic numbering is not in the text, so list items get "N." at the first level and "(N)" below it.
 */
export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  const counters: number[] = [];
  const re = /<(\/?)(p|h[1-6]|li|ol|ul|tr|table)\b[^>]*>|<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g;
  let cells: string[] | null = null;
  let last = 0;
  let open: string | null = null;
  for (const m of html.matchAll(re)) {
    const [whole, close, tag, cell] = m;
    const at = m.index ?? 0;
    if (cell !== undefined) {
      cells?.push(stripTags(cell.replace(/<\/p>\s*<p>/g, " ")).trim());
      last = at + whole.length;
      continue;
    }
    if (tag === "ol" || tag === "ul") {
      if (close) counters.pop();
      else counters.push(0);
    } else if (tag === "tr") {
      if (close) {
        if (cells && cells.some((c) => c !== "")) out.push(cells.join("\t"));
        cells = null;
      } else cells = [];
    } else if (tag !== "table" && cells === null) {
      if (!close) {
        open = tag ?? null;
        if (tag === "li" && counters.length > 0) counters[counters.length - 1]! += 1;
      } else if (open !== null) {
        const text = stripTags(html.slice(last, at)).trim();
        const depth = counters.length;
        const n = counters[depth - 1] ?? 0;
        const prefix = tag === "li" && depth > 0 ? (depth === 1 ? `${n}.` : `(${n})`) : "";
        if (text !== "") out.push(prefix + text);
        open = null;
      }
    }
    last = at + whole.length;
  }
  return out.join("\n");
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  try {
    // Loaded on demand: most imports are text, and the CLI starts faster without it.
    const { default: mammoth } = await import("mammoth");
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return docxHtmlToText(value);
  } catch (err) {
    throw new UnreadableDocumentError("docx", (err as Error).message);
  }
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (err) {
    throw new UnreadableDocumentError("pdf", (err as Error).message);
  }
  const text = pages.join("\n");
  if (text.replace(/\s+/g, "") === "") throw new NoTextLayerError();
  return text;
}

export async function readDocument(bytes: Uint8Array, fileName?: string): Promise<ReadDocument> {
  const format = sniffFormat(bytes, fileName);
  if (format === "docx") return { text: await readDocx(bytes), format, encoding: "Unicode (docx)" };
  if (format === "pdf") return { text: await readPdf(bytes), format, encoding: "Unicode (pdf)" };
  const { text, encoding } = decodeText(bytes);
  return { text, format, encoding };
}
