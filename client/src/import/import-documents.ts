// GraphQL documents of the import screens (checked by hand against server/schema.graphql: importReport, importLedger)
// and the shapes they answer with. Both mutations are stateless: the preview and the import send the same file.
import { ERROR_FIELDS } from "../supervision/typed-result.ts";

export type ImportedStatus = "COMPLETED" | "CONTINUING" | "NOT_STATED";

export interface ImportedMeasure {
  line: number;
  number: number;
  numbered: boolean;
  subPoints: string[];
  text: string;
}
export interface ImportedProblem {
  line: number;
  number: number;
  title: string;
  body: string;
  category: string | null;
  status: ImportedStatus;
  statusFrom: string | null;
  measures: ImportedMeasure[];
  children: ImportedProblem[];
}
export interface ImportWarning {
  code: string;
  line: number | null;
  message: string;
}
export interface SummaryFigures {
  feedback: number | null;
  categories: number | null;
  completed: number | null;
  inProgress: number | null;
  notCompleted: number | null;
  completionRate: number | null;
}
export interface ReportSummary {
  __typename: "ImportSummary";
  imported: boolean;
  needsReview: boolean;
  dryRun: boolean;
  alreadyImported: boolean;
  format: string;
  encoding: string;
  title: string | null;
  team: string;
  inspectedBody: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  feedbackDate: string | null;
  reportDate: string | null;
  issuer: string | null;
  problems: number;
  measures: number;
  completed: number;
  continuing: number;
  created: { problems: number; measures: number };
  updated: { problems: number; measures: number };
  statusChanges: number;
  layout: { parts: string[]; sections: boolean; categories: boolean; problemMarker: string | null };
  lineRoles: { line: number; role: string }[];
  skipped: { line: number; reason: string; text: string }[];
  sourceLines: string[];
  summaryFigures: SummaryFigures;
  tree: ImportedProblem[];
  warnings: ImportWarning[];
}

const MEASURE = "line number numbered subPoints text";
const PROBLEM = `line number title body category status statusFrom measures { ${MEASURE} }`;
// The tree nests problems (sub-problems 1.1 …) two levels deep in real reports; three are asked for.
const TREE = `${PROBLEM} children { ${PROBLEM} children { ${PROBLEM} } }`;

export const IMPORT_REPORT = `mutation ImportReport($text: String, $fileBase64: String, $fileName: String,
  $dryRun: Boolean, $acceptWarnings: Boolean) {
  importReport(text: $text, fileBase64: $fileBase64, fileName: $fileName, dryRun: $dryRun, acceptWarnings: $acceptWarnings) {
    ${ERROR_FIELDS}
    ... on ImportParseError { line expected found }
    ... on ImportFileError { reason }
    ... on ImportSummary {
      imported needsReview dryRun alreadyImported format encoding title team inspectedBody kind
      startDate endDate feedbackDate reportDate issuer problems measures completed continuing
      created { problems measures } updated { problems measures } statusChanges
      layout { parts sections categories problemMarker }
      lineRoles { line role } skipped { line reason text } sourceLines
      summaryFigures { feedback categories completed inProgress notCompleted completionRate }
      tree { ${TREE} }
      warnings { code line message }
    }
  }
}`;

export type LedgerField =
  | "CATEGORY"
  | "DEADLINE"
  | "IGNORE"
  | "LEAD_LEADER"
  | "MEASURE"
  | "MEASURE_NUMBER"
  | "NUMBER"
  | "PARTICIPANTS"
  | "PROBLEM"
  | "PROGRESS"
  | "REMARKS"
  | "RESPONSIBLE_UNIT"
  | "SECTION"
  | "STATUS";
export const LEDGER_FIELDS: readonly LedgerField[] = [
  "NUMBER",
  "CATEGORY",
  "PROBLEM",
  "MEASURE_NUMBER",
  "MEASURE",
  "LEAD_LEADER",
  "RESPONSIBLE_UNIT",
  "PARTICIPANTS",
  "DEADLINE",
  "PROGRESS",
  "STATUS",
  "SECTION",
  "REMARKS",
  "IGNORE",
];

export interface LedgerColumn {
  index: number;
  header: string;
  field: LedgerField | null;
  detected: LedgerField | null;
  imported: boolean;
}
export interface LedgerWarning {
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}
export interface LedgerMeasure {
  row: number;
  sheet: string;
  number: number;
  text: string;
  leadLeader: string | null;
  responsibleUnit: string | null;
  participants: string[];
  deadline: string | null;
  deadlineUnreadable: string | null;
  longTerm: boolean;
  status: string | null;
  progress: string | null;
  remarks: string | null;
}
export interface LedgerProblem {
  row: number;
  sheet: string;
  number: number;
  title: string;
  category: string | null;
  section: "COMPLETED" | "CONTINUING";
  measures: LedgerMeasure[];
}
export interface LedgerSummary {
  __typename: "LedgerImportSummary";
  dryRun: boolean;
  written: boolean;
  format: string;
  encoding: string | null;
  title: string | null;
  inspectionId: string | null;
  team: string;
  inspectedBody: string;
  inspectionCreated: boolean;
  sheets: { name: string; title: string | null; headerRow: number | null; dataRows: number; columns: LedgerColumn[] }[];
  rows: { total: number; measure: number; category: number; header: number; blank: number; skipped: number };
  problemCount: number;
  measureCount: number;
  problems: LedgerProblem[];
  warnings: LedgerWarning[];
  created: { problems: number; measures: number; people: number; units: number };
  updated: { problems: number; measures: number };
  unchanged: { problems: number; measures: number };
}

const WARNING = "code sheet row column message";
export const IMPORT_LEDGER = `mutation ImportLedger($file: String!, $fileName: String!, $dryRun: Boolean,
  $acceptWarnings: Boolean, $mapping: [LedgerColumnMappingInput!], $inspectionId: ID, $inspection: LedgerInspectionInput) {
  importLedger(file: $file, fileName: $fileName, dryRun: $dryRun, acceptWarnings: $acceptWarnings, mapping: $mapping,
    inspectionId: $inspectionId, inspection: $inspection) {
    ${ERROR_FIELDS}
    ... on SpreadsheetError { reason }
    ... on WarningsNotAcceptedError { warnings { ${WARNING} } }
    ... on LedgerImportSummary {
      dryRun written format encoding title inspectionId team inspectedBody inspectionCreated
      sheets { name title headerRow dataRows columns { index header field detected imported } }
      rows { total measure category header blank skipped }
      problemCount measureCount
      problems { row sheet number title category section measures {
        row sheet number text leadLeader responsibleUnit participants deadline deadlineUnreadable longTerm status
        progress remarks } }
      warnings { ${WARNING} }
      created { problems measures people units } updated { problems measures } unchanged { problems measures }
    }
  }
}`;
