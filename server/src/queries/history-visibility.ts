// Which status-change reasons a unit liaison may read: a problem's roll-up entry ("措施N: why") quotes a measure's
// reason, so on a problem shared by several units it is shown only to the units of that measure.
import type { Context } from "../context.ts";

const ROLL_UP = /^措施(\d+)[:：]/;

export async function rollUpHidden(
  c: { problemId: string | null; measureId: string | null; reason: string },
  ctx: Context,
): Promise<boolean> {
  if (ctx.viewer?.role !== "UNIT_LIAISON" || !c.problemId || c.measureId) return false;
  const n = c.reason.match(ROLL_UP)?.[1];
  if (!n) return false;
  const measure = await ctx.prisma.measure.findFirst({
    where: { problemId: c.problemId, number: Number(n) },
    select: { id: true },
  });
  return !measure || !(await ctx.liaisonScope()).measureIds.has(measure.id);
}
