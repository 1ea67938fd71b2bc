// importReport: supervisors load a published progress report, pasted as text or uploaded as a file (.txt in any supported
// encoding, .docx, .pdf, base64). A report with warnings is only read (needsReview) until it is imported with acceptWarnings.
import { z } from "zod";
import { builder } from "../builder.ts";
import { ImportFileError, ImportParseError, ValidationError } from "../errors.ts";
import { importReport, readImportFile } from "../queries/import-report.ts";
import { ImportSummaryRef } from "./import-tree.ts";

const Counts = builder.objectRef<{ problems: number; measures: number }>("ImportCounts").implement({
  description: "Problems and measures counted in an import.",
  fields: (t) => ({ problems: t.exposeInt("problems"), measures: t.exposeInt("measures") }),
});

ImportSummaryRef.implement({
  description: "What an import read and changed (or would change, on a dry run).",
  fields: (t) => ({
    problems: t.exposeInt("problems"),
    measures: t.exposeInt("measures"),
    completed: t.exposeInt("completed"),
    continuing: t.exposeInt("continuing"),
    dryRun: t.exposeBoolean("dryRun"),
    alreadyImported: t.exposeBoolean("alreadyImported", { description: "This exact report was imported before" }),
    created: t.field({ type: Counts, resolve: (s) => s.created }),
    updated: t.field({ type: Counts, resolve: (s) => s.updated }),
    statusChanges: t.exposeInt("statusChanges"),
    team: t.string({ resolve: (s) => s.inspection.team }),
    inspectedBody: t.string({ resolve: (s) => s.inspection.inspectedBody }),
    reportDate: t.string({ nullable: true, resolve: (s) => s.report.reportDate }),
    issuer: t.string({ nullable: true, resolve: (s) => s.report.issuer }),
  }),
});

// 10 MB of file in base64.
const MAX_BASE64 = 14_000_000;

builder.mutationFields((t) => ({
  importReport: t.field({
    type: ImportSummaryRef,
    authScopes: { supervisor: true },
    errors: { types: [ImportParseError, ImportFileError, ValidationError] },
    args: {
      text: t.arg.string({
        required: false,
        validate: z.string().min(1, "the report is empty").max(5_000_000, "at most 5 MB of text"),
      }),
      fileBase64: t.arg.string({
        required: false,
        description: "The report file (.txt, .docx or .pdf), base64; instead of text",
        validate: z.string().min(1, "the file is empty").max(MAX_BASE64, "at most 10 MB of file"),
      }),
      fileName: t.arg.string({ required: false, validate: z.string().max(255) }),
      dryRun: t.arg.boolean({ required: false }),
      acceptWarnings: t.arg.boolean({ required: false, description: "Import although the report has warnings" }),
    },
    resolve: async (_root, args, ctx) => {
      if ((args.text == null) === (args.fileBase64 == null)) {
        throw new ValidationError("give either text or fileBase64", [
          { path: "text", message: "give either text or fileBase64" },
        ]);
      }
      const source =
        args.fileBase64 != null
          ? await readImportFile(Buffer.from(args.fileBase64, "base64"), args.fileName ?? undefined)
          : null;
      const summary = await importReport(ctx.prisma, source?.text ?? args.text!, {
        dryRun: !!args.dryRun,
        acceptWarnings: !!args.acceptWarnings,
        actor: ctx.viewer,
        ...(source ? { source } : {}),
      });
      if (summary.imported) {
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
