// GraphQL documents of rectification actions (督促整改事项) and their result types: the open ones of a unit (or
// the answered ones an inspector / supervisor must confirm), one action with its answers, confirm and reopen.
import type { RecordKind } from "@rectify/server/sync";
import type { Light } from "../lights/lights.ts";
import { ERROR_FIELDS } from "../supervision/typed-result.ts";

export type ActionStatus = "OPEN" | "ANSWERED" | "CONFIRMED" | "REOPENED";

const ACTION_FIELDS = `id status dueOn overdue light rating followUp createdAt canCheck
  findings recordKind recordedAt inspectorName campaignName
  unit { id name } measure { id number text } problem { id section number title }`;

export interface ActionSummary {
  id: string;
  status: ActionStatus;
  dueOn: string;
  overdue: boolean;
  light: Light;
  rating: "LAGGING" | "PROBLEM_FOUND" | "ON_TRACK" | null;
  followUp: boolean;
  createdAt: string;
  /** The viewer may confirm or reopen it (the recording inspector or a supervisor). */
  canCheck: boolean;
  findings: string;
  recordKind: RecordKind;
  recordedAt: string;
  inspectorName: string;
  campaignName: string | null;
  unit: { id: string; name: string };
  measure: { id: string; number: number; text: string } | null;
  problem: { id: string; section: "COMPLETED" | "CONTINUING"; number: number; title: string };
}

/**
 * What the viewer must act on: a liaison, its unit's actions not yet confirmed; staff, the actions of their own
 * findings still open or answered. Earliest due first.
 */
export const MY_ACTIONS_QUERY = `query MyActions { myActions { ${ACTION_FIELDS} } }`;
export interface MyActionsData {
  myActions: ActionSummary[];
}

/** A campaign's actions (staff), earliest due first. */
export const CAMPAIGN_ACTIONS_QUERY = `query CampaignActions($campaignId: ID!) {
  rectificationActions(first: 200, filter: { campaignId: $campaignId }) { totalCount edges { node { ${ACTION_FIELDS} } } } }`;
export interface CampaignActionsData {
  rectificationActions: { totalCount: number; edges: { node: ActionSummary }[] };
}

export interface ActionAnswer {
  id: string;
  text: string;
  createdAt: string;
  authorName: string;
  attachments: { id: string; fileName: string; mimeType: string; complete: boolean; url: string }[];
}

export interface ActionDetail extends ActionSummary {
  reopenReason: string | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
  answers: ActionAnswer[];
}

export const ACTION_QUERY = `query RectificationAction($id: ID!) { node(id: $id) { ... on RectificationAction {
  ${ACTION_FIELDS} reopenReason confirmedAt confirmedByName
  answers { id text createdAt authorName attachments { id fileName mimeType complete url } } } } }`;
export interface ActionData {
  node: ActionDetail | null;
}

export const CONFIRM_ACTION = `mutation ConfirmAction($id: ID!) {
  confirmAction(id: $id) { ${ERROR_FIELDS} ... on RectificationAction { id status } } }`;

export const REOPEN_ACTION = `mutation ReopenAction($id: ID!, $reason: String!) {
  reopenAction(id: $id, reason: $reason) { ${ERROR_FIELDS} ... on RectificationAction { id status } } }`;

/** The reason shown for an action: the record's rating, else the follow-up flag. */
export function whyKey(a: Pick<ActionSummary, "rating" | "followUp">): "PROBLEM_FOUND" | "LAGGING" | "FOLLOW_UP" {
  if (a.rating === "PROBLEM_FOUND" || a.rating === "LAGGING") return a.rating;
  return "FOLLOW_UP";
}
