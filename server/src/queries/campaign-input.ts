// Input rules of campaigns (专项督查), checked inside resolvers after the role scope (see authoring-input.ts).
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

export const MAX_TEAMS = 50;
export const MAX_OFFICES = 20;
export const MAX_DUE_DAYS = 365;

const teamSchema = z.object({
  name: text(100),
  memberIds: z.array(z.string()).max(100, "at most 100 members"),
});

const fields = {
  name: text(200),
  offices: z.array(text(100)).max(MAX_OFFICES, `at most ${MAX_OFFICES} offices`),
  startsOn: z.date(),
  endsOn: z.date(),
  actionDueDays: z.int().min(1, "at least 1 day").max(MAX_DUE_DAYS, `at most ${MAX_DUE_DAYS} days`),
};

export const campaignCreateSchema = z
  .object({
    ...fields,
    actionDueDays: fields.actionDueDays.default(10),
    offices: fields.offices.default([]),
    // At least one: a campaign without a team cannot be worked on (removing its last team is refused likewise).
    teams: z.array(teamSchema).min(1, "at least one team").max(MAX_TEAMS, `at most ${MAX_TEAMS} teams`),
  })
  .refine((c) => c.startsOn <= c.endsOn, { message: "the period ends before it starts", path: ["endsOn"] });

export const campaignPatchSchema = z.object({
  name: fields.name.optional(),
  offices: fields.offices.optional(),
  startsOn: fields.startsOn.optional(),
  endsOn: fields.endsOn.optional(),
  actionDueDays: fields.actionDueDays.optional(),
});

export const teamInputSchema = teamSchema;
export const reasonSchema = z.string().trim().min(2, "give a reason").max(2000, "at most 2000 characters");
