// The dashboard's data (pure): the `dashboard` query with light counts overall, per unit, leader and problem; the
// thresholds in force and their mutation; and the check of a typed-in "临期天数".
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

const COUNTS = graphql(`
  fragment LightCountFields on LightCounts {
    green
    yellow
    red
    grey
    total
    overdue
    dueSoon
    relapsed
  }
`);

export const DASHBOARD_QUERY = graphql(
  `
    query Dashboard($inspection: ID) {
      trafficLightThresholds {
        dueSoonDays
      }
      dashboard(inspection: $inspection) {
        asOf
        dueSoonDays
        measures {
          ...LightCountFields
        }
        problems {
          ...LightCountFields
        }
        byUnit {
          unit {
            id
            name
          }
          counts {
            ...LightCountFields
          }
        }
        byLeader {
          leader {
            id
            name
          }
          counts {
            ...LightCountFields
          }
        }
        byProblem {
          light
          problem {
            id
            section
            number
            title
          }
          counts {
            ...LightCountFields
          }
        }
      }
    }
  `,
  [COUNTS],
);
export type DashboardData = ResultOf<typeof DASHBOARD_QUERY>;
export type UnitRow = DashboardData["dashboard"]["byUnit"][number];
export type LeaderRow = DashboardData["dashboard"]["byLeader"][number];
export type ProblemRow = DashboardData["dashboard"]["byProblem"][number];

export const SET_THRESHOLDS = graphql(
  `
    mutation SetThresholds($days: Int!) {
      setTrafficLightThresholds(dueSoonDays: $days) {
        __typename
        ...ErrorFields
        ... on TrafficLightThresholdsSummary {
          dueSoonDays
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const DUE_SOON_MIN = 1;
export const DUE_SOON_MAX = 90;

/** A whole number of days within the server's range, or null. */
export function parseDueSoonDays(input: string): number | null {
  const s = input.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= DUE_SOON_MIN && n <= DUE_SOON_MAX ? n : null;
}
