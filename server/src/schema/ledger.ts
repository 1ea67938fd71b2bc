// The ledger: problems and their measures, with assignments, status history, indicators and progress,
// listed through filtered, paged connections. Row visibility: queries/ledger-filters.ts and the seeProblem /
// seeMeasure scopes (which also guard Relay node/nodes). Internal fields need a login.
import { builder, isStaff } from "../builder.ts";
import { ValidationError } from "../errors.ts";
import { problemWhere, measureWhere, measureVisibility, type LedgerFilter } from "../queries/ledger-filters.ts";
import { DONE_STATUSES, shanghaiToday } from "../domain/dates.ts";
import { RectStatusEnum, SectionEnum } from "./enums.ts";
import { decodeId } from "./ids.ts";
import { columnsAskedFor, ownColumnsOnly } from "./own-columns.ts";
import type { Problem } from "../generated/prisma/client.ts";
import { countProblems, problemFilterSql, problemPageRows, problemWindow } from "../queries/problem-pages.ts";
import { UnitNode } from "./users.ts";
import { rollUpHidden } from "../queries/history-visibility.ts";
import "./inspection.ts";

const internal = { authScopes: { loggedIn: true } } as const;

/** Problem fields that are one column of the row (the t.expose fields below), by GraphQL field name. */
export const PROBLEM_OWN_COLUMNS = {
  id: "id",
  section: "section",
  number: "number",
  title: "title",
  category: "category",
  body: "body",
  status: "status",
  deadline: "deadline",
  createdAt: "createdAt",
  updatedAt: "updatedAt",
} as const satisfies Record<string, keyof Problem>;
/** Read whatever was asked for: the type's scope checks use them (builder.ts, seeProblem). */
export const PROBLEM_ALWAYS_READ = ["id", "inspectionId"] as const satisfies (keyof Problem)[];

export const ProblemNode = builder.prismaNode("Problem", {
  description: "A problem fed back by the inspection (一问题一清单: one ledger per problem).",
  id: { field: "id" },
  // Staff see every problem and measure: no per-row scope look-up (a dashboard lists 5,000 problems).
  authScopes: (p, ctx) => (isStaff(ctx.viewer) ? true : { seeProblem: p }),
  fields: (t) => ({
    section: t.expose("section", { type: SectionEnum }),
    number: t.exposeInt("number", { description: "Number within its section (restarts at 1 per section)" }),
    title: t.exposeString("title"),
    category: t.exposeString("category", { nullable: true }),
    body: t.exposeString("body"),
    status: t.expose("status", { type: RectStatusEnum }),
    inspection: t.relation("inspection"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { number: "asc" } } }),
    leadLeader: t.relation("leadLeader", { nullable: true, ...internal }),
    responsibleUnit: t.relation("responsibleUnit", { nullable: true, ...internal }),
    participatingUnits: t.field({
      type: [UnitNode],
      ...internal,
      // Selected with the parent row, so a list of items does not cost one query per item.
      select: { participants: { select: { unit: true }, orderBy: { unit: { name: "asc" } } } },
      resolve: (p) => p.participants.map((x) => x.unit),
    }),
    deadline: t.expose("deadline", { type: "Date", nullable: true, ...internal }),
    overdue: t.boolean({
      ...internal,
      select: { deadline: true, status: true },
      resolve: (p) => isOverdue(p.deadline, p.status),
    }),
    measures: t.relatedConnection("measures", {
      cursor: "id",
      totalCount: true,
      maxSize: 200,
      args: { includeArchived: t.arg.boolean({ required: false, description: "Also archived measures" }) },
      query: (args, ctx) => ({
        where: { AND: [measureVisibility(ctx), args.includeArchived ? {} : { archivedAt: null }] },
        orderBy: { number: "asc" },
      }),
    }),
    statusHistory: t.relation("statusChanges", { ...internal, query: { orderBy: { at: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime", ...internal }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", ...internal }),
  }),
});

