// The filtered problem list's query (by unit or lead leader) and its shape.
import { graphql, type ResultOf } from "../graphql/tada.ts";

/** A problem as the lists show it (also the dashboard counts' problem list). */
export const PROBLEM_LIST_FIELDS = graphql(`
  fragment ProblemListFields on Problem {
    id
    section
    number
    title
    status
    light
    overdue
    deadline
    responsibleUnit {
      name
    }
  }
`);

export const PROBLEMS_QUERY = graphql(
  `
    query FilteredProblems($filter: LedgerFilter) {
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
export type ProblemListData = ResultOf<typeof PROBLEMS_QUERY>;
export type ProblemListNode = ProblemListData["problems"]["edges"][number]["node"];
