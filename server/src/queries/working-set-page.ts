// One page of a working-set download (the PWA's offline copy) built in SQL: which problems through the ledger's own
// filter and visibility (problemWhere), their fields, units, leaders and live measures as one json_agg, then lights
// and overdue flags by the same rules as Problem/Measure `light` and `overdue`. Invariant: a page says exactly what
// the `problems` connection says of the same problems to the same viewer (tests/api/working-set-page.test.ts); it
// exists because resolving ~30k objects field by field cost seconds per download.
import type { Context } from "../context.ts";
import type { Rating, RectStatus, Section } from "../generated/prisma/enums.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { isOverdue, lightOf, type Light } from "../domain/traffic-light.ts";
import { measureLightItem, problemLight } from "./analysis.ts";
import { problemWhere, type LedgerFilter } from "./ledger-filters.ts";
import { thresholdsFor } from "./settings.ts";

/** Largest page: about 2.5 MB of JSON before compression. */
export const WORKING_SET_PAGE_MAX = 1000;

interface RawMeasure {
  id: string;
  number: number;
  numbered: boolean;
  text: string;
  subPoints: string[];
  status: RectStatus;
  deadline: string | null;
  longTerm: boolean;
  latestRating: Rating | null;
  latestRatedAt: string | null;
  responsibleUnit: string | null;
}

interface RawProblem {
  id: string;
  inspectionId: string;
  section: Section;
  number: number;
  title: string;
  body: string;
  status: RectStatus;
  deadline: string | null;
  archivedAt: string | null;
  latestRating: Rating | null;
  latestRatedAt: string | null;
  responsibleUnit: string | null;
  leadLeader: string | null;
  participatingUnits: string[];
  measures: RawMeasure[];
}

type Named = { name: string } | null;

/** A measure as the working-set document asks for it (client GqlMeasure): the row with its light, unit by name. */
export type WsMeasureJson = Omit<RawMeasure, "latestRating" | "latestRatedAt" | "responsibleUnit"> & {
  overdue: boolean;
  light: Light;
  responsibleUnit: Named;
};

/** A problem as the working-set document asks for it (client GqlProblem), measures as a connection's edges. */
export type WsProblemJson = Omit<
  RawProblem,
  | "inspectionId"
  | "latestRating"
  | "latestRatedAt"
  | "responsibleUnit"
  | "leadLeader"
  | "participatingUnits"
  | "measures"
> & {
  overdue: boolean;
  light: Light;
  inspection: { id: string };
  responsibleUnit: Named;
  leadLeader: Named;
  participatingUnits: { name: string }[];
  measures: { edges: { node: WsMeasureJson }[] };
};

