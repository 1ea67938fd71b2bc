// Working-set download: pages are joined; a lost or different session refuses the result.
import { describe, expect, it } from "vitest";
import type { GqlResult } from "../graphql/client.ts";
import type { GqlUser, WorkingSetData } from "../graphql/documents.ts";
import type { GqlProblem } from "./working-set.ts";
import { fetchWorkingSet } from "./working-set-fetch.ts";

const me: GqlUser = { id: "VXNlcjox", username: "li", displayName: "李", role: "INSPECTOR", unit: null };
const node = (n: number): GqlProblem => ({
  id: btoa(`Problem:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`),
  section: "CONTINUING",
  number: n,
  title: `t${n}`,
  body: "",
  status: "IN_PROGRESS",
  deadline: null,
  overdue: false,
  responsibleUnit: null,
  leadLeader: null,
  participatingUnits: [],
  measures: { edges: [] },
});
const page = (nodes: number[], next: string | null, user: GqlUser | null = me): GqlResult<WorkingSetData> => ({
  ok: true,
  data: {
    me: user,
    problems: {
      pageInfo: { hasNextPage: next !== null, endCursor: next },
      edges: nodes.map((n) => ({ node: node(n) })),
    },
  },
});

describe("fetchWorkingSet", () => {
  it("joins pages", async () => {
    const pages: Record<string, GqlResult<WorkingSetData>> = { "": page([1, 2], "c1"), c1: page([3], null) };
    const r = await fetchWorkingSet(
      async ({ after }) => pages[after ?? ""]!,
      me.id,
      () => 5,
    );
    expect(r.ok && r.workingSet.problems.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(r.ok && r.workingSet.fetchedAt).toBe(5);
  });

  it("refuses a result without the session, or for someone else", async () => {
    expect((await fetchWorkingSet(async () => page([1], null, null), me.id)).ok).toBe(false);
    expect((await fetchWorkingSet(async () => page([1], null, { ...me, id: "other" }), me.id)).ok).toBe(false);
  });

  it("stamps a full download with the ledger clock, then asks only for changes since and merges them", async () => {
    const noon = Date.parse("2026-11-30T04:00:00Z");
    const base = page([1, 2, 3], null);
    const full: GqlResult<WorkingSetData> = base.ok ? { ...base, data: { ...base.data, ledgerClock: "K1" } } : base;
    const first = await fetchWorkingSet(
      async (v) => (v.changedSince === null ? full : page([], null)),
      me.id,
      () => noon,
    );
    if (!first.ok) throw new Error("full download failed");
    expect(first.workingSet).toMatchObject({ clock: "K1", day: "2026-11-30" });
    const asked: (string | null)[] = [];
    const changed = { ...node(2), title: "新" };
    const second = await fetchWorkingSet(
      async (v) => {
        asked.push(v.changedSince);
        return {
          ok: true,
          data: {
            me,
            ledgerClock: "K2",
            removedProblems: [node(3).id],
            problems: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: changed }] },
          },
        };
      },
      me.id,
      () => noon + 60_000,
      [],
      first.workingSet,
    );
    expect(asked).toEqual(["K1"]);
    expect(second.ok && second.workingSet.problems.map((p) => p.title)).toEqual(["t1", "新"]);
    expect(second.ok && second.workingSet.clock).toBe("K2");
  });

  it("passes failures through", async () => {
    const r = await fetchWorkingSet(async () => ({ ok: false, kind: "network", message: "offline" }), me.id);
    expect(r).toEqual({ ok: false, kind: "network", message: "offline" });
  });
});
