// Campaign set-up for browser tests, through the API as the scenario's supervisor: a GraphQL call that throws on
// errors, a planned campaign (its teams, the measures targeted by 走访 for the first team), and opening it in the PWA.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { gqlAt } from "./app-process.ts";
import type { Scenario } from "./scenario.ts";

export async function asSupervisorOf(s: Scenario, query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** Default: one team (第一督查组: 李督查). Teams name their inspectors by display name. */
export async function planCampaign(
  s: Scenario,
  name: string,
  offices: string[],
  inspectionId: string,
  measureIds: string[],
  teams: { name: string; members: string[] }[] = [{ name: "第一督查组", members: ["李督查"] }],
) {
  const staff = await asSupervisorOf(s, `{ fieldStaff { id displayName } }`);
  const idOf = (displayName: string) => staff.fieldStaff.find((u: any) => u.displayName === displayName).id;
  const created = await asSupervisorOf(
    s,
    `mutation($input: CampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id teams { id } } } }`,
    {
      input: {
        name,
        offices,
        inspectionId,
        startsOn: "2026-12-01",
        endsOn: "2026-12-31",
        actionDueDays: 10,
        teams: teams.map((t) => ({ name: t.name, memberIds: t.members.map(idOf) })),
      },
    },
  );
  expect(created.createCampaign.__typename).toBe("Campaign");
  const added = await asSupervisorOf(
    s,
    `mutation($c: ID!, $input: CampaignTargetsInput!) { addCampaignTargets(campaignId: $c, input: $input) {
      __typename ... on AddCampaignTargetsPayload { added { id } } } }`,
    {
      c: created.createCampaign.id,
      input: { teamId: created.createCampaign.teams[0].id, methods: ["SITE_VISIT"], measureIds },
    },
  );
  expect(added.addCampaignTargets.added).toHaveLength(measureIds.length);
  return created.createCampaign.id as string;
}

/** From the home screen (logged in as a supervisor): 督办 → 专项督查 → the campaign named `name`. */
export async function openCampaign(p: Page, name: string) {
  await p.getByRole("navigation").getByRole("link", { name: "督办" }).click();
  await p.getByRole("link", { name: /专项督查/ }).click();
  await p.getByRole("link", { name: new RegExp(name) }).click();
  await expect.poll(() => p.getByRole("heading", { name }).count(), { timeout: 20_000 }).toBe(1);
}
