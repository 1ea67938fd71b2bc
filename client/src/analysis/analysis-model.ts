// 一月一整理、一季一分析, pure parts: the periodAnalysis query and shapes, the period picker's model, and how figures
// and their changes read (45.0%, ▲ 3.2 个百分点, ▼ 2).
import type { RectStatus } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { isMonth, isQuarter, shanghaiMonth, shanghaiQuarter } from "../lib/shanghai.ts";

const FIGURES = graphql(`
  fragment PeriodFigures on PeriodFiguresSummary {
    completionRate
    overdue
    statuses {
      total
      notStarted
      inProgress
      completed
      closeRequested
      closed
      relapsed
      done
    }
  }
`);

export const ANALYSIS_QUERY = graphql(
  `
    query PeriodAnalysis($period: String!, $inspection: ID) {
      periodAnalysis(period: $period, inspection: $inspection) {
        __typename
        ... on ValidationError {
          message
        }
        ... on PeriodAnalysisSummary {
          period
          kind
          firstDay
          lastDay
          asOf
          previousPeriod
          previousAsOf
          figures {
            ...PeriodFigures
          }
          previous {
            ...PeriodFigures
          }
          change {
            ...PeriodFigures
          }
          units {
            unit {
              id
              name
            }
            total
            done
            overdue
            completionRate
          }
          overdueItems {
            daysOverdue
            deadline
            statusAtEnd
            unit {
              name
            }
            measure {
              id
              number
              numbered
              text
              problem {
                id
                section
                number
                title
              }
            }
          }
          findings {
            total
            followUpsRequired
            byKind {
              siteVisit
              ledgerCheck
              onsiteQuestioning
            }
            byRating {
              onTrack
              lagging
              problemFound
              unrated
            }
            problemsFound {
              id
              kind
              deviceTime
              findings
              inspectorName
              problem {
                id
                section
                number
                title
              }
            }
          }
        }
      }
    }
  `,
  [FIGURES],
);
export type AnalysisData = ResultOf<typeof ANALYSIS_QUERY>;
export type Analysis = Extract<AnalysisData["periodAnalysis"], { __typename: "PeriodAnalysisSummary" }>;
export type Figures = ResultOf<typeof FIGURES>;
export type StatusCounts = Figures["statuses"];
export type UnitFigures = Analysis["units"][number];

/** Status rows in workflow order, keyed like the status.* messages. */
export const STATUS_ROWS: readonly { status: RectStatus; field: keyof StatusCounts }[] = [
  { status: "NOT_STARTED", field: "notStarted" },
  { status: "IN_PROGRESS", field: "inProgress" },
  { status: "COMPLETED", field: "completed" },
  { status: "CLOSE_REQUESTED", field: "closeRequested" },
  { status: "CLOSED", field: "closed" },
  { status: "RELAPSED", field: "relapsed" },
];

export interface PeriodForm {
  kind: "MONTH" | "QUARTER";
  month: string;
  year: string;
  quarter: string;
}

/** The picker's state for a period (or, for none or a malformed one, this month in Shanghai). */
export function formFor(period: string | null, now: Date): PeriodForm {
  const quarter = isQuarter(period ?? "") ? period! : shanghaiQuarter(now);
  const month = isMonth(period ?? "") ? period! : shanghaiMonth(now);
  const [year = "", q = "Q1"] = quarter.split("-");
  return { kind: isQuarter(period ?? "") ? "QUARTER" : "MONTH", month, year, quarter: q.slice(1) };
}

export function periodOf(f: PeriodForm): string | null {
  const p = f.kind === "MONTH" ? f.month : `${f.year}-Q${f.quarter}`;
  return f.kind === "MONTH" ? (isMonth(p) ? p : null) : isQuarter(p) ? p : null;
}

/** 0.4567 → "45.7%". */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

export interface Delta {
  direction: "up" | "down" | "same";
  /** ▲ ▼ or ＝ */
  symbol: string;
  /** The absolute change, formatted (percentage points for rates). */
  amount: string;
}

export function delta(change: number, kind: "count" | "rate"): Delta {
  const value = kind === "rate" ? Math.round(change * 1000) / 10 : change;
  const direction = value > 0 ? "up" : value < 0 ? "down" : "same";
  const symbol = direction === "up" ? "▲" : direction === "down" ? "▼" : "＝";
  const abs = Math.abs(value);
  return { direction, symbol, amount: kind === "rate" ? abs.toFixed(1) : String(abs) };
}

/** Years offered by the quarter picker: from five years back to next year. */
export function yearOptions(now: Date): string[] {
  const y = Number(shanghaiMonth(now).slice(0, 4));
  return Array.from({ length: 7 }, (_, i) => String(y + 1 - i));
}
