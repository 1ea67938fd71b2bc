// 用户与单位 (pure): the admin queries and mutations, the new-user form's own checks and the variables it sends.
// A unit liaison must belong to a unit; other roles are sent without one.
import type { Checks } from "../closeout/closeout-model.ts";
import type { Role } from "../supervision/menu.ts";
import { graphql, type ResultOf } from "../graphql/tada.ts";
import { ERROR_FRAGMENT } from "../supervision/typed-result.ts";

export const ROLES: readonly Role[] = ["INSPECTOR", "SUPERVISOR", "UNIT_LIAISON", "ADMIN"];
export const MIN_PASSWORD = 10;

const USER_FIELDS = graphql(`
  fragment AdminUserFields on User {
    id
    username
    displayName
    role
    active
    unit {
      id
      name
    }
  }
`);

export const ADMIN_QUERY = graphql(
  `
    query Admin {
      users(first: 100) {
        totalCount
        edges {
          node {
            ...AdminUserFields
          }
        }
      }
      units(first: 500) {
        totalCount
        edges {
          node {
            id
            name
          }
        }
      }
    }
  `,
  [USER_FIELDS],
);
export type AdminData = ResultOf<typeof ADMIN_QUERY>;
export type AdminUser = AdminData["users"]["edges"][number]["node"];
export type AdminUnit = AdminData["units"]["edges"][number]["node"];

export const CREATE_USER = graphql(
  `
    mutation CreateUser($username: String!, $displayName: String, $password: String!, $role: Role!, $unitId: ID) {
      createUser(username: $username, displayName: $displayName, password: $password, role: $role, unitId: $unitId) {
        __typename
        ...ErrorFields
        ... on User {
          ...AdminUserFields
        }
      }
    }
  `,
  [ERROR_FRAGMENT, USER_FIELDS],
);
export const SET_ACTIVE = graphql(
  `
    mutation SetUserActive($id: ID!, $active: Boolean!) {
      updateUser(id: $id, active: $active) {
        __typename
        ...ErrorFields
        ... on User {
          id
          active
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);
export const CREATE_UNIT = graphql(
  `
    mutation CreateUnit($name: String!) {
      createUnit(name: $name) {
        __typename
        ...ErrorFields
        ... on Unit {
          id
          name
        }
      }
    }
  `,
  [ERROR_FRAGMENT],
);

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string;
}

export const EMPTY_USER: NewUser = { username: "", displayName: "", password: "", role: "INSPECTOR", unitId: "" };

/** Only a unit liaison is tied to a unit (and must be). */
export const needsUnit = (role: Role): boolean => role === "UNIT_LIAISON";

export function checkNewUser(f: NewUser): Checks {
  const out: Checks = {};
  if (!f.username.trim()) out.username = "required";
  if (!f.password) out.password = "required";
  else if (f.password.length < MIN_PASSWORD) out.password = "tooShort";
  if (needsUnit(f.role) && !f.unitId) out.unitId = "required";
  return out;
}

export function newUserVariables(f: NewUser) {
  return {
    username: f.username.trim(),
    displayName: f.displayName.trim() || null,
    password: f.password,
    role: f.role,
    unitId: needsUnit(f.role) ? f.unitId : null,
  };
}

export function checkUnit(name: string): Checks {
  return name.trim() ? {} : { unitName: "required" };
}

/** Active accounts first, each group by username. */
export function orderUsers(users: readonly AdminUser[]): AdminUser[] {
  return [...users].sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username));
}
