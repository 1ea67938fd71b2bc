// importLedger: supervisors and admins import a rectification ledger spreadsheet (整改台账, .xlsx or .csv). The
// file travels base64-encoded inside the mutation (at most 10 MB): a preview (dryRun) and the confirmed import are
// then the same stateless call with the same file and column corrections, guarded and audited like every other
// mutation, with no upload left half-finished on the server between the two.
import { z } from "zod";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { NotFoundError, SpreadsheetError, ValidationError, WarningsNotAcceptedError } from "../errors.ts";
import { importLedger, type LedgerImportSummary } from "../queries/import-ledger.ts";
import {
  IGNORE,
  LEDGER_FIELDS,
  type ColumnField,
  type DetectedColumn,
  type LedgerWarning,
} from "../ledger-sheet/types.ts";
import type { SheetMeasure, SheetProblem, SheetSummary } from "../ledger-sheet/types.ts";
import { ErrorInterface } from "./errors.ts";
import { RectStatusEnum, SectionEnum } from "./enums.ts";
import { decodeId } from "./ids.ts";

const MAX_BASE64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

const toEnum = (f: ColumnField) => f.replace(/([A-Z])/g, "_$1").toUpperCase();
const FIELDS = [...LEDGER_FIELDS, IGNORE] as ColumnField[];
const FIELD_BY_ENUM = new Map(FIELDS.map((f) => [toEnum(f), f]));

const LedgerColumnFieldEnum = builder.enumType("LedgerColumnField", {
  description: "What a column of a ledger spreadsheet means; IGNORE leaves it out.",
  values: FIELDS.map(toEnum) as [string, ...string[]],
});

builder.objectType(SpreadsheetError, {
  name: "SpreadsheetError",
  description:
    "The spreadsheet cannot be imported: `reason` is NO_HEADER, MISSING_COLUMN, PASSWORD_PROTECTED, CORRUPT, UNSUPPORTED_FORMAT, EMPTY or TOO_LARGE.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof SpreadsheetError,
  fields: (t) => ({ reason: t.exposeString("reason") }),
});

