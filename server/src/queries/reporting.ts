// "Reported this month" (本月已报送进展): of the measures the viewer may see that were open during a period, how
// many got a progress update in it. One query; the figure behind the dashboard, the analysis and 我的整改事项.
// Invariant: counted from ProgressUpdate.createdAt (server receipt, Asia/Shanghai periods), never from statuses.
import type { Context } from "../context.ts";
import { DONE_STATUSES } from "../domain/dates.ts";
import type { Period } from "../domain/periods.ts";
import { measureVisibility } from "./ledger-filters.ts";

export interface ReportingFigures {
  period: string;
  /** Measures not done now (completed, close-out requested and closed ones need no monthly progress). */
  open: number;
  /** Of those, with at least one progress update in the period. */
  reported: number;
  notReported: number;
  /** Progress updates received in the period on any visible measure. */
  updates: number;
}

export async function reportingFigures(ctx: Context, period: Period): Promise<ReportingFigures> {
  const inPeriod = { createdAt: { gte: period.start, lt: period.end } };
  const visible = measureVisibility(ctx);
  const [rows, updates] = await Promise.all([
    ctx.prisma.measure.findMany({
      where: { AND: [visible, { status: { notIn: [...DONE_STATUSES] } }] },
      select: { progressUpdates: { where: inPeriod, select: { id: true }, take: 1 } },
    }),
    ctx.prisma.progressUpdate.count({ where: { ...inPeriod, measure: visible } }),
  ]);
  const reported = rows.filter((r) => r.progressUpdates.length > 0).length;
  return { period: period.label, open: rows.length, reported, notReported: rows.length - reported, updates };
}
