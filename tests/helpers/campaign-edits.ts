// Helpers of the campaign edit tests: the edit mutations' documents, a fixture campaign, and a snapshot of a
// campaign's rows (campaign, teams with members, targets, audit count) so a refusal can be shown to change nothing.
import { randomUUID } from "node:crypto";
import type { TestApp } from "./test-app.ts";
import { CREATE_CAMPAIGN, gid } from "./campaigns.ts";

const ERROR_FIELDS = `fragment ErrorFields on Error { code message ... on ValidationError { issues { path message } } }`;
/** A mutation `field` taking `args` ("name: Type, …"; each variable is named as its argument) that answers `payload`
 * or a typed error with its issues. */
function typed(field: string, args: string, payload: string) {
  const names = args.split(",").map((a) => a.split(":")[0]!.trim());
  const vars = names.map((n, i) => `$${n}: ${args.split(",")[i]!.split(":")[1]!.trim()}`).join(", ");
  const call = names.map((n) => `${n}: $${n}`).join(", ");
  return `mutation(${vars}) { ${field}(${call}) { __typename ... on ${payload} ...ErrorFields } } ${ERROR_FIELDS}`;
}

const TEAM = "CampaignTeam { id name members { id } }";
export const UPDATE_CAMPAIGN = typed(
  "updateCampaign",
  "id: ID!, input: CampaignPatch!",
  "Campaign { id name offices startsOn endsOn actionDueDays }",
);
export const CANCEL = typed("cancelCampaign", "id: ID!, reason: String!", "Campaign { state }");
export const ADD_TEAM = typed("addCampaignTeam", "campaignId: ID!, team: CampaignTeamInput!", TEAM);
export const UPDATE_TEAM = typed("updateCampaignTeam", "id: ID!, name: String, memberIds: [ID!]", TEAM);
export const REMOVE_TEAM = typed("removeCampaignTeam", "id: ID!", "Campaign { teams { name } }");
/** addCampaignTargets with the refusal's issues (helpers/campaigns.ts ADD_TARGETS reads only code and message). */
export const ADD_TARGETS_ISSUES = typed(
  "addCampaignTargets",
  "campaignId: ID!, input: CampaignTargetsInput!",
  "AddCampaignTargetsPayload { skipped added { id } }",
);
export const UPDATE_TARGET = typed(
  "updateCampaignTarget",
  "id: ID!, teamId: ID, methods: [RecordKind!], dueOn: Date",
  "CampaignTarget { id methods dueOn team { name } }",
);
export const REMOVE_TARGET = typed("removeCampaignTarget", "id: ID!", "Campaign { targets { id } }");

/** The database id inside a global id. */
export const rawOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
/** A well-formed global id of a row that does not exist. */
export const unknownId = (type: string) => gid(type, randomUUID());

/** Creates a running campaign of `inspectionId` with the teams named (members: user ids); answers the ids. */
export async function planCampaign(
  app: TestApp,
  inspectionId: string,
  name: string,
  teams: Record<string, string[]>,
  period = { startsOn: "2020-01-01", endsOn: "2099-12-31" },
) {
  const r = await app.as("supervisor")(CREATE_CAMPAIGN, {
    input: {
      inspectionId: gid("Inspection", inspectionId),
      name,
      offices: ["纪委监委"],
      ...period,
      teams: Object.entries(teams).map(([n, ids]) => ({ name: n, memberIds: ids.map((id) => gid("User", id)) })),
    },
  });
  const c = r.data.createCampaign;
  if (c?.__typename !== "Campaign") throw new Error(`createCampaign failed: ${JSON.stringify(r)}`);
  const team = (n: string): string => c.teams.find((t: { name: string }) => t.name === n).id;
  return { id: c.id as string, team };
}

/** Everything an edit of the campaign could write, in a stable order. */
export async function campaignRows(app: TestApp, campaignGid: string) {
  const p = app.db.prisma;
  const campaignId = rawOf(campaignGid);
  return {
    campaign: await p.campaign.findUniqueOrThrow({ where: { id: campaignId } }),
    teams: await p.campaignTeam.findMany({
      where: { campaignId },
      orderBy: { id: "asc" },
      include: { members: { orderBy: { userId: "asc" } } },
    }),
    targets: await p.campaignTarget.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    audits: await p.auditEvent.count(),
  };
}
