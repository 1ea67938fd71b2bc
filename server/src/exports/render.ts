// One entry point per export for the CLI and HTTP alike: the report in a format, the ledger workbook, their MIME types and download names. Invariant: the txt export is formatReport's output byte for byte (UTF-8, "\n" line ends), the official format the importer reads.
import type { PrismaClient } from "../db.ts";
import type { ParsedReport } from "../importer/report-types.ts";
import { formatReport } from "../importer/format-report.ts";
import type { ReportFormat } from "./cli-args.ts";
import type { ProgressFn } from "./load-inspection.ts";
import { reportToDocx } from "./report-docx.ts";
import { reportToHtml } from "./report-html.ts";
import { reportFromDb, type ReportExport, type ReportExportOptions } from "./report-from-db.ts";
import { ledgerFromDb, type LedgerExport } from "./ledger-rows.ts";
import { ledgerToXlsx } from "./ledger-xlsx.ts";
import { ledgerTitle } from "../ledger-sheet/inspection-title.ts";

export const CONTENT_TYPES = {
  txt: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function renderReport(r: ParsedReport, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case "txt":
      return Buffer.from(formatReport(r), "utf8");
    case "html":
      return Buffer.from(reportToHtml(r), "utf8");
    case "docx":
      return reportToDocx(r);
  }
}

export interface RenderedReport extends ReportExport {
  body: Buffer;
}

export async function exportReport(
  prisma: PrismaClient,
  format: ReportFormat,
  opts: ReportExportOptions = {},
): Promise<RenderedReport> {
  const built = await reportFromDb(prisma, opts);
  return { ...built, body: await renderReport(built.report, format) };
}

export interface RenderedLedger extends LedgerExport {
  body: Buffer;
}

export async function exportLedger(
  prisma: PrismaClient,
  opts: { inspectionId?: string; onProgress?: ProgressFn; now?: Date } = {},
): Promise<RenderedLedger> {
  const built = await ledgerFromDb(prisma, opts);
  // The import reads the inspection back from this title (ledger-sheet/inspection-title.ts).
  const title = ledgerTitle(built.inspection.team, built.inspection.inspectedBody);
  return { ...built, body: await ledgerToXlsx(built.rows, { title, now: opts.now }) };
}

/** Characters no file system or browser accepts in a name; controls are dropped too. */
const UNSAFE = /[\\/:*?"<>|]/g;
const printable = (s: string) => [...s].filter((c) => c.charCodeAt(0) >= 0x20 && c !== "\u007f").join("");

/** "巡视整改进展情况-常熟市-2024-03-15.docx": what a download is saved as. */
export function downloadName(kind: "report" | "ledger", inspectedBody: string, date: string, ext: string): string {
  const what = kind === "report" ? "整改进展情况" : "整改台账";
  const body = printable(inspectedBody.replace(UNSAFE, "")).trim().slice(0, 60);
  return `${what}-${body ? `${body}-` : ""}${date}.${ext}`;
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients, and the real (Chinese) name as
 * RFC 5987 UTF-8 in filename*, which every current browser prefers.
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
