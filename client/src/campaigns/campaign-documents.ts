// GraphQL documents of special inspections (专项督查) for supervisors: the list, one campaign with its teams and
// targets (coverage is computed from these), planning one, the users to pick inspectors from, and the report's
// addresses; correcting a campaign (its facts, targets, teams), growing it (teams, targets), removing a team, and
// cancelling it. Result types are what the screens read.
import type { RecordKind } from "@rectify/server/sync";
import { graphql, type ResultOf, type VariablesOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export const CAMPAIGNS_QUERY = graphql(`
  query Campaigns {
    campaigns(includeCancelled: true) {
      id
      name
      offices
      startsOn
      endsOn
      state
      coverage {
        total
        done
      }
    }
  }
`);
export type CampaignSummary = ResultOf<typeof CAMPAIGNS_QUERY>["campaigns"][number];

export const CAMPAIGN_QUERY = graphql(`
  query Campaign($id: ID!) {
    node(id: $id) {
      __typename
      ... on Campaign {
        id
        name
        offices
        startsOn
        endsOn
        state
        cancelledAt
        cancelReason
        actionDueDays
        inspection {
          id
        }
        teams {
          id
          name
          members {
            id
            displayName
          }
        }
        targets {
          id
          methods
          due
          dueOn
          status
          team {
            id
            name
          }
          measure {
            id
            number
            text
            light
            responsibleUnit {
              id
              name
            }
          }
          problem {
            id
            section
            number
            title
          }
        }
      }
    }
  }
`);
export type CampaignDetail = Extract<NonNullable<ResultOf<typeof CAMPAIGN_QUERY>["node"]>, { __typename: "Campaign" }>;
export type CampaignTargetRow = CampaignDetail["targets"][number];

/** Targets of one team sharing the same methods: one addCampaignTargets call. */
export interface TargetBatch {
  teamName: string;
  methods: RecordKind[];
  measureIds: string[];
}

export const CREATE_CAMPAIGN = graphql(
  `
    mutation CreateCampaign($input: CampaignInput!) {
      createCampaign(input: $input) {
        __typename
        ...ErrorFields
        ... on Campaign {
          id
          name
          teams {
            id
            name
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export type CampaignInput = VariablesOf<typeof CREATE_CAMPAIGN>["input"];

export const ADD_TARGETS = graphql(
  `
    mutation AddCampaignTargets($campaignId: ID!, $input: CampaignTargetsInput!) {
      addCampaignTargets(campaignId: $campaignId, input: $input) {
        __typename
        ...ErrorFields
        ... on AddCampaignTargetsPayload {
          skipped
          added {
            id
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const UPDATE_CAMPAIGN = graphql(
  `
    mutation UpdateCampaign($id: ID!, $input: CampaignPatch!) {
      updateCampaign(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ... on Campaign {
          id
          name
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export type CampaignPatch = VariablesOf<typeof UPDATE_CAMPAIGN>["input"];

export const CANCEL_CAMPAIGN = graphql(
  `
    mutation CancelCampaign($id: ID!, $reason: String!) {
      cancelCampaign(id: $id, reason: $reason) {
        __typename
        ...ErrorFields
        ... on Campaign {
          id
          state
          cancelReason
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const UPDATE_TARGET = graphql(
  `
    mutation UpdateCampaignTarget($id: ID!, $methods: [RecordKind!], $teamId: ID, $dueOn: Date) {
      updateCampaignTarget(id: $id, methods: $methods, teamId: $teamId, dueOn: $dueOn) {
        __typename
        ...ErrorFields
        ... on CampaignTarget {
          id
          methods
          dueOn
          team {
            id
            name
          }
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const REMOVE_TARGET = graphql(
  `
    mutation RemoveCampaignTarget($id: ID!) {
      removeCampaignTarget(id: $id) {
        __typename
        ...ErrorFields
        ... on Campaign {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const UPDATE_TEAM = graphql(
  `
    mutation UpdateCampaignTeam($id: ID!, $name: String, $memberIds: [ID!]) {
      updateCampaignTeam(id: $id, name: $name, memberIds: $memberIds) {
        __typename
        ...ErrorFields
        ... on CampaignTeam {
          id
          name
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const ADD_TEAM = graphql(
  `
    mutation AddCampaignTeam($campaignId: ID!, $team: CampaignTeamInput!) {
      addCampaignTeam(campaignId: $campaignId, team: $team) {
        __typename
        ...ErrorFields
        ... on CampaignTeam {
          id
          name
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export const REMOVE_TEAM = graphql(
  `
    mutation RemoveCampaignTeam($id: ID!) {
      removeCampaignTeam(id: $id) {
        __typename
        ...ErrorFields
        ... on Campaign {
          id
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

/** Active inspectors, supervisors and admins, by name: who may be put in a team. */
export const STAFF_QUERY = graphql(`
  query CampaignStaff {
    fieldStaff {
      id
      displayName
      role
    }
  }
`);

/** The campaign report (督查情况通报): printable HTML or .docx, by the campaign's raw id (supervisors). */
export function reportHref(rawCampaignId: string, format: "html" | "docx"): string {
  return `/exports/campaign/${encodeURIComponent(rawCampaignId)}.${format}`;
}