const WarningRef = builder.objectRef<LedgerWarning>("LedgerWarning").implement({
  description: "Something in the spreadsheet that the import cannot take fully; it must be accepted to import.",
  fields: (t) => ({
    code: t.exposeString("code"),
    sheet: t.exposeString("sheet"),
    row: t.exposeInt("row", { nullable: true }),
    column: t.exposeString("column", { nullable: true }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(WarningsNotAcceptedError, {
  name: "WarningsNotAcceptedError",
  description: "The import has warnings that were not accepted: nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof WarningsNotAcceptedError,
  fields: (t) => ({ warnings: t.field({ type: [WarningRef], resolve: (e) => e.warnings as LedgerWarning[] }) }),
});

const ColumnRef = builder.objectRef<DetectedColumn>("LedgerColumn").implement({
  description: "A column of the header row, what it was detected as and what is used.",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "1-based" }),
    header: t.exposeString("header"),
    field: t.field({ type: LedgerColumnFieldEnum, nullable: true, resolve: (c) => (c.field ? toEnum(c.field) : null) }),
    detected: t.field({
      type: LedgerColumnFieldEnum,
      nullable: true,
      resolve: (c) => (c.detected ? toEnum(c.detected) : null),
    }),
    imported: t.exposeBoolean("imported", { description: "false: shown only (progress, remarks) or ignored" }),
  }),
});

const SheetRef = builder.objectRef<SheetSummary>("LedgerSheet").implement({
  description: "A worksheet: where its header was found and its columns (no header: skipped with a warning).",
  fields: (t) => ({
    name: t.exposeString("name"),
    headerRow: t.exposeInt("headerRow", { nullable: true }),
    title: t.exposeString("title", { nullable: true }),
    dataRows: t.exposeInt("dataRows"),
    columns: t.field({ type: [ColumnRef], resolve: (s) => s.columns }),
  }),
});

const MeasureRef = builder.objectRef<SheetMeasure>("LedgerSheetMeasure").implement({
  description: "A measure as read from one row.",
  fields: (t) => ({
    sheet: t.exposeString("sheet"),
    row: t.exposeInt("row"),
    number: t.exposeInt("number"),
    text: t.exposeString("text"),
    leadLeader: t.string({ nullable: true, resolve: (m) => m.leadLeader?.name ?? null }),
    responsibleUnit: t.exposeString("responsibleUnit", { nullable: true }),
    participants: t.exposeStringList("participants"),
    deadline: t.string({
      nullable: true,
      description: "YYYY-MM-DD",
      resolve: (m) => (m.deadline.kind === "date" ? m.deadline.day : null),
    }),
    longTerm: t.boolean({ description: "长期坚持: no date", resolve: (m) => m.deadline.kind === "longTerm" }),
    deadlineUnreadable: t.string({
      nullable: true,
      resolve: (m) => (m.deadline.kind === "unreadable" ? m.deadline.text : null),
    }),
    status: t.field({ type: RectStatusEnum, nullable: true, resolve: (m) => m.status }),
    progress: t.exposeString("progress", { nullable: true }),
    remarks: t.exposeString("remarks", { nullable: true }),
  }),
});

const ProblemRef = builder.objectRef<SheetProblem>("LedgerSheetProblem").implement({
  description: "A problem as read from the spreadsheet, with its measures.",
  fields: (t) => ({
    sheet: t.exposeString("sheet"),
    row: t.exposeInt("row"),
    number: t.exposeInt("number"),
    title: t.exposeString("title"),
    category: t.exposeString("category", { nullable: true }),
    section: t.field({ type: SectionEnum, resolve: (p) => p.section }),
    measures: t.field({ type: [MeasureRef], resolve: (p) => p.measures }),
  }),
});

type Counts = { problems: number; measures: number };
const CountsRef = builder.objectRef<Counts>("LedgerImportCounts").implement({
  description: "Problems and measures counted in a ledger import.",
  fields: (t) => ({ problems: t.exposeInt("problems"), measures: t.exposeInt("measures") }),
});
type Created = Counts & { people: number; units: number };
const CreatedRef = builder.objectRef<Created>("LedgerImportCreatedCounts").implement({
  description: "What an import created.",
  fields: (t) => ({
    problems: t.exposeInt("problems"),
    measures: t.exposeInt("measures"),
    people: t.exposeInt("people"),
    units: t.exposeInt("units"),
  }),
});
type Rows = LedgerImportSummary["rows"];
const RowsRef = builder.objectRef<Rows>("LedgerImportRowCounts").implement({
  description: "Every row below a header, by what became of it.",
  fields: (t) => ({
    total: t.exposeInt("total"),
    measure: t.exposeInt("measure"),
    blank: t.exposeInt("blank"),
    header: t.exposeInt("header", { description: "the header repeated (pasted printouts)" }),
    category: t.exposeInt("category", { description: "category rows (一、……方面)" }),
    skipped: t.exposeInt("skipped", { description: "each with a warning" }),
  }),
});

const SummaryRef = builder.objectRef<LedgerImportSummary>("LedgerImportSummary").implement({
  description: "What a ledger import read and changed (or would change, on a dry run).",
  fields: (t) => ({
    dryRun: t.exposeBoolean("dryRun"),
    written: t.exposeBoolean("written"),
    format: t.string({ resolve: (s) => s.parsed.format }),
    encoding: t.string({ nullable: true, resolve: (s) => s.parsed.encoding }),
    title: t.string({ nullable: true, resolve: (s) => s.parsed.title }),
    inspectionId: t.id({
      nullable: true,
      description: "null on a dry run that would create the inspection",
      resolve: (s) => (s.inspection.id ? encodeGlobalID("Inspection", s.inspection.id) : null),
    }),
    team: t.string({ resolve: (s) => s.inspection.team }),
    inspectedBody: t.string({ resolve: (s) => s.inspection.inspectedBody }),
    inspectionCreated: t.boolean({ resolve: (s) => s.inspection.created }),
    sheets: t.field({ type: [SheetRef], resolve: (s) => s.parsed.sheets }),
    rows: t.field({ type: RowsRef, resolve: (s) => s.rows }),
    problemCount: t.exposeInt("problems"),
    measureCount: t.exposeInt("measures"),
    problems: t.field({ type: [ProblemRef], resolve: (s) => s.parsed.problems }),
    warnings: t.field({ type: [WarningRef], resolve: (s) => s.warnings }),
    created: t.field({ type: CreatedRef, resolve: (s) => s.created }),
    updated: t.field({ type: CountsRef, resolve: (s) => s.updated }),
    unchanged: t.field({ type: CountsRef, resolve: (s) => s.unchanged }),
    notInSheet: t.field({ type: CountsRef, resolve: (s) => s.notInSheet }),
    statusChanges: t.exposeInt("statusChanges"),
    keptStatuses: t.exposeInt("keptStatuses", { description: "stated statuses kept: they would move backwards" }),
  }),
});

const MappingInput = builder.inputType("LedgerColumnMappingInput", {
  description: "A correction: the column with this header text means `field`.",
  fields: (t) => ({
    header: t.string({ required: true }),
    field: t.field({ type: LedgerColumnFieldEnum, required: true }),
  }),
});

const InspectionInput = builder.inputType("LedgerInspectionInput", {
  description: "The inspection to import into, found by team and inspected body or created.",
  fields: (t) => ({
    team: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    inspectedBody: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    kind: t.string({ required: false, validate: z.string().trim().max(50) }),
    round: t.string({ required: false, validate: z.string().trim().max(200) }),
  }),
});

builder.mutationFields((t) => ({
  importLedger: t.field({
    type: SummaryRef,
    description:
      "Previews (dryRun) or imports a ledger spreadsheet. Warnings must be accepted (acceptWarnings) to import; nothing is written otherwise.",
    authScopes: { supervisor: true },
    errors: { types: [SpreadsheetError, WarningsNotAcceptedError, ValidationError, NotFoundError] },
    args: {
      file: t.arg.string({
        description: "The file's bytes, base64-encoded (at most 10 MB)",
        validate: z
          .string()
          .min(1, "the file is empty")
          .max(MAX_BASE64, "at most 10 MB")
          .regex(/^[A-Za-z0-9+/=\s]+$/, "not base64"),
      }),
      fileName: t.arg.string({ validate: z.string().max(255) }),
      mapping: t.arg({ type: [MappingInput], required: false }),
      inspectionId: t.arg.id({ required: false }),
      inspection: t.arg({ type: InspectionInput, required: false }),
      dryRun: t.arg.boolean({ required: false }),
      acceptWarnings: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const summary = await importLedger(ctx.prisma, Buffer.from(args.file, "base64"), {
        fileName: args.fileName,
        mapping: (args.mapping ?? []).map((m) => ({ header: m.header, field: FIELD_BY_ENUM.get(m.field)! })),
        inspectionId: args.inspectionId ? decodeId(args.inspectionId, "Inspection") : undefined,
        inspection: args.inspection,
        dryRun: !!args.dryRun,
        acceptWarnings: !!args.acceptWarnings,
        actor: ctx.viewer,
      });
      if (summary.written && !summary.dryRun) {
        ctx.pubsub.publish("ledger", {
          kind: "import",
          problemId: null,
          measureId: null,
          at: new Date().toISOString(),
        });
      }
      return summary;
    },
  }),
}));
