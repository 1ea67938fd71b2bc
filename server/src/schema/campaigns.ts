// Special inspections (专项督查): campaigns, teams and targets with their status and coverage. Supervisors and
// admins plan; an inspector sees only the campaigns, teams and targets of the teams they belong to (myTargets is
// the offline working set's part); liaisons and the public see none. Thin resolvers over queries/campaigns.ts.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import {
  addTargets,
  addTeam,
  cancelCampaign,
  createCampaign,
  removeTarget,
  removeTeam,
  updateCampaign,
  updateTarget,
  updateTeam,
} from "../queries/campaigns.ts";
import { campaignCoverage, targetStateFor, type Coverage, type CoverageRow } from "../queries/campaign-coverage.ts";
import { campaignCreateSchema, campaignPatchSchema, reasonSchema, teamInputSchema } from "../queries/campaign-input.ts";
import { parseInput } from "../queries/authoring-input.ts";
import { membershipOf } from "../queries/campaign-scope.ts";
import { shanghaiToday } from "../domain/dates.ts";
import { decodeId } from "./ids.ts";
import { RecordKindEnum } from "./records.ts";
import { TrafficLightEnum } from "./dashboard.ts";
import { UserNode } from "./users.ts";
import { ProblemNode } from "./ledger.ts";

const supervisor = { authScopes: { supervisor: true } } as const;
const failures = { types: [NotFoundError, ValidationError] };

function changed(ctx: Context, campaignId: string) {
  ctx.pubsub.publish("ledger", {
    kind: "campaign",
    problemId: null,
    measureId: null,
    at: new Date().toISOString(),
    campaignId,
  });
}

/** Supervisors see every campaign; an inspector those with a team they are on. */
async function seesCampaign(ctx: Context, campaignId: string) {
  const role = ctx.viewer?.role;
  if (role === "ADMIN" || role === "SUPERVISOR") return true;
  return role === "INSPECTOR" && (await membershipOf(ctx)).campaignIds.has(campaignId);
}
async function seesTeam(ctx: Context, teamId: string) {
  const role = ctx.viewer?.role;
  if (role === "ADMIN" || role === "SUPERVISOR") return true;
  return role === "INSPECTOR" && (await membershipOf(ctx)).teamIds.has(teamId);
}

const CampaignStateEnum = builder.enumType("CampaignState", {
  description: "Where a campaign is in its period (Asia/Shanghai days).",
  values: {
    PLANNED: { description: "Starts later" },
    RUNNING: { description: "Within its period" },
    ENDED: { description: "Its period is over" },
    CANCELLED: { description: "Cancelled by a supervisor" },
  },
});

export const TargetStatusEnum = builder.enumType("TargetStatus", {
  description: "A campaign target's status.",
  values: {
    DONE: { description: "Every expected method has been recorded" },
    NOT_YET: { description: "Something is still to do, and it is not due yet" },
    OVERDUE: { description: "Something is still to do, and its due day (or the campaign's end) has passed" },
  },
});

export const CampaignNode = builder.prismaNode("Campaign", {
  description: "专项督查: a planned special inspection of an inspection's ledger by joint teams over a period.",
  id: { field: "id" },
  authScopes: async (c, ctx) => seesCampaign(ctx, c.id),
  fields: (t) => ({
    name: t.exposeString("name"),
    offices: t.exposeStringList("offices", { description: "Offices taking part (联同监督), e.g. 纪委监委, 市委办" }),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    actionDueDays: t.exposeInt("actionDueDays", { description: "Days a unit has to answer a finding's action" }),
    inspection: t.relation("inspection"),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    cancelReason: t.exposeString("cancelReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    state: t.field({
      type: CampaignStateEnum,
      select: { startsOn: true, endsOn: true, cancelledAt: true },
      resolve: (c) => {
        if (c.cancelledAt) return "CANCELLED";
        const today = shanghaiToday(new Date());
        return today < c.startsOn ? "PLANNED" : today > c.endsOn ? "ENDED" : "RUNNING";
      },
    }),
    teams: t.relation("teams", {
      description: "The teams, in the order they were made (then by name); an inspector sees only their own.",
      query: (_a, ctx) => ({ where: teamFilter(ctx), orderBy: [{ createdAt: "asc" }, { name: "asc" }] }),
    }),
    targets: t.relation("targets", {
      description: "The targets; an inspector sees only their teams'.",
      query: (_a, ctx) => ({ where: targetFilter(ctx), orderBy: [{ team: { name: "asc" } }, { createdAt: "asc" }] }),
    }),
    coverage: t.field({
      type: CoverageRef,
      description: "Targets done / not yet / overdue, overall, per team and per unit (an inspector: their teams').",
      resolve: async (c, _a, ctx) =>
        campaignCoverage(ctx.prisma, c.id, isSupervisor(ctx) ? null : (await membershipOf(ctx)).teamIds),
    }),
  }),
});

