// Many inspections: the fields an inspection is authored with (round, 集中整改期, published) and its own figures
// for the side-by-side overview. Invariant: figures count only live rows the viewer may see; login only.
import { builder } from "../builder.ts";
import { inspectionFigures, type InspectionFigures } from "../queries/inspection-figures.ts";
import { LightCountsRef } from "./dashboard.ts";
import "./inspection.ts";

const InspectionFiguresRef = builder.objectRef<InspectionFigures>("InspectionFigures").implement({
  description: "One inspection's live problems and measures (as far as the viewer may see them).",
  fields: (t) => ({
    problems: t.exposeInt("problems"),
    measures: t.exposeInt("measures"),
    done: t.exposeInt("done", { description: "Measures completed, close-out requested or closed" }),
    completionRate: t.exposeFloat("completionRate", { description: "done / measures, 0..1" }),
    lights: t.field({
      type: LightCountsRef,
      description: "Measures by traffic light; overdue and dueSoon count measures with that flag",
      resolve: (f) => f.lights,
    }),
  }),
});

builder.prismaObjectFields("Inspection", (t) => ({
  round: t.exposeString("round", { nullable: true, description: "e.g. 十四届市委第五轮" }),
  rectificationEnd: t.expose("rectificationEnd", {
    type: "Date",
    nullable: true,
    description: "End of the concentrated rectification period (集中整改期)",
  }),
  published: t.exposeBoolean("published", { description: "Shown on the public pages" }),
  figures: t.field({
    type: InspectionFiguresRef,
    authScopes: { loggedIn: true },
    description: "Counts for the overview of all inspections (one pass for every inspection of the request)",
    resolve: (i, _a, ctx) => inspectionFigures(ctx, i.id),
  }),
}));

builder.prismaObjectFields("Problem", (t) => ({
  archivedAt: t.expose("archivedAt", {
    type: "DateTime",
    nullable: true,
    authScopes: { loggedIn: true },
    description: "Set when removed by hand while something hung off it; archived rows are hidden from lists",
  }),
}));

builder.prismaObjectFields("Measure", (t) => ({
  longTerm: t.exposeBoolean("longTerm", {
    authScopes: { loggedIn: true },
    description: "长期坚持: long-term work with no deadline, never overdue nor due soon",
  }),
  archivedAt: t.expose("archivedAt", {
    type: "DateTime",
    nullable: true,
    authScopes: { loggedIn: true },
    description: "Set when removed by hand while something hung off it; archived rows are hidden from lists",
  }),
}));
