// GraphQL documents of the PWA (checked by hand against server/schema.graphql), with their result types.
import type { CachedUser } from "../cache/cache-db.ts";
import type { GqlProblem } from "../cache/working-set.ts";

const USER_FIELDS = "id username displayName role unit { name }";

export interface GqlUser {
  id: string;
  username: string;
  displayName: string;
  role: CachedUser["role"];
  unit: { name: string } | null;
}

export function toCachedUser(u: GqlUser): CachedUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitName: u.unit?.name ?? null };
}

export const ME_QUERY = `query Me { me { ${USER_FIELDS} } }`;
export interface MeData {
  me: GqlUser | null;
}

export const LOGIN_MUTATION = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password, credential: COOKIE) {
    __typename
    ... on LoginPayload { user { ${USER_FIELDS} } }
    ... on BadCredentialsError { message }
    ... on RateLimitedError { message retryAfterSeconds }
  }
}`;
export interface LoginData {
  login:
    | { __typename: "LoginPayload"; user: GqlUser }
    | { __typename: "BadCredentialsError"; message: string }
    | { __typename: "RateLimitedError"; message: string; retryAfterSeconds: number }
    | { __typename: string; message?: string };
}

export const LOGOUT_MUTATION = `mutation Logout { logout }`;

/** The inspector's working set, paged by 200 (the server's maximum); `me` rides along to detect a lost session. */
// Incremental when $incremental: $filter then holds changedSince (and includeArchived), and removedProblems
// lists the problems deleted since; ledgerClock is the next cursor (read before the problems: nothing is missed).
export const WORKING_SET_QUERY = `query WorkingSet($after: String, $filter: LedgerFilter, $since: DateTime!,
    $inspectionIds: [ID!], $incremental: Boolean!) {
  me { ${USER_FIELDS} }
  ledgerClock
  removedProblems(since: $since, inspectionIds: $inspectionIds) @include(if: $incremental)
  problems(first: 200, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id section number title body status deadline overdue light inspection { id } archivedAt
      responsibleUnit { name } leadLeader { name } participatingUnits { name }
      measures(first: 200) { edges { node {
        id number numbered text subPoints status deadline longTerm overdue light responsibleUnit { name }
      } } }
    } }
  }
}`;
export interface WorkingSetData {
  me: GqlUser | null;
  /** Absent only in hand-made test data. */
  ledgerClock?: string;
  removedProblems?: string[];
  problems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: GqlProblem }[] };
}
