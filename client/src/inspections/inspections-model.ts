// GraphQL documents of the inspection screens (checked by hand against server/schema.graphql) and their shapes.
import { ERROR_FIELDS } from "../supervision/typed-result.ts";

export const INSPECTION_KINDS = ["巡视", "巡察", "专项巡察", "审计", "其他"] as const;

const HEAD = "id kind round team inspectedBody";

export const INSPECTION_LIST_QUERY = `query InspectionList { inspections(first: 100) { edges { node { ${HEAD} } } } }`;
export interface InspectionHead {
  id: string;
  kind: string;
  round: string | null;
  team: string;
  inspectedBody: string;
}
export interface InspectionListData {
  inspections: { edges: { node: InspectionHead }[] };
}

export interface LightFigures {
  green: number;
  yellow: number;
  red: number;
  grey: number;
  total: number;
  overdue: number;
  dueSoon: number;
}
export interface InspectionOverviewRow extends InspectionHead {
  published: boolean;
  feedbackDate: string | null;
  rectificationEnd: string | null;
  figures: { problems: number; measures: number; done: number; completionRate: number; lights: LightFigures };
}
export const OVERVIEW_QUERY = `query InspectionOverview { inspections(first: 100) { totalCount edges { node {
  ${HEAD} published feedbackDate rectificationEnd
  figures { problems measures done completionRate lights { green yellow red grey total overdue dueSoon } }
} } } }`;
export interface OverviewData {
  inspections: { totalCount: number; edges: { node: InspectionOverviewRow }[] };
}

export interface EditMeasure {
  id: string;
  number: number;
  text: string;
  subPoints: string[];
  deadline: string | null;
  longTerm: boolean;
  status: string;
  leadLeader: { name: string } | null;
  responsibleUnit: { name: string } | null;
  participatingUnits: { name: string }[];
}
export interface EditProblem {
  id: string;
  section: "COMPLETED" | "CONTINUING";
  number: number;
  title: string;
  category: string | null;
  body: string;
  status: string;
  measures: { edges: { node: EditMeasure }[] };
}
export interface EditInspection extends InspectionHead {
  published: boolean;
  startDate: string | null;
  endDate: string | null;
  feedbackDate: string | null;
  rectificationEnd: string | null;
}

const MEASURE = `id number text subPoints deadline longTerm status leadLeader { name } responsibleUnit { name }
  participatingUnits { name }`;

/** One inspection with every live problem and measure, and the names to pick people and units from. */
export const EDIT_QUERY = `query InspectionEdit($id: ID!) {
  node(id: $id) { ... on Inspection { ${HEAD} published startDate endDate feedbackDate rectificationEnd } }
  problems(first: 200, filter: { inspectionIds: [$id] }) { edges { node {
    id section number title category body status measures(first: 200) { edges { node { ${MEASURE} } } }
  } } }
  people(first: 500) { edges { node { id name } } }
  units(first: 500) { edges { node { id name } } }
}`;
export interface EditData {
  node: EditInspection | null;
  problems: { edges: { node: EditProblem }[] };
  people: { edges: { node: { id: string; name: string } }[] };
  units: { edges: { node: { id: string; name: string } }[] };
}

const INSPECTION_RESULT = `${ERROR_FIELDS} ... on Inspection { id }`;
export const CREATE_INSPECTION = `mutation CreateInspection($input: InspectionInput!) {
  createInspection(input: $input) { ${INSPECTION_RESULT} } }`;
export const UPDATE_INSPECTION = `mutation UpdateInspection($id: ID!, $input: InspectionPatch!) {
  updateInspection(id: $id, input: $input) { ${INSPECTION_RESULT} } }`;
export const CREATE_PROBLEM = `mutation CreateProblem($inspectionId: ID!, $input: ProblemInput!) {
  createProblem(inspectionId: $inspectionId, input: $input) { ${ERROR_FIELDS} ... on Problem { id } } }`;
export const UPDATE_PROBLEM = `mutation UpdateProblem($id: ID!, $input: ProblemInput!) {
  updateProblem(id: $id, input: $input) { ${ERROR_FIELDS} ... on Problem { id } } }`;
export const CREATE_MEASURE = `mutation CreateMeasure($problemId: ID!, $input: MeasureInput!) {
  createMeasure(problemId: $problemId, input: $input) { ${ERROR_FIELDS} ... on Measure { id } } }`;
export const UPDATE_MEASURE = `mutation UpdateMeasure($id: ID!, $input: MeasureInput!) {
  updateMeasure(id: $id, input: $input) { ${ERROR_FIELDS} ... on Measure { id } } }`;
export const REMOVE_PROBLEM = `mutation RemoveProblem($id: ID!) {
  removeProblem(id: $id) { ${ERROR_FIELDS} ... on RemovalResult { outcome } } }`;
export const REMOVE_MEASURE = `mutation RemoveMeasure($id: ID!) {
  removeMeasure(id: $id) { ${ERROR_FIELDS} ... on RemovalResult { outcome } } }`;
export const REORDER_PROBLEMS = `mutation ReorderProblems($inspectionId: ID!, $section: Section!, $ids: [ID!]!) {
  reorderProblems(inspectionId: $inspectionId, section: $section, ids: $ids) { ${ERROR_FIELDS} ... on Inspection { id } } }`;
export const REORDER_MEASURES = `mutation ReorderMeasures($problemId: ID!, $ids: [ID!]!) {
  reorderMeasures(problemId: $problemId, ids: $ids) { ${ERROR_FIELDS} ... on Problem { id } } }`;
export const ASSIGN_MEASURES = `mutation AssignMeasures($ids: [ID!]!, $assignment: BulkAssignmentInput!) {
  assignMeasures(ids: $ids, assignment: $assignment) { ${ERROR_FIELDS} ... on MutationAssignMeasuresSuccess { data { id } } } }`;

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
