// GraphQL documents of the import screens (typed from server/schema.graphql by graphql(): importReport, importLedger)
// and the shapes they answer with. Both mutations are stateless: the preview and the import send the same file.
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export type ImportedStatus = "COMPLETED" | "CONTINUING" | "NOT_STATED";

/** A problem of the parsed tree: the document asks for three levels; the screens walk any depth. */
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

const MEASURE = graphql(`
  fragment ImportedMeasure on ImportedMeasure {
    line
    number
    numbered
    subPoints
    text
  }
`);
const PROBLEM = graphql(
  `
    fragment ImportedProblem on ImportedProblem {
      line
      number
      title
      body
      category
      status
      statusFrom
      measures {
        ...ImportedMeasure
      }
    }
  `,
  [MEASURE],
);
export type ImportedMeasure = ResultOf<typeof MEASURE>;

export const IMPORT_REPORT = graphql(
  `
    mutation ImportReport(
      $text: String
      $fileBase64: String
      $fileName: String
      $dryRun: Boolean
      $acceptWarnings: Boolean
    ) {
      importReport(
        text: $text
        fileBase64: $fileBase64
        fileName: $fileName
        dryRun: $dryRun
        acceptWarnings: $acceptWarnings
      ) {
        __typename
        ...ErrorFields
        ... on ImportParseError {
          line
          expected
          found
        }
        ... on ImportFileError {
          reason
        }
        ... on ImportSummary {
          imported
          needsReview
          dryRun
          alreadyImported
          format
          encoding
          title
          team
          inspectedBody
          kind
          startDate
          endDate
          feedbackDate
          reportDate
          issuer
          problems
          measures
          completed
          continuing
          created {
            problems
            measures
          }
          updated {
            problems
            measures
          }
          statusChanges
          layout {
            parts
            sections
            categories
            problemMarker
          }
          lineRoles {
            line
            role
          }
          skipped {
            line
            reason
            text
          }
          sourceLines
          summaryFigures {
            feedback
            categories
            completed
            inProgress
            notCompleted
            completionRate
          }
          tree {
            ...ImportedProblem
            children {
              ...ImportedProblem
              children {
                ...ImportedProblem
              }
            }
          }
          warnings {
            code
            line
            message
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT, PROBLEM],
);
type ReportAnswer = ResultOf<typeof IMPORT_REPORT>["importReport"];
type ParsedSummary = Extract<ReportAnswer, { __typename: "ImportSummary" }>;
/** The summary with its tree read as the recursive ImportedProblem (the assignment below checks they agree). */
export type ReportSummary = Omit<ParsedSummary, "tree"> & { tree: ImportedProblem[] };
export type ImportWarning = ReportSummary["warnings"][number];
export type SummaryFigures = ReportSummary["summaryFigures"];
export const asReportSummary = (s: ParsedSummary): ReportSummary => s;

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

const WARNING = graphql(`
  fragment LedgerWarning on LedgerWarning {
    code
    sheet
    row
    column
    message
  }
`);
export type LedgerWarning = ResultOf<typeof WARNING>;

export const IMPORT_LEDGER = graphql(
  `
    mutation ImportLedger(
      $file: String!
      $fileName: String!
      $dryRun: Boolean
      $acceptWarnings: Boolean
      $mapping: [LedgerColumnMappingInput!]
      $inspectionId: ID
      $inspection: LedgerInspectionInput
    ) {
      importLedger(
        file: $file
        fileName: $fileName
        dryRun: $dryRun
        acceptWarnings: $acceptWarnings
        mapping: $mapping
        inspectionId: $inspectionId
        inspection: $inspection
      ) {
        __typename
        ...ErrorFields
        ... on SpreadsheetError {
          reason
        }
        ... on WarningsNotAcceptedError {
          warnings {
            ...LedgerWarning
          }
        }
        ... on LedgerImportSummary {
          dryRun
          written
          format
          encoding
          title
          inspectionId
          team
          inspectedBody
          inspectionCreated
          sheets {
            name
            title
            headerRow
            dataRows
            columns {
              index
              header
              field
              detected
              imported
            }
          }
          rows {
            total
            measure
            category
            header
            blank
            skipped
          }
          problemCount
          measureCount
          problems {
            row
            sheet
            number
            title
            category
            section
            measures {
              row
              sheet
              number
              text
              leadLeader
              responsibleUnit
              participants
              deadline
              deadlineUnreadable
              longTerm
              status
              progress
              remarks
            }
          }
          warnings {
            ...LedgerWarning
          }
          created {
            problems
            measures
            people
            units
          }
          updated {
            problems
            measures
          }
          unchanged {
            problems
            measures
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT, WARNING],
);
export type LedgerSummary = Extract<
  ResultOf<typeof IMPORT_LEDGER>["importLedger"],
  { __typename: "LedgerImportSummary" }
>;
export type LedgerColumn = LedgerSummary["sheets"][number]["columns"][number];
export type LedgerProblem = LedgerSummary["problems"][number];
export type LedgerMeasure = LedgerProblem["measures"][number];
