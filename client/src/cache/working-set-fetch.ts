// Downloads the working set page by page: whole, or (given the cursor of today's cached copy) only the problems
// changed since, merged into that copy. Invariant: a download made without the expected session (the cookie
// expired, or another user logged in elsewhere) is refused, so the public's view never replaces the cached one.
import type { GqlFailureKind, GqlResult } from "../graphql/client.ts";
import type { WorkingSetData } from "../graphql/documents.ts";
import { shanghaiDay } from "../lib/shanghai.ts";
import { changesSince, mergeWorkingSet } from "./working-set-merge.ts";
import { normaliseProblem, type WorkingSet, type WsProblem } from "./working-set.ts";

export type FetchWorkingSetResult =
  { ok: true; workingSet: WorkingSet } | { ok: false; kind: GqlFailureKind; message: string };

const MAX_PAGES = 50;

/** `run` gets the page cursor and, for an incremental download, the ledger clock to ask for changes since. */
export async function fetchWorkingSet(
  run: (variables: { after: string | null; changedSince: string | null }) => Promise<GqlResult<WorkingSetData>>,
  userId: string,
  now: () => number = Date.now,
  inspectionIds: string[] = [],
  cached: WorkingSet | null = null,
): Promise<FetchWorkingSetResult> {
  const changedSince = changesSince(cached, userId, inspectionIds, new Date(now()));
  const changed: { problem: WsProblem; archived: boolean }[] = [];
  let clock: string | undefined;
  let removed: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await run({ after, changedSince });
    if (!result.ok) return result;
    const { me, problems: conn } = result.data;
    if (!me || me.id !== userId) return { ok: false, kind: "unauthenticated", message: "session expired" };
    if (page === 0) {
      clock = result.data.ledgerClock;
      removed = result.data.removedProblems ?? [];
    }
    changed.push(...conn.edges.map((e) => ({ problem: normaliseProblem(e.node), archived: !!e.node.archivedAt })));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) {
      const fetchedAt = now();
      if (changedSince && cached && clock) {
        return { ok: true, workingSet: mergeWorkingSet(cached, changed, removed, { clock, fetchedAt }) };
      }
      const covers = inspectionIds.length ? { inspectionIds: [...inspectionIds] } : {};
      const stamp = clock ? { clock, day: shanghaiDay(new Date(fetchedAt)) } : {};
      const problems = changed.filter((c) => !c.archived).map((c) => c.problem);
      return { ok: true, workingSet: { userId, fetchedAt, ...covers, ...stamp, problems } };
    }
    after = conn.pageInfo.endCursor;
  }
  return { ok: false, kind: "graphql", message: `more than ${MAX_PAGES} pages of problems` };
}
