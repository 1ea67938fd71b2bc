// Close-out (销号) and look-back (回头看), pure parts: the per-problem supervision query (staff see records and
// look-backs, liaisons do not), the mutations, which actions a role has on a measure in a status, the order in
// which records are offered, and the forms' own checks (mirroring the server's, in the user's language).
import type { RectStatus } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";
import type { Role } from "../supervision/menu.ts";

export const RECORD_FIELDS = graphql(`
  fragment MeasureRecordFields on InspectionRecord {
    id
    kind
    deviceTime
    rating
    lookBack
    inspectorName
    findings
  }
`);
export type MeasureRecord = ResultOf<typeof RECORD_FIELDS>;
export type RecordKind = MeasureRecord["kind"];

export const LOOK_BACK_FIELDS = graphql(`
  fragment LookBackFields on LookBack {
    id
    dueDate
    outcome
    overdue
    note
    completedAt
  }
`);
export type LookBack = ResultOf<typeof LOOK_BACK_FIELDS>;

/** supervisor: verifies, so gets the records to pick from; staff (inspectors) read look-backs; liaison neither. */
export type SupervisionView = "supervisor" | "staff" | "liaison";

export function supervisionView(role: Role): SupervisionView {
  return role === "ADMIN" || role === "SUPERVISOR" ? "supervisor" : role === "UNIT_LIAISON" ? "liaison" : "staff";
}

/** One document for every view: a liaison's leaves out records and look-backs (the server would refuse them). */
export const PROBLEM_SUPERVISION_QUERY = graphql(
  `
    query ProblemSupervision($id: ID!, $staff: Boolean!, $supervisor: Boolean!) {
      node(id: $id) {
        __typename
        ... on Problem {
          id
          light
          measures(first: 200) {
            edges {
              node {
                id
                status
                light
                inspectionRequired
                statusHistory {
                  fromStatus
                  toStatus
                  reason
                  at
                  actorName
                  undoesAt
                  evidence {
                    id
                    text
                    authorName
                  }
                  verifiedByRecord @include(if: $staff) {
                    id
                    kind
                    deviceTime
                  }
                }
                records(first: 50) @include(if: $supervisor) {
                  edges {
                    node {
                      ...MeasureRecordFields
                    }
                  }
                }
                lookBacks @include(if: $staff) {
                  ...LookBackFields
                }
              }
            }
          }
        }
      }
    }
  `,
  [RECORD_FIELDS, LOOK_BACK_FIELDS],
);
export type ProblemSupervisionData = ResultOf<typeof PROBLEM_SUPERVISION_QUERY>;
type SupervisedProblem = Extract<NonNullable<ProblemSupervisionData["node"]>, { __typename: "Problem" }>;
export type MeasureSupervision = SupervisedProblem["measures"]["edges"][number]["node"];
export type StatusChange = MeasureSupervision["statusHistory"][number];

export function supervisionVariables(id: string, view: SupervisionView) {
  return { id, staff: view !== "liaison", supervisor: view === "supervisor" };
}

