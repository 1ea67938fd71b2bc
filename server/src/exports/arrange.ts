// Arranges an inspection's problems into the report's two sections by their CURRENT status and numbers them as the report will; pure. Invariants: every problem appears exactly once (a sub-problem under its parent, in its parent's section); numbers restart at 1 in each section and under each parent.
import type { RectStatus } from "../generated/prisma/enums.ts";
import type { Section, SummaryFigures } from "../importer/report-types.ts";
import { DONE_STATUSES } from "../domain/dates.ts";

const DONE: ReadonlySet<RectStatus> = new Set(DONE_STATUSES);

/** Completed, awaiting close-out or closed: "集中整改期内已完成"; anything else is still being worked on. */
export function sectionOfStatus(status: RectStatus): Section {
  return DONE.has(status) ? "COMPLETED" : "CONTINUING";
}

export interface ArrangeInput {
  id: string;
  parentId: string | null;
  /** The section the problem was last reported in: only used to keep the published order. */
  section: Section;
  number: number;
  title: string;
  status: RectStatus;
  category: string | null;
}

export interface Arranged<P> {
  problem: P;
  section: Section;
  number: number;
  /** "3" for a problem, "3.1" for its first sub-problem: what a ledger row calls it. */
  label: string;
  children: Arranged<P>[];
}

const SECTION_ORDER: Record<Section, number> = { COMPLETED: 0, CONTINUING: 1 };

function publishedOrder(a: ArrangeInput, b: ArrangeInput): number {
  return (
    SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
    a.number - b.number ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  );
}

/**
 * Problems of one category stay together (in the order the categories first appear), because the report writes
 * a category heading only when the category changes.
 */
function groupByCategory<P extends ArrangeInput>(problems: P[]): P[] {
  const groups = new Map<string | null, P[]>();
  for (const p of problems) {
    const group = groups.get(p.category);
    if (group) group.push(p);
    else groups.set(p.category, [p]);
  }
  return [...groups.values()].flat();
}

export function arrangeProblems<P extends ArrangeInput>(problems: readonly P[]): Arranged<P>[] {
  const ids = new Set(problems.map((p) => p.id));
  const childrenOf = new Map<string, P[]>();
  const top: P[] = [];
  for (const p of problems) {
    // A parent outside the set (should not happen) would hide the problem, so it is shown at top level instead.
    if (p.parentId === null || !ids.has(p.parentId)) top.push(p);
    else childrenOf.set(p.parentId, [...(childrenOf.get(p.parentId) ?? []), p]);
  }
  const arrangeChildren = (parent: P, section: Section, label: string, seen: Set<string>): Arranged<P>[] =>
    (childrenOf.get(parent.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort(publishedOrder)
      .map((c, i) => {
        seen.add(c.id);
        const childLabel = `${label}.${i + 1}`;
        return {
          problem: c,
          section,
          number: i + 1,
          label: childLabel,
          children: arrangeChildren(c, section, childLabel, seen),
        };
      });
  const sorted = [...top].sort(publishedOrder);
  const out: Arranged<P>[] = [];
  for (const section of ["COMPLETED", "CONTINUING"] as const) {
    const inSection = groupByCategory(sorted.filter((p) => sectionOfStatus(p.status) === section));
    inSection.forEach((p, i) => {
      const label = String(i + 1);
      out.push({
        problem: p,
        section,
        number: i + 1,
        label,
        children: arrangeChildren(p, section, label, new Set([p.id])),
      });
    });
  }
  return out;
}

/** Every arranged problem, depth first, parents before their sub-problems. */
export function flattenArranged<P>(arranged: readonly Arranged<P>[]): Arranged<P>[] {
  return arranged.flatMap((a) => [a, ...flattenArranged(a.children)]);
}

/**
 * Summary figures as of now. A figure stated in a text the export writes unchanged (header, organisation, next
 * steps, category headings) stays as stated, since rewriting it there would contradict the text; a figure only the
 * summary held is recomputed from the current sections. The number of problems fed back never changes.
 */
export function currentSummary(
  stored: SummaryFigures,
  stated: SummaryFigures,
  counts: { completed: number; continuing: number },
): SummaryFigures {
  const total = counts.completed + counts.continuing;
  const now: Required<Omit<SummaryFigures, "categories" | "notCompleted">> = {
    feedback: stored.feedback ?? total,
    completed: counts.completed,
    inProgress: counts.continuing,
    completionRate: total === 0 ? 0 : Math.round((counts.completed / total) * 1000) / 10,
  };
  const out: SummaryFigures = {};
  for (const key of ["feedback", "completed", "inProgress", "completionRate"] as const) {
    if (stored[key] === undefined) continue;
    out[key] = stated[key] !== undefined ? stored[key] : now[key];
  }
  return out;
}
