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

/** The inspector's working set, paged by 1000 (the server's maximum); `me` rides along to detect a lost session. */
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
      # Problems with their measures as one JSON value built by the server (GqlProblem's shape, exactly what
      # problems { … } would give): resolving them field by field cost seconds at province scale.
      workingSetProblems(first: 1000, after: $after, filter: $filter) {
        problems
        hasNextPage
        endCursor
      }
    }
  `,
  [USER_FIELDS],
);

/** What the working-set fetch reads: the cache's own shape (GqlProblem, normalised into what IndexedDB stores),
 * kept by hand so hand-made test pages need not spell every field; workingSetData() makes it from the document's
 * result (whose problems are one JSON value in GqlProblem's shape: server/src/queries/working-set-page.ts). */
export interface WorkingSetData {
  me: GqlUser | null;
  /** Absent only in hand-made test data. */
  ledgerClock?: string;
  removedProblems?: string[];
  problems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: GqlProblem }[] };
}

/** The working-set document's result as the fetch reads it; the page's JSON is trusted to be GqlProblem[]. */
export function workingSetData(result: ResultOf<typeof WORKING_SET_QUERY>): WorkingSetData {
  const page = result.workingSetProblems;
  return {
    me: result.me,
    ledgerClock: result.ledgerClock,
    ...(result.removedProblems ? { removedProblems: result.removedProblems } : {}),
    problems: {
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      edges: (page.problems as GqlProblem[]).map((node) => ({ node })),
    },
  };
}
