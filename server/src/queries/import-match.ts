// Finds what a report already has in the ledger: its inspection and its problems, matched by script-neutral keys (Traditional ↔
// Simplified, quotes, widths), so a later report, renumbered or in the other script, updates instead of duplicating. A near miss
// (same team, other body, or vice versa) and a problem matching nothing are warnings, never silent copies.
import type { Prisma } from "../generated/prisma/client.ts";
import type { RectStatus } from "../generated/prisma/enums.ts";
import type { ImportWarning, ParsedProblem, ReadReport } from "../importer/report-types.ts";
import type { MatchKey } from "../importer/script-key.ts";

type Tx = Prisma.TransactionClient;

const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The inspection a report belongs to, found or created; `warnings` gets POSSIBLE_DUPLICATE_INSPECTION on a near miss. */
export async function findInspection(
  tx: Tx,
  r: ReadReport,
  key: MatchKey,
  warnings: ImportWarning[],
): Promise<{ id: string; existed: boolean }> {
  const h = r.header;
  const [team, body] = [key(h.team!), key(h.inspectedBody!)];
  const all = await tx.inspection.findMany({ select: { id: true, team: true, inspectedBody: true } });
  const same = all.find((i) => key(i.team) === team && key(i.inspectedBody) === body);
  if (same) {
    // A published progress report makes its inspection public (党务公开).
    await tx.inspection.update({ where: { id: same.id }, data: { published: true } });
    return { id: same.id, existed: true };
  }
  const near = all.find((i) => key(i.team) === team || key(i.inspectedBody) === body);
  if (near) {
    warnings.push({
      code: "POSSIBLE_DUPLICATE_INSPECTION",
      line: null,
      message: `this report would start a new inspection (${h.team} → ${h.inspectedBody}) beside the existing ${near.team} → ${near.inspectedBody}`,
    });
  }
  const created = await tx.inspection.create({
    data: {
      team: h.team!,
      inspectedBody: h.inspectedBody!,
      kind: h.kind,
      startDate: day(h.startDate),
      endDate: day(h.endDate),
      feedbackDate: day(h.feedbackDate),
      published: true,
    },
  });
  return { id: created.id, existed: false };
}

export interface ExistingProblem {
  id: string;
  status: RectStatus;
  section: string;
  number: number;
  title: string;
  body: string;
  category: string | null;
  parentId: string | null;
}

/** An inspection's problems by script-neutral title key. */
export class ExistingProblems {
  private readonly byKey: Map<string, ExistingProblem>;

  constructor(
    rows: Array<ExistingProblem & { titleKey: string }>,
    private readonly key: MatchKey,
  ) {
    this.byKey = new Map(rows.map((p) => [key(p.titleKey), p]));
  }

  get size(): number {
    return this.byKey.size;
  }

  find(titleKey: string): ExistingProblem | undefined {
    return this.byKey.get(this.key(titleKey));
  }

  /** A later report's problem that matches none of the inspection's problems would become a new one: worth a look. */
  warnUnmatched(problems: ParsedProblem[], warnings: ImportWarning[]): void {
    for (const p of problems) {
      if (!this.find(p.titleKey)) {
        warnings.push({
          code: "UNMATCHED_PROBLEM",
          line: p.line,
          message: `第${p.line}行: “${p.title}” matches no problem of this inspection and would be added as a new one`,
        });
      }
      this.warnUnmatched(p.children, warnings);
    }
  }
}