export interface WorkingSetPage {
  problems: WsProblemJson[];
  /** The last problem's id: pass it as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

// Timestamps as the DateTime scalar writes them (UTC, milliseconds, Z); days as the Date scalar does.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Problems after `after` (a problem id) in report order (section, number, id), at most `first`.
 * `globalId` turns a type and database id into the Relay id the rest of the API uses.
 */
export async function workingSetPage(
  ctx: Context,
  filter: LedgerFilter,
  after: string | null,
  first: number,
  globalId: (type: string, id: string) => string,
): Promise<WorkingSetPage> {
  if (!Number.isInteger(first) || first < 1 || first > WORKING_SET_PAGE_MAX) {
    throw new ValidationError(`first is 1 to ${WORKING_SET_PAGE_MAX}`, [
      { path: "first", message: `1 to ${WORKING_SET_PAGE_MAX}` },
    ]);
  }
  const take = first;
  const picked = await ctx.prisma.problem.findMany({
    where: problemWhere(ctx, filter),
    orderBy: [{ section: "asc" }, { number: "asc" }, { id: "asc" }],
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    take: take + 1,
    select: { id: true },
  });
  // A cursor row deleted between pages would silently end the download early: say so instead (the device retries).
  if (after && picked.length === 0 && !(await ctx.prisma.problem.findUnique({ where: { id: after } }))) {
    throw new NotFoundError("Problem (the page cursor)", after);
  }
  const ids = picked.slice(0, take).map((p) => p.id);
  const rows = ids.length ? await pageRows(ctx, ids) : [];
  const [thresholds, scope] = await Promise.all([
    thresholdsFor(ctx),
    ctx.viewer?.role === "UNIT_LIAISON" ? ctx.liaisonScope() : null,
  ]);
  const now = new Date();
  const problems = rows.map((p) => {
    // A unit's liaison sees only their unit's measures, as the seeMeasure scope allows (and the light counts only those).
    const measures = scope ? p.measures.filter((m) => scope.measureIds.has(m.id)) : p.measures;
    const problemRated = { latestRating: p.latestRating, latestRatedAt: date(p.latestRatedAt) };
    const lightRows = measures.map((m) => ({
      deadline: day(m.deadline),
      longTerm: m.longTerm,
      status: m.status,
      latestRating: m.latestRating,
      latestRatedAt: date(m.latestRatedAt),
    }));
    const deadline = day(p.deadline);
    const out: WsProblemJson = {
      id: globalId("Problem", p.id),
      section: p.section,
      number: p.number,
      title: p.title,
      body: p.body,
      status: p.status,
      deadline: p.deadline,
      overdue: isOverdue({ deadline, status: p.status }, now),
      light: problemLight({ deadline, status: p.status, ...problemRated, measures: lightRows }, now, thresholds),
      inspection: { id: globalId("Inspection", p.inspectionId) },
      archivedAt: p.archivedAt,
      responsibleUnit: named(p.responsibleUnit),
      leadLeader: named(p.leadLeader),
      participatingUnits: p.participatingUnits.map((name) => ({ name })),
      measures: {
        edges: measures.map((m, i) => ({
          node: {
            id: globalId("Measure", m.id),
            number: m.number,
            numbered: m.numbered,
            text: m.text,
            subPoints: m.subPoints,
            status: m.status,
            deadline: m.deadline,
            longTerm: m.longTerm,
            overdue: isOverdue(lightRows[i]!, now),
            light: lightOf(measureLightItem({ ...lightRows[i]!, problem: problemRated }), now, thresholds),
            responsibleUnit: named(m.responsibleUnit),
          },
        })),
      },
    };
    return out;
  });
  return { problems, endCursor: ids.at(-1) ?? null, hasNextPage: picked.length > take };
}

/** The page's problems in the order of `ids`, each with its live measures (by number) as one JSON text. */
async function pageRows(ctx: Context, ids: string[]): Promise<RawProblem[]> {
  const [row] = await ctx.prisma.$queryRawUnsafe<{ page: string }[]>(
    `SELECT COALESCE(json_agg(json_build_object(
        'id', p.id, 'inspectionId', p."inspectionId", 'section', p.section, 'number', p.number,
        'title', p.title, 'body', p.body, 'status', p.status, 'deadline', to_char(p.deadline, 'YYYY-MM-DD'),
        'archivedAt', to_char(p."archivedAt", ${ISO}), 'latestRating', p."latestRating",
        'latestRatedAt', to_char(p."latestRatedAt", ${ISO}), 'responsibleUnit', ru.name, 'leadLeader', ll.name,
        'participatingUnits', COALESCE((
          SELECT json_agg(u.name ORDER BY u.name) FROM "ProblemParticipant" pp JOIN "Unit" u ON u.id = pp."unitId"
          WHERE pp."problemId" = p.id), '[]'::json),
        'measures', COALESCE((
          SELECT json_agg(json_build_object(
            'id', m.id, 'number', m.number, 'numbered', m.numbered, 'text', m.text, 'subPoints', COALESCE(m."subPoints", '{}'::text[]),
            'status', m.status, 'deadline', to_char(m.deadline, 'YYYY-MM-DD'), 'longTerm', m."longTerm",
            'latestRating', m."latestRating", 'latestRatedAt', to_char(m."latestRatedAt", ${ISO}),
            -- A lookup per measure: joined instead, the planner hashes all units for every problem.
            'responsibleUnit', (SELECT u.name FROM "Unit" u WHERE u.id = m."responsibleUnitId")
          ) ORDER BY m.number, m.id)
          FROM "Measure" m
          WHERE m."problemId" = p.id AND m."archivedAt" IS NULL), '[]'::json)
      ) ORDER BY o.ord), '[]'::json)::text AS page
     FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
     JOIN "Problem" p ON p.id = o.id
     LEFT JOIN "Unit" ru ON ru.id = p."responsibleUnitId"
     LEFT JOIN "Person" ll ON ll.id = p."leadLeaderId"`,
    ids,
  );
  return JSON.parse(row!.page) as RawProblem[];
}

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const date = (d: string | null) => (d ? new Date(d) : null);
const named = (name: string | null) => (name === null ? null : { name });
