// What a dashboard count opens (issue 13 §8): the measures (or problems) behind it, red first. Pure: the query, the
// filter that picks exactly the counted items, and the order (light by severity, then overdue days, then report order).
import type { Section } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { addDays, shanghaiDay } from "../lib/shanghai.ts";
import { LIGHTS, type Light } from "../lights/lights.ts";
import { PROBLEM_LIST_FIELDS } from "./problem-list-model.ts";

export type LightListOf = "measures" | "problems";
export type LightFlag = "overdue" | "dueSoon" | "relapsed";
export const FLAGS: readonly LightFlag[] = ["overdue", "dueSoon", "relapsed"];

export function isFlag(v: unknown): v is LightFlag {
  return typeof v === "string" && (FLAGS as readonly string[]).includes(v);
}

export const LIGHT_MEASURES_QUERY = graphql(`
  query LightMeasures($filter: LedgerFilter) {
    trafficLightThresholds {
      dueSoonDays
    }
    measures(first: 500, filter: $filter) {
      totalCount
      edges {
        node {
          id
          number
          numbered
          text
          status
          light
          overdue
          deadline
          longTerm
          problem {
            id
            section
            number
            title
          }
          responsibleUnit {
            name
          }
        }
      }
    }
  }
`);
export type LightMeasuresData = ResultOf<typeof LIGHT_MEASURES_QUERY>;
export type LightMeasure = LightMeasuresData["measures"]["edges"][number]["node"];

export const LIGHT_PROBLEMS_QUERY = graphql(
  `
    query LightProblems($filter: LedgerFilter) {
      problems(first: 200, filter: $filter) {
        totalCount
        edges {
          node {
            ...ProblemListFields
          }
        }
      }
    }
  `,
  [PROBLEM_LIST_FIELDS],
);
export type LightProblemsData = ResultOf<typeof LIGHT_PROBLEMS_QUERY>;
export type LightProblem = LightProblemsData["problems"]["edges"][number]["node"];

const DONE: ReadonlySet<string> = new Set(["COMPLETED", "CLOSE_REQUESTED", "CLOSED"]);

/** The dashboard's "due soon": deadline today or within dueSoonDays days (Asia/Shanghai), open, not long-term. */
export function isDueSoon(m: Pick<LightMeasure, "deadline" | "status" | "longTerm">, now: Date, days: number) {
  if (!m.deadline || m.longTerm || DONE.has(m.status)) return false;
  const today = shanghaiDay(now);
  return m.deadline >= today && m.deadline <= addDays(today, days);
}

/** Exactly the items the count counted. */
export function matches(
  m: Pick<LightMeasure, "light" | "overdue" | "status" | "deadline" | "longTerm">,
  pick: { light: Light | null; flag: LightFlag | null },
  now: Date,
  dueSoonDays: number,
): boolean {
  if (pick.light && m.light !== pick.light) return false;
  if (pick.flag === "overdue" && !m.overdue) return false;
  if (pick.flag === "relapsed" && m.status !== "RELAPSED") return false;
  if (pick.flag === "dueSoon" && !isDueSoon(m, now, dueSoonDays)) return false;
  return true;
}

const SECTION_RANK: Record<Section, number> = { COMPLETED: 0, CONTINUING: 1 };

/** Red first, then yellow, green, grey; within a light the earliest deadline first, then report order. */
export function byUrgency<
  T extends { light: Light; deadline: string | null; problem?: { section: Section; number: number }; number: number },
>(items: readonly T[], section: (x: T) => Section): T[] {
  const rank = (l: Light) => LIGHTS.indexOf(l);
  return [...items].sort(
    (a, b) =>
      rank(a.light) - rank(b.light) ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
      SECTION_RANK[section(a)] - SECTION_RANK[section(b)] ||
      (a.problem?.number ?? a.number) - (b.problem?.number ?? b.number) ||
      a.number - b.number,
  );
}
