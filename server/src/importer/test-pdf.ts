// Test-only: writes text into a PDF with a real text layer (Noto Sans CJK from fonts-noto-cjk, subset), hard-wrapped at `width`
// characters the way PDF copies of reports are, and a PDF with no text at all (what a scan looks like to a text extractor).
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";

const FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/** Lines longer than `width` characters wrap onto the next line; 40 lines per page. */
export async function textPdf(text: string, width = 30): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The font file is a collection: pick its Simplified Chinese face by PostScript name.
  doc.registerFontkit({ create: (b: Uint8Array) => fontkit.create(b, "NotoSansCJKsc-Regular") } as typeof fontkit);
  const font = await doc.embedFont(readFileSync(FONT), { subset: true });
  const rows: string[] = [];
  for (const para of text.split("\n")) {
    for (let i = 0; i < Math.max(para.length, 1); i += width) rows.push(para.slice(i, i + width));
  }
  for (let p = 0; p < rows.length; p += 40) {
    const page = doc.addPage([595, 842]);
    rows.slice(p, p + 40).forEach((row, i) => page.drawText(row, { x: 40, y: 800 - i * 19, size: 15, font }));
    page.drawText(`- ${p / 40 + 1} -`, { x: 280, y: 20, size: 10, font });
  }
  return doc.save();
}

/** A page with a drawn shape and no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return doc.save();
}
