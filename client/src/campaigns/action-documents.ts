// GraphQL documents of rectification actions (督促整改事项) and their result types: the open ones of a unit (or
// the answered ones an inspector / supervisor must confirm), one action with its answers, confirm and reopen.
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

const ACTION_FIELDS = graphql(`
  fragment ActionFields on RectificationAction {
    id
    status
    dueOn
    overdue
    light
    rating
    followUp
    createdAt
    canCheck
    findings
    recordKind
    recordedAt
    inspectorName
    campaignName
    unit {
      id
      name
    }
    measure {
      id
      number
      text
    }
    problem {
      id
      section
      number
      title
    }
  }
`);

/** One action as lists show it; `canCheck`: the viewer may confirm or reopen it (the recording inspector or a
 * supervisor). */
export type ActionSummary = ResultOf<typeof ACTION_FIELDS>;
export type ActionStatus = ActionSummary["status"];

/**
 * What the viewer must act on: a liaison, its unit's actions not yet confirmed; staff, the actions of their own
 * findings still open or answered. Earliest due first.
 */
export const MY_ACTIONS_QUERY = graphql(
  `
    query MyActions {
      myActions {
        ...ActionFields
      }
    }
  `,
  [ACTION_FIELDS],
);

/** A campaign's actions (staff), earliest due first. */
export const CAMPAIGN_ACTIONS_QUERY = graphql(
  `
    query CampaignActions($campaignId: ID!) {
      rectificationActions(first: 200, filter: { campaignId: $campaignId }) {
        totalCount
        edges {
          node {
            ...ActionFields
          }
        }
      }
    }
  `,
  [ACTION_FIELDS],
);

export const ACTION_QUERY = graphql(
  `
    query RectificationAction($id: ID!) {
      node(id: $id) {
        __typename
        ... on RectificationAction {
          ...ActionFields
          reopenReason
          confirmedAt
          confirmedByName
          answers {
            id
            text
            createdAt
            authorName
            attachments {
              id
              fileName
              mimeType
              complete
              url
            }
          }
        }
      }
    }
  `,
  [ACTION_FIELDS],
);
export type ActionDetail = Extract<
  NonNullable<ResultOf<typeof ACTION_QUERY>["node"]>,
  { __typename: "RectificationAction" }
>;

export const CONFIRM_ACTION = graphql(
  `
    mutation ConfirmAction($id: ID!) {
      confirmAction(id: $id) {
        __typename
        ...ErrorFields
        ... on RectificationAction {
          id
          status
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const REOPEN_ACTION = graphql(
  `
    mutation ReopenAction($id: ID!, $reason: String!) {
      reopenAction(id: $id, reason: $reason) {
        __typename
        ...ErrorFields
        ... on RectificationAction {
          id
          status
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

/** The reason shown for an action: the record's rating, else the follow-up flag. */
export function whyKey(a: Pick<ActionSummary, "rating" | "followUp">): "PROBLEM_FOUND" | "LAGGING" | "FOLLOW_UP" {
  if (a.rating === "PROBLEM_FOUND" || a.rating === "LAGGING") return a.rating;
  return "FOLLOW_UP";
}