export const MeasureNode = builder.prismaNode("Measure", {
  description: "A rectification measure (整改措施) of a problem, with its assignment, deadline and status.",
  id: { field: "id" },
  authScopes: (m, ctx) => (isStaff(ctx.viewer) ? true : { seeMeasure: m }),
  fields: (t) => ({
    number: t.exposeInt("number"),
    numbered: t.exposeBoolean("numbered", {
      description: "false when the problem's rectification is one unnumbered paragraph",
    }),
    text: t.exposeString("text"),
    subPoints: t.exposeStringList("subPoints", { description: "一是/二是/三是… points, in order" }),
    status: t.expose("status", { type: RectStatusEnum }),
    problem: t.relation("problem"),
    leadLeader: t.relation("leadLeader", { nullable: true, ...internal }),
    responsibleUnit: t.relation("responsibleUnit", { nullable: true, ...internal }),
    participatingUnits: t.field({
      type: [UnitNode],
      ...internal,
      // Selected with the parent row, so a list of items does not cost one query per item.
      select: { participants: { select: { unit: true }, orderBy: { unit: { name: "asc" } } } },
      resolve: (m) => m.participants.map((x) => x.unit),
    }),
    deadline: t.expose("deadline", { type: "Date", nullable: true, ...internal }),
    overdue: t.boolean({
      ...internal,
      select: { deadline: true, status: true, longTerm: true },
      resolve: (m) => !m.longTerm && isOverdue(m.deadline, m.status),
    }),
    indicators: t.relation("indicators", { query: { orderBy: { ordinal: "asc" } } }),
    statusHistory: t.relation("statusChanges", { ...internal, query: { orderBy: { at: "asc" } } }),
    progressUpdates: t.relatedConnection("progressUpdates", {
      ...internal,
      cursor: "id",
      totalCount: true,
      query: { orderBy: { createdAt: "desc" } },
    }),
  }),
});

function isOverdue(deadline: Date | null, status: string, now = new Date()) {
  return !!deadline && deadline < shanghaiToday(now) && !(DONE_STATUSES as readonly string[]).includes(status);
}

// Reachable only through Measure.indicators, so the measure's own scope guards it.
builder.prismaObject("Indicator", {
  description: "A quantitative fact stated in a measure, e.g. 臭氧年均浓度同比下降5.5%.",
  fields: (t) => ({
    value: t.string({ resolve: (i) => i.value.toString() }),
    unit: t.exposeString("unit"),
    label: t.exposeString("label", { description: "What it measures" }),
    asOf: t.exposeString("asOf", { nullable: true }),
    rawText: t.exposeString("rawText"),
  }),
});

builder.prismaObject("StatusChange", {
  description: "One step of an item's status history: from, to, why, who and when.",
  authScopes: { loggedIn: true },
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", { type: RectStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: RectStatusEnum }),
    reason: t.string({
      description:
        "Why. A unit liaison does not see the reasons of other units' measures rolled up onto a shared problem.",
      resolve: async (c, _a, ctx) => ((await rollUpHidden(c, ctx)) ? "（其他单位措施的状态变化）" : c.reason),
    }),
    at: t.expose("at", { type: "DateTime" }),
    actorName: t.string({
      nullable: true,
      select: { actor: { select: { displayName: true } } },
      resolve: (c) => c.actor?.displayName ?? null,
    }),
  }),
});

export const MAX_SEARCH_CHARS = 100;

