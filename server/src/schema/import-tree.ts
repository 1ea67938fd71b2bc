// GraphQL types of what an import read, for the review screen: warnings, skipped lines, line roles, layout, summary figures and
// the parsed tree (problems with status, measures with sub-points). Read-only views of ImportSummary.
import { builder } from "../builder.ts";
import type { ImportSummary } from "../queries/import-report.ts";
import type {
  ImportWarning,
  ParsedMeasure,
  ParsedProblem,
  ReportLayout,
  SkippedLine,
  SummaryFigures,
} from "../importer/report-types.ts";

const WarningCodeEnum = builder.enumType("ImportWarningCode", {
  description: "Why an import needs review before it counts.",
  values: {
    SUMMARY_MISMATCH: { description: "The report's own summary figures disagree with what was read" },
    BODY_LINE_SKIPPED: { description: "A skipped line reads like report text" },
    STATUS_NOT_STATED: {
      description: "Neither a section, a status column nor the problem's own words state its status",
    },
    UNMATCHED_PROBLEM: { description: "A later report's problem matches no existing problem of the inspection" },
    POSSIBLE_DUPLICATE_INSPECTION: { description: "The report would start a second inspection beside a similar one" },
  } as const,
});

const StatusEnum = builder.enumType("ImportedStatus", {
  description: "A parsed problem's status as the report states it",
  values: { COMPLETED: {}, CONTINUING: {}, NOT_STATED: { description: "The report does not say" } } as const,
});

export const ImportWarningRef = builder.objectRef<ImportWarning>("ImportWarning").implement({
  description: "Something the importer could not fully account for; a real import needs acceptWarnings",
  fields: (t) => ({
    code: t.field({ type: WarningCodeEnum, resolve: (w) => w.code }),
    line: t.exposeInt("line", { nullable: true, description: "1-based source line; null for the report as a whole" }),
    message: t.exposeString("message"),
  }),
});

const SkippedRef = builder.objectRef<SkippedLine>("ImportSkippedLine").implement({
  description: "A source line the importer did not use, with why",
  fields: (t) => ({
    line: t.exposeInt("line"),
    text: t.exposeString("text"),
    reason: t.exposeString("reason", { description: "page-furniture | unplaced" }),
  }),
});

const LineRoleRef = builder.objectRef<{ line: number; role: string }>("ImportLineRole").implement({
  description: "What a used source line is: title, header, part, section, category, problem, body, measure, status, …",
  fields: (t) => ({ line: t.exposeInt("line"), role: t.exposeString("role") }),
});

export const LayoutRef = builder.objectRef<ReportLayout>("ImportLayout").implement({
  description: "The structure recognised from the headings present",
  fields: (t) => ({
    parts: t.exposeStringList("parts"),
    sections: t.exposeBoolean("sections"),
    categories: t.exposeBoolean("categories"),
    problemMarker: t.exposeString("problemMarker", { nullable: true }),
    joinedWrappedLines: t.exposeInt("joinedWrappedLines"),
  }),
});

const FiguresRef = builder.objectRef<SummaryFigures>("ImportSummaryFigures").implement({
  description: "Figures the report states about itself (absent ones are null).",
  fields: (t) => ({
    feedback: t.int({ nullable: true, resolve: (s) => s.feedback ?? null }),
    categories: t.int({ nullable: true, resolve: (s) => s.categories ?? null }),
    completed: t.int({ nullable: true, resolve: (s) => s.completed ?? null }),
    inProgress: t.int({ nullable: true, resolve: (s) => s.inProgress ?? null }),
    notCompleted: t.int({ nullable: true, resolve: (s) => s.notCompleted ?? null }),
    completionRate: t.float({ nullable: true, resolve: (s) => s.completionRate ?? null }),
  }),
});

const MeasureRef = builder.objectRef<ParsedMeasure>("ImportedMeasure").implement({
  description: "A measure as parsed from the report (not yet stored)",
  fields: (t) => ({
    number: t.exposeInt("number"),
    numbered: t.exposeBoolean("numbered"),
    text: t.exposeString("text"),
    subPoints: t.exposeStringList("subPoints"),
    line: t.exposeInt("line"),
  }),
});

const ProblemRef = builder.objectRef<ParsedProblem>("ImportedProblem");
ProblemRef.implement({
  description: "A problem as parsed from the report (not yet stored)",
  fields: (t) => ({
    number: t.exposeInt("number"),
    title: t.exposeString("title"),
    status: t.field({ type: StatusEnum, resolve: (p) => p.status }),
    statusFrom: t.exposeString("statusFrom", { nullable: true }),
    category: t.exposeString("category", { nullable: true }),
    body: t.exposeString("body"),
    line: t.exposeInt("line"),
    measures: t.field({ type: [MeasureRef], resolve: (p) => p.measures }),
    children: t.field({ type: [ProblemRef], resolve: (p) => p.children }),
  }),
});

/** ImportSummary, implemented in import.ts; its review fields are added here. */
export const ImportSummaryRef = builder.objectRef<ImportSummary>("ImportSummary");

builder.objectFields(ImportSummaryRef, (t) => ({
  imported: t.exposeBoolean("imported", { description: "Whether this call wrote the report" }),
  needsReview: t.exposeBoolean("needsReview", {
    description: "Warnings stopped the import; import again with acceptWarnings after reviewing them",
  }),
  format: t.string({ resolve: (s) => s.format }),
  encoding: t.string({ resolve: (s) => s.encoding }),
  title: t.string({ nullable: true, resolve: (s) => s.parsed.title }),
  layout: t.field({ type: LayoutRef, resolve: (s) => s.parsed.layout }),
  warnings: t.field({ type: [ImportWarningRef], resolve: (s) => s.warnings }),
  skipped: t.field({ type: [SkippedRef], resolve: (s) => s.parsed.skipped }),
  lineRoles: t.field({ type: [LineRoleRef], resolve: (s) => s.parsed.lineRoles }),
  sourceLines: t.stringList({ description: "The text read, one entry per source line", resolve: (s) => s.sourceLines }),
  summaryFigures: t.field({ type: FiguresRef, resolve: (s) => s.parsed.summary }),
  tree: t.field({ type: [ProblemRef], resolve: (s) => s.parsed.problems }),
  startDate: t.string({ nullable: true, resolve: (s) => s.inspection.startDate }),
  endDate: t.string({ nullable: true, resolve: (s) => s.inspection.endDate }),
  feedbackDate: t.string({ nullable: true, resolve: (s) => s.inspection.feedbackDate }),
  kind: t.string({ resolve: (s) => s.inspection.kind }),
}));
