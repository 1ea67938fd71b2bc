// Downloads the working set page by page. Invariant: a download made without the expected session (the cookie
// expired, or another user logged in elsewhere) is refused, so the public's view never replaces the cached one.
import type { GqlFailureKind, GqlResult } from "../graphql/client.ts";
import type { WorkingSetData } from "../graphql/documents.ts";
import { normaliseProblem, type WorkingSet, type WsProblem } from "./working-set.ts";

export type FetchWorkingSetResult =
  { ok: true; workingSet: WorkingSet } | { ok: false; kind: GqlFailureKind; message: string };

const MAX_PAGES = 50;

export async function fetchWorkingSet(
  run: (variables: { after: string | null }) => Promise<GqlResult<WorkingSetData>>,
  userId: string,
  now: () => number = Date.now,
  inspectionIds: string[] = [],
): Promise<FetchWorkingSetResult> {
  const problems: WsProblem[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await run({ after });
    if (!result.ok) return result;
    const { me, problems: conn } = result.data;
    if (!me || me.id !== userId) return { ok: false, kind: "unauthenticated", message: "session expired" };
    problems.push(...conn.edges.map((e) => normaliseProblem(e.node)));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) {
      const covers = inspectionIds.length ? { inspectionIds: [...inspectionIds] } : {};
      return { ok: true, workingSet: { userId, fetchedAt: now(), ...covers, problems } };
    }
    after = conn.pageInfo.endCursor;
  }
  return { ok: false, kind: "graphql", message: `more than ${MAX_PAGES} pages of problems` };
}
