// formatReport: writes a ParsedReport in the official published layout (the sample's, by default with its half-width brackets); parseReport(formatReport(r)) gives back r's structure and texts for any r that parseReport can produce.
import type { ParsedReport } from "./report-types.ts";
import type { Brackets } from "./fixed-text.ts";
import { blocksText, reportBlocks } from "./report-blocks.ts";

export interface FormatOptions {
  /** "half": (一) (1) as in the sample; "full": （一）（1） as in most printed reports. */
  brackets?: Brackets;
}

export function formatReport(r: ParsedReport, options: FormatOptions = {}): string {
  return blocksText(reportBlocks(r, options.brackets ?? "half"));
}
