// Finds a ledger's header row and what each column means, from the names offices give them (序号; 反馈问题 /
// 问题内容 / 存在问题; 整改措施 / 整改任务 / 具体措施; …); pure. Invariants: an exact name beats a name that merely
// contains a synonym, the longer synonym wins, each field is taken by its first column only, and the user's
// corrections (by header text) override detection.
import {
  IGNORE,
  LEDGER_FIELDS,
  type CellValue,
  type ColumnField,
  type ColumnMapping,
  type DetectedColumn,
} from "./types.ts";

/** Synonyms per field, most specific first. The export's own headers are among them (round trip). */
export const SYNONYMS: Record<ColumnField, readonly string[]> = {
  number: ["序号", "编号", "问题编号", "问题序号", "问题号"],
  category: ["方面", "问题类别", "问题类型", "类别", "所属方面", "问题方面"],
  problem: [
    "反馈问题",
    "问题内容",
    "存在问题",
    "问题",
    "问题描述",
    "问题清单",
    "反馈意见",
    "巡察反馈问题",
    "巡视反馈问题",
  ],
  section: ["部分", "所属部分"],
  measureNumber: ["措施编号", "措施序号", "任务编号"],
  measure: ["整改措施", "整改任务", "具体措施", "措施内容", "整改举措", "措施", "整改措施及任务", "整改目标及措施"],
  leadLeader: ["牵头领导", "责任领导", "分管领导", "牵头市领导", "牵头校领导", "包保领导", "责任人"],
  responsibleUnit: ["责任单位", "牵头单位", "责任部门", "牵头部门", "责任主体"],
  participants: ["配合单位", "参与单位", "协办单位", "配合部门", "参与部门", "协同单位"],
  deadline: ["完成时限", "整改时限", "完成时间", "时间节点", "整改期限", "完成期限", "时限"],
  progress: ["整改进展", "进展情况", "最近进展", "整改情况", "整改落实情况", "推进情况", "进展"],
  status: ["完成情况", "整改状态", "是否完成", "状态", "完成状态", "整改结果"],
  remarks: ["备注", "说明"],
  // Derived columns of the export: known, read by nobody.
  ignore: ["最近核查", "销号状态"],
};

/** Fields the import writes; progress and remarks are shown in the preview only (progress is reported by units). */
export const WRITTEN = new Set<ColumnField>(LEDGER_FIELDS.filter((f) => f !== "progress" && f !== "remarks"));

/** Header text as compared: no spaces, line breaks or bracketed notes (完成时限（时间节点） → 完成时限). */
export function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s\u3000:：*＊]/g, "")
    .trim();
}

export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** The field a header names, or null. */
export function detectField(header: string): ColumnField | null {
  const key = headerKey(header);
  if (!key) return null;
  let best: { field: ColumnField; score: number } | null = null;
  for (const [field, names] of Object.entries(SYNONYMS) as [ColumnField, readonly string[]][]) {
    for (const name of names) {
      const score = key === name ? 1000 : key.includes(name) ? name.length : 0;
      if (score > (best?.score ?? 0)) best = { field, score };
    }
  }
  return best?.field ?? null;
}

/** How many scanned rows may sit above the header (titles, notes, a blank line). */
export const HEADER_SCAN_ROWS = 15;

/**
 * The 1-based header row: among the first rows, the first one naming a problem or measure column and at least
 * one other known column; the one naming most fields wins when several rows qualify within the scan.
 */
export function findHeaderRow(rows: CellValue[][]): number | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const fields = new Set(
      (rows[r] ?? [])
        .filter((c) => typeof c === "string")
        .map((c) => detectField(c as string))
        .filter((f): f is ColumnField => f !== null && f !== IGNORE),
    );
    if (!(fields.has("problem") || fields.has("measure")) || fields.size < 2) continue;
    if (!best || fields.size > best.score) best = { row: r + 1, score: fields.size };
  }
  return best?.row ?? null;
}

/** The columns of a header row, detected then corrected by `mapping`; later duplicates of a field are dropped. */
export function detectColumns(
  header: CellValue[],
  mapping: ColumnMapping = [],
): {
  columns: DetectedColumn[];
  duplicates: DetectedColumn[];
} {
  const byHeader = new Map(mapping.map((m) => [headerKey(m.header), m.field]));
  const taken = new Set<ColumnField>();
  const columns: DetectedColumn[] = [];
  const duplicates: DetectedColumn[] = [];
  header.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text) return;
    const detected = detectField(text);
    const chosen = byHeader.has(headerKey(text)) ? byHeader.get(headerKey(text))! : detected;
    const column: DetectedColumn = { index: i + 1, header: text, field: chosen, detected, imported: false };
    if (chosen && chosen !== IGNORE && taken.has(chosen)) {
      duplicates.push(column);
      column.field = null;
    } else if (chosen) taken.add(chosen);
    column.imported = column.field !== null && WRITTEN.has(column.field);
    columns.push(column);
  });
  return { columns, duplicates };
}
