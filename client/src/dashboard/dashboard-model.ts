// The dashboard's data (pure): the `dashboard` query with light counts overall, per unit, leader and problem; the
// thresholds in force and their mutation; and the check of a typed-in "临期天数".
import { LIGHT_COUNTS_FIELDS, type Light, type LightCounts } from "../lights/lights.ts";
import type { Section } from "../cache/working-set.ts";
import { ERROR_FIELDS, type TypedPayload } from "../supervision/typed-result.ts";

const F = `{ ${LIGHT_COUNTS_FIELDS} }`;

export const DASHBOARD_QUERY = `query Dashboard($inspection: ID) {
  trafficLightThresholds { dueSoonDays }
  dashboard(inspection: $inspection) {
    asOf dueSoonDays
    measures ${F}
    problems ${F}
    byUnit { unit { id name } counts ${F} }
    byLeader { leader { id name } counts ${F} }
    byProblem { light problem { id section number title } counts ${F} }
  }
}`;

export interface UnitRow {
  unit: { id: string; name: string } | null;
  counts: LightCounts;
}
export interface LeaderRow {
  leader: { id: string; name: string } | null;
  counts: LightCounts;
}
export interface ProblemRow {
  light: Light;
  problem: { id: string; section: Section; number: number; title: string };
  counts: LightCounts;
}

export interface DashboardData {
  trafficLightThresholds: { dueSoonDays: number };
  dashboard: {
    asOf: string;
    dueSoonDays: number;
    measures: LightCounts;
    problems: LightCounts;
    byUnit: UnitRow[];
    byLeader: LeaderRow[];
    byProblem: ProblemRow[];
  };
}

export const SET_THRESHOLDS = `mutation SetThresholds($days: Int!) {
  setTrafficLightThresholds(dueSoonDays: $days) { ${ERROR_FIELDS} ... on TrafficLightThresholdsSummary { dueSoonDays } }
}`;
export type ThresholdsPayload = TypedPayload & { dueSoonDays?: number };

export const DUE_SOON_MIN = 1;
export const DUE_SOON_MAX = 90;

/** A whole number of days within the server's range, or null. */
export function parseDueSoonDays(input: string): number | null {
  const s = input.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= DUE_SOON_MIN && n <= DUE_SOON_MAX ? n : null;
}
