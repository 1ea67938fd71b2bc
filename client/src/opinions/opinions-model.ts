// 意见建议, pure parts: the opinions query and answer mutation, and which actions an opinion in a status offers
// (an answered or dismissed opinion is settled; a new one may be triaged, answered or dismissed).
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export const OPINION_STATUSES = ["NEW", "TRIAGED", "ANSWERED", "DISMISSED"] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINIONS_QUERY = graphql(`
  query Opinions($status: OpinionStatus) {
    opinions(first: 100, status: $status) {
      totalCount
      edges {
        node {
          id
          text
          name
          contact
          createdAt
          status
          answer
          answeredAt
          problem {
            id
            section
            number
            title
          }
          unit {
            id
            name
          }
        }
      }
    }
  }
`);
export type OpinionsData = ResultOf<typeof OPINIONS_QUERY>;
export type Opinion = OpinionsData["opinions"]["edges"][number]["node"];

export const ANSWER_OPINION = graphql(
  `
    mutation AnswerOpinion($id: ID!, $status: OpinionStatus!, $answer: String) {
      answerOpinion(id: $id, status: $status, answer: $answer) {
        __typename
        ...ErrorFields
        ... on Opinion {
          id
          status
          answer
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

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
