// importReport: admins and supervisors load a published progress report (text in the official format).
import { z } from "zod";
import { builder } from "../builder.ts";
import { ImportParseError, ValidationError } from "../errors.ts";
import { importReport, type ImportSummary } from "../queries/import-report.ts";

const Counts = builder.objectRef<{ problems: number; measures: number }>("ImportCounts").implement({
  description: "Problems and measures counted in an import.",
  fields: (t) => ({ problems: t.exposeInt("problems"), measures: t.exposeInt("measures") }),
});

const ImportSummaryRef = builder.objectRef<ImportSummary>("ImportSummary").implement({
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

builder.mutationFields((t) => ({
  importReport: t.field({
    type: ImportSummaryRef,
    authScopes: { supervisor: true },
    errors: { types: [ImportParseError, ValidationError] },
    args: {
      text: t.arg.string({ validate: z.string().min(1, "the report is empty").max(5_000_000, "at most 5 MB of text") }),
      dryRun: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const summary = await importReport(ctx.prisma, args.text, { dryRun: !!args.dryRun, actor: ctx.viewer });
      if (!summary.dryRun && !summary.alreadyImported) {
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
