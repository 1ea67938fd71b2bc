// 意见建议, pure parts: the opinions query and answer mutation, and which actions an opinion in a status offers
// (an answered or dismissed opinion is settled; a new one may be triaged, answered or dismissed).
import type { Section } from "../cache/working-set.ts";
import { ERROR_FIELDS, type TypedPayload } from "../supervision/typed-result.ts";

export const OPINION_STATUSES = ["NEW", "TRIAGED", "ANSWERED", "DISMISSED"] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export interface Opinion {
  id: string;
  text: string;
  name: string | null;
  contact: string | null;
  createdAt: string;
  status: OpinionStatus;
  answer: string | null;
  answeredAt: string | null;
  problem: { id: string; section: Section; number: number; title: string } | null;
  unit: { id: string; name: string } | null;
}

export const OPINIONS_QUERY = `query Opinions($status: OpinionStatus) {
  opinions(first: 100, status: $status) {
    totalCount
    edges { node {
      id text name contact createdAt status answer answeredAt
      problem { id section number title } unit { id name }
    } }
  }
}`;
export interface OpinionsData {
  opinions: { totalCount: number; edges: { node: Opinion }[] };
}

export const ANSWER_OPINION = `mutation AnswerOpinion($id: ID!, $status: OpinionStatus!, $answer: String) {
  answerOpinion(id: $id, status: $status, answer: $answer) { ${ERROR_FIELDS} ... on Opinion { id status answer } }
}`;
export type OpinionPayload = TypedPayload & { status?: OpinionStatus };

export type OpinionAction = "TRIAGED" | "ANSWERED" | "DISMISSED";

export function actionsForOpinion(status: OpinionStatus): OpinionAction[] {
  if (status === "NEW") return ["TRIAGED", "ANSWERED", "DISMISSED"];
  if (status === "TRIAGED") return ["ANSWERED", "DISMISSED"];
  return [];
}

/** An answer needs text; a dismissal may carry a reason; triage carries none. */
export function answerProblem(action: OpinionAction, answer: string): "required" | null {
  return action === "ANSWERED" && !answer.trim() ? "required" : null;
}
