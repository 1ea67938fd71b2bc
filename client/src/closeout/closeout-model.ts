// Close-out (销号) and look-back (回头看), pure parts: the per-problem supervision query (staff see records and
// look-backs, liaisons do not), the mutations, which actions a role has on a measure in a status, the order in
// which records are offered, and the forms' own checks (mirroring the server's, in the user's language).
import type { RectStatus } from "../cache/working-set.ts";
import type { Light } from "../lights/lights.ts";
import { ERROR_FIELDS, type TypedPayload } from "../supervision/typed-result.ts";
import type { Role } from "../supervision/menu.ts";

export type RecordKind = "SITE_VISIT" | "LEDGER_CHECK" | "ONSITE_QUESTIONING";
export interface MeasureRecord {
  id: string;
  kind: RecordKind;
  deviceTime: string;
  rating: "ON_TRACK" | "LAGGING" | "PROBLEM_FOUND" | null;
  lookBack: boolean;
  inspectorName: string;
  findings: string;
}
export interface StatusChange {
  fromStatus: RectStatus | null;
  toStatus: RectStatus;
  reason: string;
  at: string;
  actorName: string | null;
  undoesAt: string | null;
  evidence: { id: string; text: string; authorName: string } | null;
  verifiedByRecord?: { id: string; kind: RecordKind; deviceTime: string } | null;
}
export interface LookBack {
  id: string;
  dueDate: string;
  outcome: "PENDING" | "HELD" | "RELAPSED";
  overdue: boolean;
  note: string | null;
  completedAt: string | null;
}
export interface MeasureSupervision {
  id: string;
  status: RectStatus;
  light: Light;
  inspectionRequired: boolean;
  statusHistory: StatusChange[];
  records?: { edges: { node: MeasureRecord }[] };
  lookBacks?: LookBack[];
}
export interface ProblemSupervisionData {
  node: { id: string; light: Light; measures: { edges: { node: MeasureSupervision }[] } } | null;
}

export const RECORD_FIELDS = "id kind deviceTime rating lookBack inspectorName findings";
/** supervisor: verifies, so gets the records to pick from; staff (inspectors) read look-backs; liaison neither. */
export type SupervisionView = "supervisor" | "staff" | "liaison";

export function supervisionView(role: Role): SupervisionView {
  return role === "ADMIN" || role === "SUPERVISOR" ? "supervisor" : role === "UNIT_LIAISON" ? "liaison" : "staff";
}

const HISTORY = (staff: boolean) => `statusHistory {
  fromStatus toStatus reason at actorName undoesAt evidence { id text authorName }
  ${staff ? "verifiedByRecord { id kind deviceTime }" : ""}
}`;
const MEASURE = (view: SupervisionView) => `id status light inspectionRequired ${HISTORY(view !== "liaison")}
  ${view === "supervisor" ? `records(first: 50) { edges { node { ${RECORD_FIELDS} } } }` : ""}
  ${view !== "liaison" ? "lookBacks { id dueDate outcome overdue note completedAt }" : ""}`;

/** A liaison's view leaves out records and look-backs (the server would refuse them). */
export function problemSupervisionQuery(view: SupervisionView): string {
  return `query ProblemSupervision($id: ID!) {
  node(id: $id) { ... on Problem { id light measures(first: 200) { edges { node { ${MEASURE(view)} } } } } }
}`;
}

const MEASURE_RESULT = `... on Measure { id status light inspectionRequired }`;
export const REQUEST_CLOSEOUT = `mutation RequestCloseout($measureId: ID!, $evidenceId: String!, $evidence: String!, $reason: String!, $evidenceFileIds: [String!]) {
  requestCloseout(measureId: $measureId, evidenceId: $evidenceId, evidence: $evidence, reason: $reason, evidenceFileIds: $evidenceFileIds) { ${ERROR_FIELDS} ${MEASURE_RESULT} }
}`;
export const VERIFY_CLOSEOUT = `mutation VerifyCloseout($measureId: ID!, $approve: Boolean!, $reason: String!, $recordId: ID, $lookBackDate: Date) {
  verifyCloseout(measureId: $measureId, approve: $approve, reason: $reason, recordId: $recordId, lookBackDate: $lookBackDate) { ${ERROR_FIELDS} ${MEASURE_RESULT} }
}`;
export const SET_INSPECTION_REQUIRED = `mutation SetInspectionRequired($measureId: ID!, $required: Boolean!) {
  setInspectionRequired(measureId: $measureId, required: $required) { ${ERROR_FIELDS} ${MEASURE_RESULT} }
}`;
export const SCHEDULE_LOOK_BACK = `mutation ScheduleLookBack($measureId: ID!, $dueDate: Date!) {
  scheduleLookBack(measureId: $measureId, dueDate: $dueDate) { ${ERROR_FIELDS} ... on LookBack { id dueDate } }
}`;
export const COMPLETE_LOOK_BACK = `mutation CompleteLookBack($id: ID!, $relapsed: Boolean!, $note: String!, $recordId: ID) {
  completeLookBack(id: $id, relapsed: $relapsed, note: $note, recordId: $recordId) { ${ERROR_FIELDS} ... on LookBack { id outcome } }
}`;
export type MeasurePayload = TypedPayload & { id?: string; status?: RectStatus };

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
