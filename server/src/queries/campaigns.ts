// Special inspections (专项督查): create, edit and cancel campaigns, their teams and targets. Supervisors and admins
// only (the schema guards it). Invariants: every change is one transaction with its audit event; a campaign is
// never deleted (cancelled, with a reason); a measure is targeted at most once per campaign; it keeps at least one
// team; a target's own due day lies within the campaign's period; bad input changes nothing.
import { Prisma } from "../generated/prisma/client.ts";
import type { Context, Viewer } from "../context.ts";
import type { RecordKind } from "../generated/prisma/enums.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";
import { LIGHT_CASE, measureLightsSql } from "./dashboard-lights.ts";
import { thresholdsFor } from "./settings.ts";
import type { Light, Thresholds } from "../domain/traffic-light.ts";

type Tx = Prisma.TransactionClient;

export interface CampaignFields {
  name?: string;
  offices?: string[];
  startsOn?: Date;
  endsOn?: Date;
  actionDueDays?: number;
}

export interface TeamInput {
  name: string;
  memberIds: string[];
}

function checkPeriod(startsOn: Date, endsOn: Date) {
  if (endsOn < startsOn) {
    throw new ValidationError("The campaign ends before it starts", [
      { path: "input.endsOn", message: "before startsOn" },
    ]);
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A target's own due day must lie within its campaign's period: before the start nobody could have checked it yet,
 * after the end the campaign's report (and its coverage) would be final while the target is still open. */
function checkDueOn(dueOn: Date | null | undefined, c: { startsOn: Date; endsOn: Date }, path: string) {
  if (!dueOn || (dueOn >= c.startsOn && dueOn <= c.endsOn)) return;
  throw new ValidationError(
    `The due day ${day(dueOn)} is outside the campaign's period ${day(c.startsOn)} to ${day(c.endsOn)}`,
    [{ path, message: "outside the period" }],
  );
}

/**
 * A new period must still hold every target's own due day. The nearest sensible rule: refuse the period change
 * (naming how many targets fall outside, on the end that leaves them out) rather than move or clear their days
 * silently: the supervisor re-plans those targets first (or clears their day: the campaign's end then applies).
 */
async function checkPeriodHoldsTargets(tx: Tx, campaignId: string, startsOn: Date, endsOn: Date) {
  const early = await tx.campaignTarget.count({ where: { campaignId, dueOn: { lt: startsOn } } });
  const late = await tx.campaignTarget.count({ where: { campaignId, dueOn: { gt: endsOn } } });
  if (early + late === 0) return;
  const issues = [];
  if (early) issues.push({ path: "input.startsOn", message: `${early} targets outside` });
  if (late) issues.push({ path: "input.endsOn", message: `${late} targets outside` });
  throw new ValidationError(
    `${early + late} targets have their own due day outside the new period; re-plan them first`,
    issues,
  );
}

/** Team members must be active inspectors (or supervisors who inspect themselves). */
async function checkMembers(tx: Tx, memberIds: string[], path: string) {
  const unique = [...new Set(memberIds)];
  const users = await tx.user.findMany({
    where: { id: { in: unique }, active: true, role: { in: ["INSPECTOR", "SUPERVISOR", "ADMIN"] } },
    select: { id: true },
  });
  if (users.length !== unique.length) {
    const found = new Set(users.map((u) => u.id));
    const bad = unique.filter((id) => !found.has(id));
    throw new ValidationError(`Not an active inspector: ${bad.join(", ")}`, [{ path, message: "not an inspector" }]);
  }
  return unique;
}

export async function createCampaign(
  ctx: Context,
  input: Required<CampaignFields> & { inspectionId: string; teams: TeamInput[] },
) {
  const viewer = ctx.viewer!;
  checkPeriod(input.startsOn, input.endsOn);
  const names = input.teams.map((t) => t.name);
  if (new Set(names).size !== names.length) {
    throw new ValidationError("Two teams have the same name", [{ path: "input.teams", message: "duplicate name" }]);
  }
  return ctx.prisma.$transaction(async (tx) => {
    const inspection = await tx.inspection.findUnique({ where: { id: input.inspectionId }, select: { id: true } });
    if (!inspection) throw new NotFoundError("Inspection", input.inspectionId);
    const teams = [];
    for (const [i, t] of input.teams.entries()) {
      teams.push({ name: t.name, members: await checkMembers(tx, t.memberIds, `input.teams.${i}.memberIds`) });
    }
    const made = Date.now();
    const campaign = await tx.campaign.create({
      data: {
        name: input.name,
        offices: input.offices,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        actionDueDays: input.actionDueDays,
        inspectionId: input.inspectionId,
        createdById: viewer.id,
        teams: {
          // A millisecond apart, in the plan's order: teams are listed by when they were made (then by name, which
          // would put 第三 before 第二), so a campaign shows its teams as they were planned.
          create: teams.map((t, i) => ({
            name: t.name,
            createdAt: new Date(made + i),
            members: { create: t.members.map((userId) => ({ userId })) },
          })),
        },
      },
    });
    await audit(tx, viewer, "createCampaign", "Campaign", campaign.id, { ...input });
    return campaign;
  });
}

export async function updateCampaign(ctx: Context, id: string, patch: CampaignFields) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await lockedCampaign(tx, id);
    if (before.cancelledAt)
      throw new ValidationError("The campaign is cancelled", [{ path: "id", message: "cancelled" }]);
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn ?? before.endsOn;
    checkPeriod(startsOn, endsOn);
    // Only a moved period is checked: a rename is not held up by days set before this rule.
    if (patch.startsOn || patch.endsOn) await checkPeriodHoldsTargets(tx, id, startsOn, endsOn);
    const after = await tx.campaign.update({ where: { id }, data: patch });
    const changed = Object.keys(patch).filter((k) => patch[k as keyof CampaignFields] !== undefined);
    await audit(tx, viewer, "updateCampaign", "Campaign", id, {
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k as keyof typeof after]])),
    });
    return after;
  });
}

