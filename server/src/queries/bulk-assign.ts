// Bulk assignment: several measures get the same lead leader, units or deadline in one transaction.
// Invariants: all or nothing (one unknown id or invalid value changes no measure); omitted fields stay as they
// are; one audit event per measure with its before/after values, plus nothing else written.
import type { Context } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";
import { writeMeasure, type MeasureInput } from "./authoring.ts";

export const BULK_MAX = 500;

export async function assignMeasures(ctx: Context, ids: string[], input: Omit<MeasureInput, "text" | "subPoints">) {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > BULK_MAX) {
    throw new ValidationError(`Select 1 to ${BULK_MAX} measures`, [{ path: "ids", message: "empty or too many" }]);
  }
  const nothing = Object.values(input).every((v) => v === undefined);
  if (nothing) throw new ValidationError("Nothing to assign", [{ path: "assignment", message: "empty" }]);
  return ctx.prisma.$transaction(async (tx) => {
    const found = await tx.measure.findMany({ where: { id: { in: unique } }, select: { id: true } });
    const missing = unique.find((id) => !found.some((m) => m.id === id));
    if (missing) throw new NotFoundError("Measure", missing);
    const problemIds = new Set<string>();
    // The first measure creates any inline person or unit; the rest find it by name.
    for (const id of unique) {
      const { problemId, change } = await writeMeasure(tx, ctx, id, input);
      problemIds.add(problemId);
      await audit(tx, ctx.viewer, "assignMeasure", "Measure", id, { bulk: unique.length, ...change });
    }
    return { measureIds: unique, problemIds: [...problemIds] };
  });
}
