// GraphQL documents of special inspections (专项督查) for supervisors: the list, one campaign with its teams and
// targets (coverage is computed from these), planning one, the users to pick inspectors from, and the report's
// addresses. Result types are what the screens read.
import type { RecordKind } from "@rectify/server/sync";
import type { Light } from "../lights/lights.ts";
import { ERROR_FIELDS } from "../supervision/typed-result.ts";
import type { TargetState } from "./coverage-model.ts";

export interface CampaignSummary {
  id: string;
  name: string;
  offices: string[];
  startsOn: string;
  endsOn: string;
  state: "PLANNED" | "RUNNING" | "ENDED" | "CANCELLED";
  coverage: { total: number; done: number };
}

export const CAMPAIGNS_QUERY = `query Campaigns { campaigns(includeCancelled: true) {
  id name offices startsOn endsOn state coverage { total done } } }`;
export interface CampaignsData {
  campaigns: CampaignSummary[];
}

export interface CampaignTargetRow {
  id: string;
  methods: RecordKind[];
  due: string;
  status: TargetState;
  team: { id: string; name: string };
  measure: {
    id: string;
    number: number;
    text: string;
    light: Light;
    responsibleUnit: { id: string; name: string } | null;
  };
  problem: { id: string; section: "COMPLETED" | "CONTINUING"; number: number; title: string };
}

export interface CampaignDetail extends Omit<CampaignSummary, "coverage"> {
  actionDueDays: number;
  teams: { id: string; name: string; members: { id: string; displayName: string }[] }[];
  targets: CampaignTargetRow[];
}

export const CAMPAIGN_QUERY = `query Campaign($id: ID!) { node(id: $id) { ... on Campaign {
  id name offices startsOn endsOn state actionDueDays
  teams { id name members { id displayName } }
  targets { id methods due status team { id name }
    measure { id number text light responsibleUnit { id name } } problem { id section number title } } } } }`;
export interface CampaignData {
  node: CampaignDetail | null;
}

export interface CampaignInput {
  name: string;
  offices: string[];
  inspectionId: string;
  startsOn: string;
  endsOn: string;
  actionDueDays: number;
  teams: { name: string; memberIds: string[] }[];
}

/** Targets of one team sharing the same methods: one addCampaignTargets call. */
export interface TargetBatch {
  teamName: string;
  methods: RecordKind[];
  measureIds: string[];
}

export const CREATE_CAMPAIGN = `mutation CreateCampaign($input: CampaignInput!) {
  createCampaign(input: $input) { ${ERROR_FIELDS} ... on Campaign { id name teams { id name } } } }`;
export interface CreatedCampaign {
  __typename: string;
  id: string;
  name: string;
  teams: { id: string; name: string }[];
}

export const ADD_TARGETS = `mutation AddCampaignTargets($campaignId: ID!, $input: CampaignTargetsInput!) {
  addCampaignTargets(campaignId: $campaignId, input: $input) { ${ERROR_FIELDS}
    ... on AddCampaignTargetsPayload { skipped added { id } } } }`;

/** Active inspectors, supervisors and admins, by name: who may be put in a team. */
export const STAFF_QUERY = `query CampaignStaff { fieldStaff { id displayName role } }`;
export interface StaffData {
  fieldStaff: { id: string; displayName: string; role: string }[];
}

/** The campaign report (督查情况通报): printable HTML or .docx, by the campaign's raw id (supervisors). */
export function reportHref(rawCampaignId: string, format: "html" | "docx"): string {
  return `/exports/campaign/${encodeURIComponent(rawCampaignId)}.${format}`;
}
