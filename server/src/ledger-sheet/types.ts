// Shapes of a parsed rectification ledger spreadsheet (整改台账); pure data, no database types.
// Invariant: every data row below a header is listed in `rows` with its outcome, so nothing is silently dropped.
import type { RectStatus, Section } from "../generated/prisma/enums.ts";

/** What a column of the ledger means. */
export const LEDGER_FIELDS = [
  "number",
  "category",
  "problem",
  "section",
  "measureNumber",
  "measure",
  "leadLeader",
  "responsibleUnit",
  "participants",
  "deadline",
  "progress",
  "status",
  "remarks",
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** A column the user chose to ignore, or one known to be derived (e.g. the export's 最近核查). */
export const IGNORE = "ignore" as const;
export type ColumnField = LedgerField | typeof IGNORE;

/** A cell as read from either format: text, a real date (UTC midnight), a number, or nothing. */
export type CellValue = string | number | Date | null;

/** One sheet of the file as a grid; `master` gives the top-left cell of a merged range (1-based). */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  master?: (row: number, col: number) => { row: number; col: number } | null;
}

export interface DetectedColumn {
  /** 1-based column number. */
  index: number;
  header: string;
  /** The field used (after the user's corrections). */
  field: ColumnField | null;
  /** The field detected from the header text alone. */
  detected: ColumnField | null;
  /** Whether the import writes this column (progress and remarks are shown, not written). */
  imported: boolean;
}

export type Deadline =
  { kind: "date"; day: string } | { kind: "longTerm" } | { kind: "none" } | { kind: "unreadable"; text: string };

export interface SheetPerson {
  name: string;
  post: string | null;
}

export interface SheetMeasure {
  sheet: string;
  row: number;
  number: number;
  numbered: boolean;
  text: string;
  leadLeader: SheetPerson | null;
  responsibleUnit: string | null;
  participants: string[];
  deadline: Deadline;
  progress: string | null;
  status: RectStatus | null;
  remarks: string | null;
}

export interface SheetProblem {
  sheet: string;
  row: number;
  number: number;
  title: string;
  titleKey: string;
  body: string;
  category: string | null;
  section: Section;
  /** Whether a 部分 column stated the section (else it follows the measures' statuses). */
  sectionGiven: boolean;
  measures: SheetMeasure[];
}

export type RowOutcome = "measure" | "blank" | "header" | "category" | "skipped";

export interface RowAccount {
  sheet: string;
  row: number;
  outcome: RowOutcome;
  /** For a measure row: indexes into `problems` and its `measures`. */
  problem?: number;
  measure?: number;
  note?: string;
}

export const WARNING_CODES = [
  "UNKNOWN_COLUMN",
  "DUPLICATE_COLUMN",
  "UNREADABLE_DATE",
  "EMPTY_MEASURE",
  "UNKNOWN_STATUS",
  "SEVERAL_LEADERS",
  "SKIPPED_ROW",
  "SKIPPED_SHEET",
  "UNKNOWN_SECTION",
  "DUPLICATE_NUMBER",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface LedgerWarning {
  code: WarningCode;
  sheet: string;
  /** 1-based row of the sheet, when the warning is about one row. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface SheetSummary {
  name: string;
  /** 1-based header row, or null when the sheet had none and was skipped. */
  headerRow: number | null;
  title: string | null;
  columns: DetectedColumn[];
  dataRows: number;
}

export interface InspectionGuess {
  team: string;
  inspectedBody: string;
  kind: string;
}

export interface ParsedLedger {
  format: "xlsx" | "csv";
  encoding: string | null;
  sheets: SheetSummary[];
  problems: SheetProblem[];
  rows: RowAccount[];
  warnings: LedgerWarning[];
  /** The first title line found above a header (e.g. 市财政局落实市委第二巡察组反馈意见整改台账). */
  title: string | null;
  inspection: InspectionGuess | null;
}

/** The user's corrections: a header text (as shown) → the field it means, or "ignore". */
export type ColumnMapping = ReadonlyArray<{ header: string; field: ColumnField }>;

export const SHEET_ERROR_REASONS = [
  "NO_HEADER",
  "MISSING_COLUMN",
  "PASSWORD_PROTECTED",
  "CORRUPT",
  "UNSUPPORTED_FORMAT",
  "EMPTY",
  "TOO_LARGE",
] as const;
export type SheetErrorReason = (typeof SHEET_ERROR_REASONS)[number];

/** Thrown by the pure parser; the service turns it into the catalogue's SpreadsheetError. */
export class SheetParseError extends Error {
  constructor(
    readonly reason: SheetErrorReason,
    message: string,
  ) {
    super(message);
  }
}
