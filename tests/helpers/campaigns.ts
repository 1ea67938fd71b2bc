// Helpers of the campaign and action tests: another logged-in user, global ids, GraphQL documents.
import { randomUUID } from "node:crypto";
import { createUser } from "@rectify/server/queries/users";
import { PASSWORD, type TestApp } from "./test-app.ts";

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** Creates a user and answers a GraphQL client logged in as them, and their id. */
export async function extraUser(app: TestApp, username: string, role: "INSPECTOR" | "UNIT_LIAISON", unitId?: string) {
  const u = await createUser(app.db.prisma, { username, password: PASSWORD, role, unitId });
  const r = await app.gql(
    `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER){ ... on LoginPayload { token } } }`,
    { u: username, p: PASSWORD },
  );
  const token = (r.data as { login: { token: string } }).login.token;
  return {
    id: u.id,
    gql: <T = any>(q: string, v?: Record<string, unknown>) => app.gql<T>(q, v, token),
  };
}

export const CREATE_CAMPAIGN = `mutation($input: CampaignInput!) { createCampaign(input: $input) {
  __typename ... on Campaign { id name state teams { id name members { id } } }
  ... on Error { code message } } }`;

export const ADD_TARGETS = `mutation($c: ID!, $input: CampaignTargetsInput!) { addCampaignTargets(campaignId: $c, input: $input) {
  __typename ... on AddCampaignTargetsPayload { skipped added { id rawId measure { id } methods } }
  ... on Error { code message } } }`;

export const TARGET_FIELDS = `id rawId status methods recordedMethods missingMethods recordCount due team { name } measure { id }`;

export const PROGRESS = `mutation($e: JSON!) { syncProgressReport(envelope: $e) { outcome error { code message } } }`;

export function progressReport(measureIds: string[], over: Record<string, unknown> = {}) {
  return {
    entryKind: "progress",
    recordId: randomUUID(),
    revision: 1,
    baseVersion: 0,
    measureIds,
    text: "已整改：公示栏已更新，台账已补齐。",
    percentComplete: 100,
    answersRequestId: null,
    deviceTime: new Date(Date.now() - 30_000).toISOString(),
    photos: [],
    ...over,
  };
}

export const ACTION_FIELDS = `id status dueOn light overdue rating followUp findings recordKind inspectorName campaignName
  unit { name } measure { id } answers { text attachments { fileName } } reopenReason canCheck`;