function isSupervisor(ctx: Context) {
  return ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPERVISOR";
}
function teamFilter(ctx: Context) {
  return isSupervisor(ctx) ? {} : { members: { some: { userId: ctx.viewer?.id ?? "" } } };
}
function targetFilter(ctx: Context) {
  return isSupervisor(ctx) ? {} : { team: teamFilter(ctx) };
}

builder.prismaNode("CampaignTeam", {
  description: "A joint team (联同监督) of a campaign and its inspectors.",
  id: { field: "id" },
  authScopes: async (team, ctx) => seesTeam(ctx, team.id),
  fields: (t) => ({
    name: t.exposeString("name"),
    campaign: t.relation("campaign"),
    members: t.field({
      type: [UserNode],
      select: { members: { select: { user: true } } },
      resolve: (team) => team.members.map((m) => m.user),
    }),
    targets: t.relation("targets", { query: { orderBy: { createdAt: "asc" } } }),
  }),
});

export const CampaignTargetNode = builder.prismaNode("CampaignTarget", {
  description: "One measure a team must check in a campaign, with the methods expected (走访 / 台账 / 问询).",
  id: { field: "id" },
  authScopes: async (target, ctx) => seesTeam(ctx, target.teamId),
  fields: (t) => ({
    rawId: t.string({
      description: "The database id: the value of a record envelope's targetId",
      resolve: (x) => x.id,
    }),
    campaign: t.relation("campaign"),
    team: t.relation("team"),
    measure: t.relation("measure"),
    problem: t.field({
      type: ProblemNode,
      select: { measure: { select: { problem: true } } },
      resolve: (x) => x.measure.problem,
    }),
    methods: t.field({ type: [RecordKindEnum], resolve: (x) => x.methods }),
    dueOn: t.expose("dueOn", {
      type: "Date",
      nullable: true,
      description: "Its own due day; null: the campaign's end",
    }),
    due: t.field({ type: "Date", resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).due }),
    status: t.field({
      type: TargetStatusEnum,
      resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).status,
    }),
    recordedMethods: t.field({
      type: [RecordKindEnum],
      description: "Methods recorded so far by records that count towards it",
      resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).recordedKinds,
    }),
    missingMethods: t.field({
      type: [RecordKindEnum],
      description: "Methods still to do, in the expected order",
      resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).missingMethods,
    }),
    recordCount: t.int({ resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).records }),
    lastRecordAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: async (x, _a, ctx) => (await targetStateFor(ctx, x.id)).lastRecordAt,
    }),
  }),
});

const CoverageRowRef = builder.objectRef<CoverageRow>("CoverageRow").implement({
  description: "Targets of one team or unit: done / not yet / overdue.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The team's or unit's global id (empty: no responsible unit)" }),
    name: t.exposeString("name"),
    total: t.exposeInt("total"),
    done: t.exposeInt("done"),
    notYet: t.exposeInt("notYet"),
    overdue: t.exposeInt("overdue"),
  }),
});

const CoverageRef = builder.objectRef<Coverage>("CampaignCoverageFigures").implement({
  description: "A campaign's coverage as it runs.",
  fields: (t) => ({
    total: t.exposeInt("total"),
    done: t.exposeInt("done"),
    notYet: t.exposeInt("notYet"),
    overdue: t.exposeInt("overdue"),
    byTeam: t.field({ type: [CoverageRowRef], resolve: (c) => c.byTeam }),
    byUnit: t.field({ type: [CoverageRowRef], resolve: (c) => c.byUnit }),
  }),
});