export async function cancelCampaign(ctx: Context, id: string, reason: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await lockedCampaign(tx, id);
    if (before.cancelledAt) throw new ValidationError("Already cancelled", [{ path: "id", message: "cancelled" }]);
    const after = await tx.campaign.update({ where: { id }, data: { cancelledAt: new Date(), cancelReason: reason } });
    await audit(tx, viewer, "cancelCampaign", "Campaign", id, { reason });
    return after;
  });
}

/**
 * The campaign, its row locked until the transaction ends: edits of one campaign run one after another, so a check
 * that spans rows (its last team; targets' own due days within its period) cannot be passed by two edits at once
 * (under READ COMMITTED both would count the rows as they were before either committed).
 */
async function lockedCampaign(tx: Tx, id: string) {
  // Read first through Prisma: a malformed id is its typed INVALID_ID, an unknown one NotFound, before any raw SQL.
  if (!(await tx.campaign.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Campaign", id);
  await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${id}::uuid FOR UPDATE`;
  // Read again under the lock: what a concurrent edit committed meanwhile counts.
  return tx.campaign.findUniqueOrThrow({ where: { id } });
}

async function liveCampaign(tx: Tx, id: string) {
  const c = await lockedCampaign(tx, id);
  if (c.cancelledAt)
    throw new ValidationError("The campaign is cancelled", [{ path: "campaignId", message: "cancelled" }]);
  return c;
}

export async function addTeam(ctx: Context, campaignId: string, t: TeamInput) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    await liveCampaign(tx, campaignId);
    const members = await checkMembers(tx, t.memberIds, "memberIds");
    if (await tx.campaignTeam.findFirst({ where: { campaignId, name: t.name } })) {
      throw new ValidationError("A team of this campaign has this name", [{ path: "name", message: "duplicate" }]);
    }
    const team = await tx.campaignTeam.create({
      data: { campaignId, name: t.name, members: { create: members.map((userId) => ({ userId })) } },
    });
    await audit(tx, viewer, "addCampaignTeam", "CampaignTeam", team.id, { campaignId, ...t });
    return team;
  });
}

export async function updateTeam(ctx: Context, id: string, patch: { name?: string; memberIds?: string[] }) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.campaignTeam.findUnique({ where: { id }, include: { members: true } });
    if (!before) throw new NotFoundError("CampaignTeam", id);
    await liveCampaign(tx, before.campaignId);
    if (patch.name && patch.name !== before.name) {
      if (await tx.campaignTeam.findFirst({ where: { campaignId: before.campaignId, name: patch.name } })) {
        throw new ValidationError("A team of this campaign has this name", [{ path: "name", message: "duplicate" }]);
      }
      await tx.campaignTeam.update({ where: { id }, data: { name: patch.name } });
    }
    if (patch.memberIds) {
      const members = await checkMembers(tx, patch.memberIds, "memberIds");
      await tx.campaignTeamMember.deleteMany({ where: { teamId: id } });
      await tx.campaignTeamMember.createMany({ data: members.map((userId) => ({ teamId: id, userId })) });
    }
    await audit(tx, viewer, "updateCampaignTeam", "CampaignTeam", id, {
      before: { name: before.name, memberIds: before.members.map((m) => m.userId) },
      after: patch,
    });
    return tx.campaignTeam.findUniqueOrThrow({ where: { id } });
  });
}

export async function removeTeam(ctx: Context, id: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const team = await tx.campaignTeam.findUnique({ where: { id } });
    if (!team) throw new NotFoundError("CampaignTeam", id);
    await liveCampaign(tx, team.campaignId);
    // A campaign without a team cannot be worked on (nobody could check its targets), so it keeps its last one, as
    // planning refuses a campaign without teams (campaign-input.ts). Said first: its targets would not help.
    if ((await tx.campaignTeam.count({ where: { campaignId: team.campaignId } })) <= 1) {
      throw new ValidationError("A campaign keeps at least one team; add another team first", [
        { path: "id", message: "last team" },
      ]);
    }
    // Counted under the campaign's lock: targets added to this team meanwhile count.
    const targets = await tx.campaignTarget.count({ where: { teamId: id } });
    if (targets > 0) {
      throw new ValidationError("The team still has targets; move or remove them first", [
        { path: "id", message: `${targets} targets` },
      ]);
    }
    await tx.campaignTeam.delete({ where: { id } });
    await audit(tx, viewer, "removeCampaignTeam", "CampaignTeam", id, { campaignId: team.campaignId, name: team.name });
    return tx.campaign.findUniqueOrThrow({ where: { id: team.campaignId } });
  });
}

export interface TargetsInput {
  teamId: string;
  methods: RecordKind[];
  measureIds?: string[] | null;
  /** Every live measure of the campaign's inspection these units are responsible for… */
  unitIds?: string[] | null;
  /** …whose traffic light is one of these (all lights when absent). */
  lights?: Light[] | null;
  dueOn?: Date | null;
}

function checkMethods(methods: RecordKind[]) {
  if (methods.length === 0 || new Set(methods).size !== methods.length) {
    throw new ValidationError("Name each expected method once, at least one", [
      { path: "methods", message: "invalid" },
    ]);
  }
}

/** The measures a target request picks: the ids given (of the campaign's inspection), or the ledger filter. */
async function pickMeasures(tx: Tx, th: Thresholds, inspectionId: string, t: TargetsInput): Promise<string[]> {
  if (t.measureIds?.length) {
    const found = await tx.measure.findMany({
      where: { id: { in: t.measureIds }, archivedAt: null, problem: { inspectionId, archivedAt: null } },
      select: { id: true },
    });
    if (found.length !== new Set(t.measureIds).size) {
      throw new ValidationError("A measure is not a live measure of the campaign's inspection", [
        { path: "input.measureIds", message: "unknown measure" },
      ]);
    }
    return [...new Set(t.measureIds)];
  }
  if (!t.unitIds?.length) {
    throw new ValidationError("Give measureIds, or unitIds (with lights) to pick from the ledger", [
      { path: "input", message: "nothing picked" },
    ]);
  }
  const lights = t.lights?.length ? t.lights : ["RED", "YELLOW", "GREEN", "GREY"];
  const where = Prisma.sql`m."archivedAt" IS NULL AND p."archivedAt" IS NULL AND p."inspectionId" = ${inspectionId}::uuid
    AND m."responsibleUnitId" = ANY(${t.unitIds}::uuid[])`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT l.id::text FROM (SELECT x.*, ${LIGHT_CASE} AS light FROM (${measureLightsSql(new Date(), th, where)}) x) l
    JOIN "Measure" m ON m.id = l.id JOIN "Problem" p ON p.id = m."problemId"
    WHERE l.light = ANY(${lights}::text[]) ORDER BY p.number, m.number`;
  return rows.map((r) => r.id);
}

export async function addTargets(ctx: Context, campaignId: string, t: TargetsInput) {
  const viewer = ctx.viewer!;
  checkMethods(t.methods);
  // Read before the transaction: the embedded database has one connection, which the transaction holds.
  const th = await thresholdsFor(ctx);
  return ctx.prisma.$transaction(async (tx) => {
    const campaign = await liveCampaign(tx, campaignId);
    const team = await tx.campaignTeam.findUnique({ where: { id: t.teamId } });
    if (!team || team.campaignId !== campaignId) {
      throw new ValidationError("The team is not one of this campaign's", [
        { path: "input.teamId", message: "unknown team" },
      ]);
    }
    checkDueOn(t.dueOn, campaign, "input.dueOn");
    const measures = await pickMeasures(tx, th, campaign.inspectionId, t);
    const taken = new Set(
      (
        await tx.campaignTarget.findMany({
          where: { campaignId, measureId: { in: measures } },
          select: { measureId: true },
        })
      ).map((r) => r.measureId),
    );
    const fresh = measures.filter((m) => !taken.has(m));
    const added = [];
    for (const measureId of fresh) {
      added.push(
        await tx.campaignTarget.create({
          data: { campaignId, teamId: t.teamId, measureId, methods: t.methods, dueOn: t.dueOn ?? null },
        }),
      );
    }
    await audit(tx, viewer, "addCampaignTargets", "Campaign", campaignId, {
      ...t,
      added: added.map((a) => a.id),
      skippedMeasureIds: [...taken],
    });
    return { added, skipped: taken.size };
  });
}

export async function updateTarget(
  ctx: Context,
  id: string,
  patch: { teamId?: string | null; methods?: RecordKind[] | null; dueOn?: Date | null; clearDueOn?: boolean | null },
) {
  const viewer = ctx.viewer!;
  if (patch.methods) checkMethods(patch.methods);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.campaignTarget.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("CampaignTarget", id);
    const campaign = await liveCampaign(tx, before.campaignId);
    checkDueOn(patch.dueOn, campaign, "dueOn");
    if (patch.teamId) {
      const team = await tx.campaignTeam.findUnique({ where: { id: patch.teamId } });
      if (!team || team.campaignId !== before.campaignId) {
        throw new ValidationError("The team is not one of this campaign's", [
          { path: "teamId", message: "unknown team" },
        ]);
      }
    }
    const data = {
      ...(patch.teamId ? { teamId: patch.teamId } : {}),
      ...(patch.methods ? { methods: patch.methods } : {}),
      ...(patch.dueOn ? { dueOn: patch.dueOn } : patch.clearDueOn ? { dueOn: null } : {}),
    };
    const after = await tx.campaignTarget.update({ where: { id }, data });
    await audit(tx, viewer, "updateCampaignTarget", "CampaignTarget", id, {
      before: { teamId: before.teamId, methods: before.methods, dueOn: before.dueOn },
      after: { teamId: after.teamId, methods: after.methods, dueOn: after.dueOn },
    });
    return after;
  });
}

export async function removeTarget(ctx: Context, id: string) {
  const viewer = ctx.viewer!;
  return ctx.prisma.$transaction(async (tx) => {
    const t = await tx.campaignTarget.findUnique({ where: { id } });
    if (!t) throw new NotFoundError("CampaignTarget", id);
    await liveCampaign(tx, t.campaignId);
    // Records that named it keep their content; their link column is cleared (ON DELETE SET NULL).
    await tx.campaignTarget.delete({ where: { id } });
    await audit(tx, viewer, "removeCampaignTarget", "CampaignTarget", id, { ...t });
    return tx.campaign.findUniqueOrThrow({ where: { id: t.campaignId } });
  });
}

/** Ids of the campaign teams `viewer` is a member of (an inspector's scope over targets). */
export async function teamIdsOf(ctx: Context, viewer: Viewer): Promise<Set<string>> {
  const rows = await ctx.prisma.campaignTeamMember.findMany({ where: { userId: viewer.id }, select: { teamId: true } });
  return new Set(rows.map((r) => r.teamId));
}
