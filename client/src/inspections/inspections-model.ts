// GraphQL documents of the inspection screens (typed from server/schema.graphql by graphql()) and their shapes.
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export const INSPECTION_KINDS = ["巡视", "巡察", "专项巡察", "审计", "其他"] as const;

const HEAD = graphql(`
  fragment InspectionHead on Inspection {
    id
    kind
    round
    team
    inspectedBody
  }
`);
export type InspectionHead = ResultOf<typeof HEAD>;

export const INSPECTION_LIST_QUERY = graphql(
  `
    query InspectionList {
      inspections(first: 100) {
        edges {
          node {
            ...InspectionHead
          }
        }
      }
    }
  `,
  [HEAD],
);
export type InspectionListData = ResultOf<typeof INSPECTION_LIST_QUERY>;

export const OVERVIEW_QUERY = graphql(
  `
    query InspectionOverview {
      inspections(first: 100) {
        totalCount
        edges {
          node {
            ...InspectionHead
            published
            feedbackDate
            rectificationEnd
            figures {
              problems
              measures
              done
              completionRate
              lights {
                green
                yellow
                red
                grey
                total
                overdue
                dueSoon
              }
            }
          }
        }
      }
    }
  `,
  [HEAD],
);
export type OverviewData = ResultOf<typeof OVERVIEW_QUERY>;
export type InspectionOverviewRow = OverviewData["inspections"]["edges"][number]["node"];
export type LightFigures = InspectionOverviewRow["figures"]["lights"];

/** One inspection with every live problem and measure, and the names to pick people and units from. */
export const EDIT_QUERY = graphql(
  `
    query InspectionEdit($id: ID!) {
      node(id: $id) {
        __typename
        ... on Inspection {
          ...InspectionHead
          published
          startDate
          endDate
          feedbackDate
          rectificationEnd
        }
      }
      problems(first: 200, filter: { inspectionIds: [$id] }) {
        edges {
          node {
            id
            section
            number
            title
            category
            body
            status
            measures(first: 200) {
              edges {
                node {
                  id
                  number
                  text
                  subPoints
                  deadline
                  longTerm
                  status
                  leadLeader {
                    name
                  }
                  responsibleUnit {
                    name
                  }
                  participatingUnits {
                    name
                  }
                }
              }
            }
          }
        }
      }
      people(first: 500) {
        edges {
          node {
            id
            name
          }
        }
      }
      units(first: 500) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  `,
  [HEAD],
);
export type EditData = ResultOf<typeof EDIT_QUERY>;
export type EditInspection = Extract<NonNullable<EditData["node"]>, { __typename: "Inspection" }>;
export type EditProblem = EditData["problems"]["edges"][number]["node"];
export type EditMeasure = EditProblem["measures"]["edges"][number]["node"];

export const CREATE_INSPECTION = graphql(
  `
    mutation CreateInspection($input: InspectionInput!) {
      createInspection(input: $input) {
        __typename
        ...ErrorFields
        ... on Inspection {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const UPDATE_INSPECTION = graphql(
  `
    mutation UpdateInspection($id: ID!, $input: InspectionPatch!) {
      updateInspection(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on Inspection {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const CREATE_PROBLEM = graphql(
  `
    mutation CreateProblem($inspectionId: ID!, $input: ProblemInput!) {
      createProblem(inspectionId: $inspectionId, input: $input) {
        __typename
        ...ErrorFields
        ... on Problem {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const UPDATE_PROBLEM = graphql(
  `
    mutation UpdateProblem($id: ID!, $input: ProblemInput!) {
      updateProblem(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on Problem {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const CREATE_MEASURE = graphql(
  `
    mutation CreateMeasure($problemId: ID!, $input: MeasureInput!) {
      createMeasure(problemId: $problemId, input: $input) {
        __typename
        ...ErrorFields
        ... on Measure {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const UPDATE_MEASURE = graphql(
  `
    mutation UpdateMeasure($id: ID!, $input: MeasureInput!) {
      updateMeasure(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on Measure {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const REMOVE_PROBLEM = graphql(
  `
    mutation RemoveProblem($id: ID!) {
      removeProblem(id: $id) {
        __typename
        ...ErrorFields
        ... on RemovalResult {
          outcome
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const REMOVE_MEASURE = graphql(
  `
    mutation RemoveMeasure($id: ID!) {
      removeMeasure(id: $id) {
        __typename
        ...ErrorFields
        ... on RemovalResult {
          outcome
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const REORDER_PROBLEMS = graphql(
  `
    mutation ReorderProblems($inspectionId: ID!, $section: Section!, $ids: [ID!]!) {
      reorderProblems(inspectionId: $inspectionId, section: $section, ids: $ids) {
        __typename
        ...ErrorFields
        ... on Inspection {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const REORDER_MEASURES = graphql(
  `
    mutation ReorderMeasures($problemId: ID!, $ids: [ID!]!) {
      reorderMeasures(problemId: $problemId, ids: $ids) {
        __typename
        ...ErrorFields
        ... on Problem {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const ASSIGN_MEASURES = graphql(
  `
    mutation AssignMeasures($ids: [ID!]!, $assignment: BulkAssignmentInput!) {
      assignMeasures(ids: $ids, assignment: $assignment) {
        __typename
        ...ErrorFields
        ... on MutationAssignMeasuresSuccess {
          data {
            id
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

/** Names typed in one field, split the way ledgers write them: 、，,;；/ and spaces between names. */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[、，,;；/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** Moves item `index` one place up (-1) or down (+1); out of range leaves the order as it is. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A measure form's values → MeasureInput (names are sent as typed; the server finds existing ones by name). */
export interface MeasureDraft {
  text: string;
  subPoints: string;
  leadLeader: string;
  responsibleUnit: string;
  participatingUnits: string;
  deadline: string;
  longTerm: boolean;
}

export function draftOf(m: EditMeasure | null): MeasureDraft {
  return {
    text: m?.text ?? "",
    subPoints: m?.subPoints.join("\n") ?? "",
    leadLeader: m?.leadLeader?.name ?? "",
    responsibleUnit: m?.responsibleUnit?.name ?? "",
    participatingUnits: m?.participatingUnits.map((u) => u.name).join("、") ?? "",
    deadline: m?.deadline ?? "",
    longTerm: m?.longTerm ?? false,
  };
}

export function measureInput(d: MeasureDraft) {
  const name = (s: string) => (s.trim() ? { name: s.trim() } : null);
  return {
    text: d.text.trim(),
    subPoints: d.subPoints
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    leadLeader: name(d.leadLeader),
    responsibleUnit: name(d.responsibleUnit),
    participatingUnits: splitNames(d.participatingUnits).map((n) => ({ name: n })),
    ...(d.longTerm ? { longTerm: true } : { longTerm: false, deadline: d.deadline || null }),
  };
}

/** A bulk assignment: only the fields filled in are sent; the rest stay as they are on each measure. */
export function bulkInput(d: Omit<MeasureDraft, "text" | "subPoints">) {
  return {
    ...(d.leadLeader.trim() ? { leadLeader: { name: d.leadLeader.trim() } } : {}),
    ...(d.responsibleUnit.trim() ? { responsibleUnit: { name: d.responsibleUnit.trim() } } : {}),
    ...(d.participatingUnits.trim()
      ? { participatingUnits: splitNames(d.participatingUnits).map((n) => ({ name: n })) }
      : {}),
    ...(d.longTerm ? { longTerm: true } : d.deadline ? { deadline: d.deadline } : {}),
  };
}
