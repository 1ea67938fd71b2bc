// The official report as typed blocks for the .docx and HTML renderers (built by importer/report-blocks.ts, the same
// walk that writes the plain text), plus the page title and language the printed text leaves implicit.
import type { ParsedReport } from "../importer/report-types.ts";

export { blocksText, reportBlocks, type Block, type BlockKind } from "../importer/report-blocks.ts";

/** The report's title, which the official text leaves to the page: "<issuer>关于巡视整改进展情况的通报". */
export function reportTitle(r: ParsedReport): string {
  const who = r.issuer ?? r.header.inspectedBody ?? "";
  const kind = r.script === "traditional" ? r.header.kind.replace("巡视", "巡視") : r.header.kind;
  return r.script === "traditional" ? `${who}關于${kind}整改進展情況的通報` : `${who}关于${kind}整改进展情况的通报`;
}

/** HTML lang / document language of the report's script. */
export function reportLang(r: ParsedReport): "zh-CN" | "zh-TW" {
  return r.script === "traditional" ? "zh-TW" : "zh-CN";
}
