// 用户与单位 (pure): the admin queries and mutations, the new-user form's own checks and the variables it sends.
// A unit liaison must belong to a unit; other roles are sent without one.
import type { Checks } from "../closeout/closeout-model.ts";
import type { Role } from "../supervision/menu.ts";
import { ERROR_FIELDS, type TypedPayload } from "../supervision/typed-result.ts";

export const ROLES: readonly Role[] = ["INSPECTOR", "SUPERVISOR", "UNIT_LIAISON", "ADMIN"];
export const MIN_PASSWORD = 10;

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  unit: { id: string; name: string } | null;
}
export interface AdminUnit {
  id: string;
  name: string;
}
export interface AdminData {
  users: { totalCount: number; edges: { node: AdminUser }[] };
  units: { totalCount: number; edges: { node: AdminUnit }[] };
}

const USER_FIELDS = "id username displayName role active unit { id name }";

export const ADMIN_QUERY = `query Admin {
  users(first: 100) { totalCount edges { node { ${USER_FIELDS} } } }
  units(first: 500) { totalCount edges { node { id name } } }
}`;
export const CREATE_USER = `mutation CreateUser($username: String!, $displayName: String, $password: String!, $role: Role!, $unitId: ID) {
  createUser(username: $username, displayName: $displayName, password: $password, role: $role, unitId: $unitId) {
    ${ERROR_FIELDS} ... on User { ${USER_FIELDS} } } }`;
export const SET_ACTIVE = `mutation SetUserActive($id: ID!, $active: Boolean!) {
  updateUser(id: $id, active: $active) { ${ERROR_FIELDS} ... on User { id active } } }`;
export const CREATE_UNIT = `mutation CreateUnit($name: String!) {
  createUnit(name: $name) { ${ERROR_FIELDS} ... on Unit { id name } } }`;

export type UserPayload = TypedPayload & Partial<AdminUser>;

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
