// The filtered problem list's query (by unit or lead leader) and its shape.
import type { RectStatus, Section } from "../cache/working-set.ts";
import type { Light } from "../lights/lights.ts";

export const PROBLEMS_QUERY = `query FilteredProblems($filter: LedgerFilter) {
  problems(first: 200, filter: $filter) {
    totalCount
    edges { node { id section number title status light overdue deadline responsibleUnit { name } } }
  }
}`;

export interface ProblemListNode {
  id: string;
  section: Section;
  number: number;
  title: string;
  status: RectStatus;
  light: Light;
  overdue: boolean;
  deadline: string | null;
  responsibleUnit: { name: string } | null;
}
export interface ProblemListData {
  problems: { totalCount: number; edges: { node: ProblemListNode }[] };
}
