// Inspections and their published progress reports (header facts, organisation, next steps, contact).
// Public viewers see inspections marked published; internal fields need a login.
import { builder } from "../builder.ts";
import { PUBLIC_INSPECTION } from "../queries/visibility.ts";
import type { ReportLayout } from "../importer/report-types.ts";
import { LayoutRef } from "./import-tree.ts";

export const InspectionNode = builder.prismaNode("Inspection", {
  description: "An inspection (巡视/巡察) of a body by a team over a period, and its feedback date.",
  id: { field: "id" },
  authScopes: async (i, ctx) => (ctx.viewer ? true : (await ctx.publishedInspections()).has(i.id)),
  fields: (t) => ({
    team: t.exposeString("team"),
    inspectedBody: t.exposeString("inspectedBody"),
    kind: t.exposeString("kind"),
    startDate: t.expose("startDate", { type: "Date", nullable: true }),
    endDate: t.expose("endDate", { type: "Date", nullable: true }),
    feedbackDate: t.expose("feedbackDate", { type: "Date", nullable: true }),
    reports: t.relation("reports", {
      query: (_args, ctx) => ({ where: ctx.viewer ? {} : { published: true }, orderBy: { reportDate: "desc" } }),
    }),
  }),
});

builder.prismaNode("Report", {
  description: "A published progress report (党务公开) as imported.",
  id: { field: "id" },
  authScopes: (r, ctx) => (ctx.viewer ? true : r.published),
  fields: (t) => ({
    reportDate: t.expose("reportDate", { type: "Date", nullable: true }),
    title: t.exposeString("title", { nullable: true, description: "The title line above the header, if it had one" }),
    sourceFormat: t.exposeString("sourceFormat", {
      nullable: true,
      description: "txt, docx or pdf; null for reports imported before it was recorded",
      authScopes: { loggedIn: true },
    }),
    sourceEncoding: t.exposeString("sourceEncoding", {
      nullable: true,
      description: "The detected text encoding; null for reports imported before it was recorded",
      authScopes: { loggedIn: true },
    }),
    layout: t.field({
      type: LayoutRef,
      nullable: true,
      description: "The structure the importer recognised; null for reports imported before it was recorded",
      authScopes: { loggedIn: true },
      resolve: (r) => (r.layout as ReportLayout | null) ?? null,
    }),
    issuer: t.exposeString("issuer", { nullable: true }),
    contactPhone: t.exposeString("contactPhone", { nullable: true }),
    contactEmail: t.exposeString("contactEmail", { nullable: true }),
    contactText: t.exposeString("contactText", { nullable: true }),
    headerText: t.exposeString("headerText"),
    organisation: t.expose("organisation", { type: "JSON" }),
    nextSteps: t.expose("nextSteps", { type: "JSON" }),
    summaryFigures: t.expose("summaryFigures", { type: "JSON" }),
    published: t.exposeBoolean("published"),
    importedAt: t.expose("importedAt", { type: "DateTime", authScopes: { loggedIn: true } }),
    inspection: t.relation("inspection"),
  }),
});

builder.queryFields((t) => ({
  inspections: t.prismaConnection({
    type: "Inspection",
    cursor: "id",
    totalCount: (_c, _a, ctx) => ctx.prisma.inspection.count({ where: ctx.viewer ? {} : PUBLIC_INSPECTION }),
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.inspection.findMany({
        ...query,
        where: ctx.viewer ? {} : PUBLIC_INSPECTION,
        orderBy: { createdAt: "desc" },
      }),
  }),
}));
