// 回头看 list, pure parts: the lookBacks query (soonest first, as the server orders them) with each measure's
// records, and the shapes.
import type { RectStatus, Section } from "../cache/working-set.ts";
import { RECORD_FIELDS, type LookBack, type MeasureRecord } from "../closeout/closeout-model.ts";
import type { Light } from "../lights/lights.ts";

export const OUTCOMES = ["PENDING", "HELD", "RELAPSED"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LOOK_BACKS_QUERY = `query LookBacks($outcome: LookBackOutcome) {
  lookBacks(first: 100, outcome: $outcome) {
    totalCount
    edges { node {
      id dueDate outcome overdue note closedAt completedAt
      record { id kind deviceTime }
      measure {
        id number numbered text status light
        problem { id section number title }
        records(first: 50) { edges { node { ${RECORD_FIELDS} } } }
      }
    } }
  }
}`;

export interface LookBackNode extends LookBack {
  closedAt: string;
  record: { id: string; kind: MeasureRecord["kind"]; deviceTime: string } | null;
  measure: {
    id: string;
    number: number;
    numbered: boolean;
    text: string;
    status: RectStatus;
    light: Light;
    problem: { id: string; section: Section; number: number; title: string };
    records: { edges: { node: MeasureRecord }[] };
  };
}

export interface LookBacksData {
  lookBacks: { totalCount: number; edges: { node: LookBackNode }[] };
}