const MEASURE_RESULT = graphql(`
  fragment MeasureResult on Measure {
    id
    status
    light
    inspectionRequired
  }
`);
export const REQUEST_CLOSEOUT = graphql(
  `
    mutation RequestCloseout(
      $measureId: ID!
      $evidenceId: String!
      $evidence: String!
      $reason: String!
      $evidenceFileIds: [String!]
    ) {
      requestCloseout(
        measureId: $measureId
        evidenceId: $evidenceId
        evidence: $evidence
        reason: $reason
        evidenceFileIds: $evidenceFileIds
      ) {
        __typename
        ...ErrorFields
        ...MeasureResult
      }
    }
  `,
  [ERROR_FRAGMENT, MEASURE_RESULT],
);
export const VERIFY_CLOSEOUT = graphql(
  `
    mutation VerifyCloseout($measureId: ID!, $approve: Boolean!, $reason: String!, $recordId: ID, $lookBackDate: Date) {
      verifyCloseout(
        measureId: $measureId
        approve: $approve
        reason: $reason
        recordId: $recordId
        lookBackDate: $lookBackDate
      ) {
        __typename
        ...ErrorFields
        ...MeasureResult
      }
    }
  `,
  [ERROR_FRAGMENT, MEASURE_RESULT],
);
export const SET_INSPECTION_REQUIRED = graphql(
  `
    mutation SetInspectionRequired($measureId: ID!, $required: Boolean!) {
      setInspectionRequired(measureId: $measureId, required: $required) {
        __typename
        ...ErrorFields
        ...MeasureResult
      }
    }
  `,
  [ERROR_FRAGMENT, MEASURE_RESULT],
);
export const SCHEDULE_LOOK_BACK = graphql(
  `
    mutation ScheduleLookBack($measureId: ID!, $dueDate: Date!) {
      scheduleLookBack(measureId: $measureId, dueDate: $dueDate) {
        __typename
        ...ErrorFields
        ... on LookBack {
          id
          dueDate
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const COMPLETE_LOOK_BACK = graphql(
  `
    mutation CompleteLookBack($id: ID!, $relapsed: Boolean!, $note: String!, $recordId: ID) {
      completeLookBack(id: $id, relapsed: $relapsed, note: $note, recordId: $recordId) {
        __typename
        ...ErrorFields
        ... on LookBack {
          id
          outcome
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export interface MeasureActions {
  /** 申请销号: the unit (or a supervisor for it) with work done or under way. */
  request: boolean;
  /** 核查销号: a supervisor on a requested close-out. */
  verify: boolean;
  /** 安排回头看: a supervisor on a closed-out measure. */
  scheduleLookBack: boolean;
  /** 销号前需现场核查: a supervisor, until the measure is closed out. */
  toggleInspection: boolean;
}

const REQUESTABLE: ReadonlySet<RectStatus> = new Set(["IN_PROGRESS", "COMPLETED", "RELAPSED"]);

export function actionsFor(role: Role, status: RectStatus): MeasureActions {
  const supervisor = role === "ADMIN" || role === "SUPERVISOR";
  return {
    request: (supervisor || role === "UNIT_LIAISON") && REQUESTABLE.has(status),
    verify: supervisor && status === "CLOSE_REQUESTED",
    scheduleLookBack: supervisor && status === "CLOSED",
    toggleInspection: supervisor && status !== "CLOSED",
  };
}

/** When close-out was last requested (records made before it cannot verify it). */
export function latestRequestAt(history: readonly StatusChange[]): string | null {
  let at: string | null = null;
  for (const c of history) if (c.toStatus === "CLOSE_REQUESTED" && (!at || c.at > at)) at = c.at;
  return at;
}

/** Newest first; for a look-back, records marked as look-back inspections come first. */
export function orderRecords(records: readonly MeasureRecord[], lookBackFirst: boolean): MeasureRecord[] {
  return [...records].sort(
    (a, b) =>
      (lookBackFirst ? Number(b.lookBack) - Number(a.lookBack) : 0) ||
      Date.parse(b.deviceTime) - Date.parse(a.deviceTime),
  );
}

export type Checks = Record<string, "required" | "tooShort" | "notFuture">;

export function checkRequest(f: { evidence: string; reason: string }): Checks {
  const out: Checks = {};
  if (!f.evidence.trim()) out.evidence = "required";
  else if (f.evidence.trim().length < 5) out.evidence = "tooShort";
  if (!f.reason.trim()) out.reason = "required";
  else if (f.reason.trim().length < 2) out.reason = "tooShort";
  return out;
}

/** Reasons and notes need two characters; a look-back day must come after today (Shanghai). */
export function checkReasonAndDate(f: { reason: string; date: string; dateRequired: boolean }, today: string): Checks {
  const out: Checks = {};
  if (!f.reason.trim()) out.reason = "required";
  else if (f.reason.trim().length < 2) out.reason = "tooShort";
  if (!f.date && f.dateRequired) out.date = "required";
  else if (f.date && f.date <= today) out.date = "notFuture";
  return out;
}
