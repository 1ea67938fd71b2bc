// Which campaign teams (and so campaigns and targets) the viewer belongs to, read once per request.
import type { Context } from "../context.ts";

export interface Membership {
  teamIds: Set<string>;
  campaignIds: Set<string>;
}

const cache = new WeakMap<object, Promise<Membership>>();

export function membershipOf(ctx: Context): Promise<Membership> {
  let p = cache.get(ctx);
  if (!p) {
    p = (async () => {
      if (!ctx.viewer) return { teamIds: new Set<string>(), campaignIds: new Set<string>() };
      const rows = await ctx.prisma.campaignTeamMember.findMany({
        where: { userId: ctx.viewer.id },
        select: { teamId: true, team: { select: { campaignId: true } } },
      });
      return { teamIds: new Set(rows.map((r) => r.teamId)), campaignIds: new Set(rows.map((r) => r.team.campaignId)) };
    })();
    cache.set(ctx, p);
  }
  return p;
}
