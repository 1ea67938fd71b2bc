// The ledger table's data (pure): the `measures` query with the server-side filters (inspection, unit, overdue,
// words), one flat row per measure (problem × measure), the client-side light filter the API has no argument for,
// the columns a supervisor may show or hide, and the CSV of exactly the rows and columns shown.
// Invariant: the CSV is built from the same column texts the table shows, in the same order.
import Papa from "papaparse";
import { problemLabel } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { isLight, LIGHTS, type Light } from "../lights/lights.ts";

export const LEDGER_TABLE_QUERY = graphql(`
  query LedgerTable($filter: LedgerFilter) {
    measures(first: 500, filter: $filter) {
      totalCount
      edges {
        node {
          id
          number
          numbered
          text
          deadline
          longTerm
          overdue
          light
          status
          problem {
            id
            section
            number
            title
          }
          responsibleUnit {
            id
            name
          }
          leadLeader {
            id
            name
          }
          records(first: 1) {
            edges {
              node {
                deviceTime
                kind
              }
            }
          }
          lastProgress {
            createdAt
          }
        }
      }
    }
  }
`);
export type LedgerTableData = ResultOf<typeof LEDGER_TABLE_QUERY>;
export type LedgerMeasureNode = LedgerTableData["measures"]["edges"][number]["node"];

export const LEDGER_UNITS_QUERY = graphql(`
  query LedgerUnits {
    units(first: 500) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
export type LedgerUnitsData = ResultOf<typeof LEDGER_UNITS_QUERY>;

/** One row of the table: a measure with its problem, flattened. */
export interface LedgerRow {
  id: string;
  problemId: string;
  /** "一-3 title": the problem as the dashboard names it. */
  problem: string;
  /** Report order of the problem (section, number) then the measure number, for the default sort. */
  order: number;
  measure: string;
  unit: string | null;
  leader: string | null;
  deadline: string | null;
  longTerm: boolean;
  overdue: boolean;
  light: Light;
  status: string;
  lastRecordAt: string | null;
  lastRecordKind: string | null;
  lastProgressAt: string | null;
}

export function toRows(data: LedgerTableData | null): LedgerRow[] {
  if (!data) return [];
  return data.measures.edges.map(({ node: m }, i) => {
    const record = m.records.edges[0]?.node ?? null;
    return {
      id: m.id,
      problemId: m.problem.id,
      problem: `${problemLabel(m.problem)} ${m.problem.title}`,
      order: i,
      measure: m.numbered ? `(${m.number}) ${m.text}` : m.text,
      unit: m.responsibleUnit?.name ?? null,
      leader: m.leadLeader?.name ?? null,
      deadline: m.deadline,
      longTerm: m.longTerm,
      overdue: m.overdue,
      light: isLight(m.light) ? m.light : "GREY",
      status: m.status,
      lastRecordAt: record?.deviceTime ?? null,
      lastRecordKind: record?.kind ?? null,
      lastProgressAt: m.lastProgress?.createdAt ?? null,
    };
  });
}

/** The columns in their fixed order; the first is always shown (it names the row). */
export const LEDGER_COLUMNS = [
  "problem",
  "measure",
  "unit",
  "leader",
  "deadline",
  "light",
  "status",
  "lastRecord",
  "lastProgress",
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export function isLedgerColumn(v: unknown): v is LedgerColumn {
  return typeof v === "string" && (LEDGER_COLUMNS as readonly string[]).includes(v);
}

/** Hidden columns as stored on the device: unknown names (from another release) are dropped, never the first. */
export function cleanHidden(stored: unknown): LedgerColumn[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isLedgerColumn).filter((c) => c !== LEDGER_COLUMNS[0]);
}

/** Severity rank for sorting by light: red first when descending. */
export function lightRank(l: Light): number {
  return LIGHTS.length - LIGHTS.indexOf(l);
}

export interface ClientFilter {
  light: Light | "";
}

/** The one filter the API lacks (by light); the others went to the server with the query. */
export function applyClientFilter(rows: readonly LedgerRow[], f: ClientFilter): LedgerRow[] {
  return f.light ? rows.filter((r) => r.light === f.light) : [...rows];
}

/** The server filter from the screen's controls; blank controls send nothing. */
export function serverFilter(f: { inspectionId: string | null; unitId: string; overdue: boolean; text: string }) {
  const search = f.text.trim().slice(0, 100);
  return {
    ...(f.inspectionId ? { inspectionId: f.inspectionId } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(search ? { search } : {}),
  };
}

/**
 * CSV of a header row and the shown rows, as Excel opens it: UTF-8 with a byte-order mark, CRLF, every field
 * quoted when needed, and cells that a spreadsheet would run as a formula (=, +, -, @) escaped.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse([header as string[], ...(rows as string[][])], { newline: "\r\n", escapeFormulae: true })}`;
}
