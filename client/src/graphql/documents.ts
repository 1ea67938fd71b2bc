// GraphQL documents of the PWA shell (session and working set), typed by graphql() against server/schema.graphql.
import type { CachedUser } from "../cache/cache-db.ts";
import type { GqlProblem } from "../cache/working-set.ts";
import { graphql, type ResultOf } from "./tada.ts";

const USER_FIELDS = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    role
    unit {
      name
    }
  }
`);

export type GqlUser = ResultOf<typeof USER_FIELDS>;

export function toCachedUser(u: GqlUser): CachedUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitName: u.unit?.name ?? null };
}

export const ME_QUERY = graphql(
  `
    query Me {
      me {
        ...UserFields
      }
    }
  `,
  [USER_FIELDS],
);

export const LOGIN_MUTATION = graphql(
  `
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password, credential: COOKIE) {
        __typename
        ... on LoginPayload {
          user {
            ...UserFields
          }
        }
        ... on BadCredentialsError {
          message
        }
        ... on RateLimitedError {
          message
          retryAfterSeconds
        }
      }
    }
  `,
  [USER_FIELDS],
);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

/** The inspector's working set, paged by 200 (the server's maximum); `me` rides along to detect a lost session. */
// Incremental when $incremental: $filter then holds changedSince (and includeArchived), and removedProblems
// lists the problems deleted since; ledgerClock is the next cursor (read before the problems: nothing is missed).
export const WORKING_SET_QUERY = graphql(
  `
    query WorkingSet(
      $after: String
      $filter: LedgerFilter
      $since: DateTime!
      $inspectionIds: [ID!]
      $incremental: Boolean!
    ) {
      me {
        ...UserFields
      }
      ledgerClock
      removedProblems(since: $since, inspectionIds: $inspectionIds) @include(if: $incremental)
      problems(first: 200, after: $after, filter: $filter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            section
            number
            title
            body
            status
            deadline
            overdue
            light
            inspection {
              id
            }
            archivedAt
            responsibleUnit {
              name
            }
            leadLeader {
              name
            }
            participatingUnits {
              name
            }
            measures(first: 200) {
              edges {
                node {
                  id
                  number
                  numbered
                  text
                  subPoints
                  status
                  deadline
                  longTerm
                  overdue
                  light
                  responsibleUnit {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
  [USER_FIELDS],
);

/** What the working-set fetch reads: the cache's own shape (GqlProblem, normalised into what IndexedDB stores),
 * kept by hand so hand-made test pages need not spell every field; the document's result must stay assignable to
 * it (working-set-context passes one for the other), so a field the cache reads cannot silently leave the query. */
export interface WorkingSetData {
  me: GqlUser | null;
  /** Absent only in hand-made test data. */
  ledgerClock?: string;
  removedProblems?: string[];
  problems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: GqlProblem }[] };
}