export const LedgerFilterInput = builder.inputType("LedgerFilter", {
  description: "Filters for problem and measure lists; all given filters must hold.",
  fields: (t) => ({
    inspectionId: t.id({ required: false }),
    inspectionIds: t.idList({ required: false, description: "Any of these inspections" }),
    section: t.field({ type: SectionEnum, required: false }),
    status: t.field({ type: [RectStatusEnum], required: false }),
    unitId: t.id({ required: false, description: "Responsible or participating unit" }),
    leadLeaderId: t.id({ required: false }),
    overdue: t.boolean({ required: false, description: "Deadline passed (Asia/Shanghai) and not completed" }),
    deadlineFrom: t.field({ type: "Date", required: false }),
    deadlineTo: t.field({ type: "Date", required: false }),
    search: t.string({
      required: false,
      description: "Words in titles, bodies or measure texts (at most 100 characters)",
    }),
    includeArchived: t.boolean({ required: false, description: "Also archived (removed but kept) rows" }),
    changedSince: t.field({
      type: "DateTime",
      required: false,
      description:
        "Problems only: those whose own fields, measures, participants or lights changed after this ledgerClock " +
        "(an incremental working-set download; a few minutes before it are included again)",
    }),
  }),
});

export function filterArgs(
  ctx: Parameters<typeof problemWhere>[0],
  raw: typeof LedgerFilterInput.$inferInput | null | undefined,
) {
  const f = raw ?? {};
  // A bounded search: a multi-megabyte pattern once held the database (and everyone behind it) for seconds.
  if (f.search && f.search.length > MAX_SEARCH_CHARS) {
    throw new ValidationError(`search is at most ${MAX_SEARCH_CHARS} characters`, [
      { path: "filter.search", message: `at most ${MAX_SEARCH_CHARS} characters` },
    ]);
  }
  const filter: LedgerFilter = {
    ...f,
    inspectionId: f.inspectionId ? decodeId(f.inspectionId, "Inspection") : null,
    inspectionIds: f.inspectionIds?.map((id) => decodeId(id, "Inspection")) ?? null,
    unitId: f.unitId ? decodeId(f.unitId, "Unit") : null,
    leadLeaderId: f.leadLeaderId ? decodeId(f.leadLeaderId, "Person") : null,
  };
  return filter;
}

builder.queryFields((t) => ({
  problems: t.prismaConnection({
    type: "Problem",
    cursor: "id",
    maxSize: 200,
    description: "Problems, in report order (section, then number), filtered and paged.",
    args: { filter: t.arg({ type: LedgerFilterInput, required: false }) },
    // Counted and, when only the problems' own fields are asked for (the lists' usual case), read in one raw
    // statement each: Prisma compiles every query anew, which cost more than the statements themselves.
    totalCount: (_c, args, ctx) =>
      countProblems(ctx.prisma, problemFilterSql(ctx.viewer, filterArgs(ctx, args.filter))),
    resolve: (query, _root, args, ctx, info) => {
      const filter = filterArgs(ctx, args.filter);
      const window = ownColumnsOnly(query) ? problemWindow(query) : null;
      if (window) {
        const columns = columnsAskedFor(info, ["edges", "node"], PROBLEM_OWN_COLUMNS, PROBLEM_ALWAYS_READ);
        return problemPageRows(ctx.prisma, problemFilterSql(ctx.viewer, filter), window, columns);
      }
      return ctx.prisma.problem.findMany({
        ...query,
        where: problemWhere(ctx, filter),
        orderBy: [{ section: "asc" }, { number: "asc" }, { id: "asc" }],
      });
    },
  }),
  measures: t.prismaConnection({
    type: "Measure",
    cursor: "id",
    maxSize: 500,
    description: "Measures across problems, filtered and paged.",
    args: { filter: t.arg({ type: LedgerFilterInput, required: false }) },
    totalCount: (_c, args, ctx) => ctx.prisma.measure.count({ where: measureWhere(ctx, filterArgs(ctx, args.filter)) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.measure.findMany({
        ...query,
        where: measureWhere(ctx, filterArgs(ctx, args.filter)),
        orderBy: [{ problem: { section: "asc" } }, { problem: { number: "asc" } }, { number: "asc" }, { id: "asc" }],
      }),
  }),
}));