builder.queryFields((t) => ({
  campaigns: t.prismaField({
    type: ["Campaign"],
    description: "Campaigns, newest first (an inspector: those they are on). Cancelled ones only when asked.",
    authScopes: { supervisor: true, staff: true },
    args: { inspectionId: t.arg.id({ required: false }), includeCancelled: t.arg.boolean({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const inspectionId = args.inspectionId ? decodeId(args.inspectionId, "Inspection") : undefined;
      const mine = isSupervisor(ctx) ? {} : { id: { in: [...(await membershipOf(ctx)).campaignIds] } };
      return ctx.prisma.campaign.findMany({
        ...query,
        where: { ...mine, inspectionId, ...(args.includeCancelled ? {} : { cancelledAt: null }) },
        orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
      });
    },
  }),
  myTargets: t.prismaField({
    type: ["CampaignTarget"],
    description:
      "The viewer's targets (their teams'), for the offline working set: live campaigns not yet ended (includeEnded: also ended ones), most urgent first.",
    authScopes: { staff: true },
    args: { includeEnded: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.campaignTarget.findMany({
        ...query,
        where: {
          team: { members: { some: { userId: ctx.viewer!.id } } },
          campaign: { cancelledAt: null, ...(args.includeEnded ? {} : { endsOn: { gte: shanghaiToday(new Date()) } }) },
        },
        orderBy: [{ campaign: { endsOn: "asc" } }, { createdAt: "asc" }],
      }),
  }),
}));

const TeamInput = builder.inputType("CampaignTeamInput", {
  description: "A team: its name and its inspectors (User ids).",
  fields: (t) => ({ name: t.string(), memberIds: t.idList() }),
});

const CampaignInput = builder.inputType("CampaignInput", {
  description: "A new campaign.",
  fields: (t) => ({
    inspectionId: t.id(),
    name: t.string({ description: "e.g. 2024年第一季度巡视整改专项督查" }),
    offices: t.stringList({ required: false, description: "e.g. 纪委监委, 市委办, 市政府办, 巡察办" }),
    startsOn: t.field({ type: "Date" }),
    endsOn: t.field({ type: "Date" }),
    actionDueDays: t.int({ required: false, description: "Days a unit has to answer a finding (default 10)" }),
    teams: t.field({
      type: [TeamInput],
      required: false,
      description: "At least one: a campaign without a team cannot be worked on",
    }),
  }),
});

const CampaignPatch = builder.inputType("CampaignPatch", {
  description: "Changes to a campaign: omitted fields stay.",
  fields: (t) => ({
    name: t.string({ required: false }),
    offices: t.stringList({ required: false }),
    startsOn: t.field({ type: "Date", required: false }),
    endsOn: t.field({ type: "Date", required: false }),
    actionDueDays: t.int({ required: false }),
  }),
});

const TargetsInput = builder.inputType("CampaignTargetsInput", {
  description:
    "Targets for a team: the measures named, or every live measure of the campaign's inspection that the units are responsible for, whose light is one of `lights` (all lights when omitted). Measures already targeted in the campaign are skipped.",
  fields: (t) => ({
    teamId: t.id(),
    methods: t.field({ type: [RecordKindEnum], description: "Methods expected: 走访 / 台账 / 问询" }),
    measureIds: t.idList({ required: false }),
    unitIds: t.idList({ required: false }),
    lights: t.field({ type: [TrafficLightEnum], required: false }),
    dueOn: t.field({ type: "Date", required: false, description: "Own due day (default: the campaign's end)" }),
  }),
});

const AddTargetsPayload = builder
  .objectRef<{ added: { id: string }[]; skipped: number }>("AddCampaignTargetsPayload")
  .implement({
    description: "The targets added, and how many picked measures were already targeted.",
    fields: (t) => ({
      added: t.prismaField({
        type: ["CampaignTarget"],
        resolve: (query, p, _a, ctx) =>
          ctx.prisma.campaignTarget.findMany({
            ...query,
            where: { id: { in: p.added.map((a) => a.id) } },
            orderBy: { createdAt: "asc" },
          }),
      }),
      skipped: t.exposeInt("skipped"),
    }),
  });

const ids = (list: readonly (string | number)[] | null | undefined, type: string) =>
  list ? list.map((id) => decodeId(id, type)) : undefined;

builder.mutationFields((t) => ({
  createCampaign: t.prismaField({
    type: "Campaign",
    ...supervisor,
    errors: failures,
    args: { input: t.arg({ type: CampaignInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const v = parseInput(campaignCreateSchema, {
        ...input,
        offices: input.offices ?? undefined,
        actionDueDays: input.actionDueDays ?? undefined,
        teams: (input.teams ?? []).map((tm) => ({ name: tm.name, memberIds: ids(tm.memberIds, "User") })),
      });
      const c = await createCampaign(ctx, { ...v, inspectionId: decodeId(input.inspectionId, "Inspection") });
      changed(ctx, c.id);
      return ctx.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: c.id } });
    },
  }),
  updateCampaign: t.prismaField({
    type: "Campaign",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), input: t.arg({ type: CampaignPatch }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Campaign");
      const v = parseInput(campaignPatchSchema, {
        name: args.input.name ?? undefined,
        offices: args.input.offices ?? undefined,
        startsOn: args.input.startsOn ?? undefined,
        endsOn: args.input.endsOn ?? undefined,
        actionDueDays: args.input.actionDueDays ?? undefined,
      });
      await updateCampaign(ctx, id, v);
      changed(ctx, id);
      return ctx.prisma.campaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelCampaign: t.prismaField({
    type: "Campaign",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), reason: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Campaign");
      await cancelCampaign(ctx, id, parseInput(reasonSchema, args.reason, "reason"));
      changed(ctx, id);
      return ctx.prisma.campaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  addCampaignTeam: t.prismaField({
    type: "CampaignTeam",
    ...supervisor,
    errors: failures,
    args: { campaignId: t.arg.id(), team: t.arg({ type: TeamInput }) },
    resolve: async (query, _root, args, ctx) => {
      const campaignId = decodeId(args.campaignId, "Campaign");
      const v = parseInput(
        teamInputSchema,
        { name: args.team.name, memberIds: ids(args.team.memberIds, "User") },
        "team",
      );
      const team = await addTeam(ctx, campaignId, v);
      changed(ctx, campaignId);
      return ctx.prisma.campaignTeam.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),
  updateCampaignTeam: t.prismaField({
    type: "CampaignTeam",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id(), name: t.arg.string({ required: false }), memberIds: t.arg.idList({ required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "CampaignTeam");
      const name = args.name == null ? undefined : parseInput(teamInputSchema.shape.name, args.name, "name");
      const team = await updateTeam(ctx, id, { name, memberIds: ids(args.memberIds, "User") });
      changed(ctx, team.campaignId);
      return ctx.prisma.campaignTeam.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  removeCampaignTeam: t.prismaField({
    type: "Campaign",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const c = await removeTeam(ctx, decodeId(args.id, "CampaignTeam"));
      changed(ctx, c.id);
      return ctx.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: c.id } });
    },
  }),
  addCampaignTargets: t.field({
    type: AddTargetsPayload,
    ...supervisor,
    errors: failures,
    args: { campaignId: t.arg.id(), input: t.arg({ type: TargetsInput }) },
    resolve: async (_root, { campaignId, input }, ctx) => {
      const id = decodeId(campaignId, "Campaign");
      const r = await addTargets(ctx, id, {
        teamId: decodeId(input.teamId, "CampaignTeam"),
        methods: input.methods,
        measureIds: ids(input.measureIds, "Measure"),
        unitIds: ids(input.unitIds, "Unit"),
        lights: input.lights,
        dueOn: input.dueOn,
      });
      changed(ctx, id);
      return r;
    },
  }),
  updateCampaignTarget: t.prismaField({
    type: "CampaignTarget",
    ...supervisor,
    errors: failures,
    args: {
      id: t.arg.id(),
      teamId: t.arg.id({ required: false }),
      methods: t.arg({ type: [RecordKindEnum], required: false }),
      dueOn: t.arg({ type: "Date", required: false, description: "null: the campaign's end" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "CampaignTarget");
      const after = await updateTarget(ctx, id, {
        teamId: args.teamId ? decodeId(args.teamId, "CampaignTeam") : null,
        methods: args.methods,
        dueOn: args.dueOn,
        clearDueOn: args.dueOn === null,
      });
      changed(ctx, after.campaignId);
      return ctx.prisma.campaignTarget.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  removeCampaignTarget: t.prismaField({
    type: "Campaign",
    ...supervisor,
    errors: failures,
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const c = await removeTarget(ctx, decodeId(args.id, "CampaignTarget"));
      changed(ctx, c.id);
      return ctx.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: c.id } });
    },
  }),
}));
