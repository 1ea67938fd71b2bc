// The working set and recent items in React: read from the cache DB at once (offline), refreshed from the server
// when online (at start, when the network returns if stale, and on demand). Invariant: a failed or session-less
// download never replaces what is cached.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { runQuery } from "../graphql/client.ts";
import { WORKING_SET_QUERY, workingSetData } from "../graphql/documents.ts";
import { useServices } from "../services.tsx";
import { fetchWorkingSet } from "./working-set-fetch.ts";
import { pushRecent, type WorkingSet } from "./working-set.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { MY_TARGETS_QUERY, normaliseTarget } from "../campaigns/targets.ts";

export type RefreshOutcome = { ok: true } | { ok: false; message: string };

interface WorkingSetValue {
  workingSet: WorkingSet | null;
  /** false until the cache has been read (so screens do not flash "no ledger"). */
  loaded: boolean;
  recent: string[];
  refreshing: boolean;
  refresh(): Promise<RefreshOutcome>;
  markOpened(problemId: string): void;
}

const WorkingSetContext = createContext<WorkingSetValue | null>(null);

/** Refresh on reconnect only when the copy is older than this; a flaky signal must not re-download all day. */
const STALE_MS = 15 * 60 * 1000;

export function WorkingSetProvider({
  userId,
  withTargets = false,
  children,
}: {
  userId: string;
  /** Also download the user's campaign targets (staff; a unit's liaison has none). */
  withTargets?: boolean;
  children: ReactNode;
}) {
  const { cache, client, authLost } = useServices();
  // The inspections the user works on (the picker's working list); empty: all they may see.
  const { working, loaded: pickLoaded } = useInspectionPick();
  const workingKey = working.join(",");
  const [workingSet, setWorkingSet] = useState<WorkingSet | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef<Promise<RefreshOutcome> | null>(null);
  const fetchedAt = useRef(0);
  // The copy a refresh may bring up to date with only what changed (see working-set-merge.ts).
  const current = useRef<WorkingSet | null>(null);

  const refresh = useCallback((): Promise<RefreshOutcome> => {
    if (inFlight.current) return inFlight.current;
    setRefreshing(true);
    const run = (async (): Promise<RefreshOutcome> => {
      const inspectionIds = workingKey ? workingKey.split(",") : [];
      const scope = inspectionIds.length ? { inspectionIds } : {};
      const result = await fetchWorkingSet(
        async ({ after, changedSince }) => {
          const page = await runQuery(client, WORKING_SET_QUERY, {
            after,
            filter: changedSince
              ? { ...scope, changedSince, includeArchived: true }
              : inspectionIds.length
                ? scope
                : null,
            since: changedSince ?? new Date(0).toISOString(),
            inspectionIds: inspectionIds.length ? inspectionIds : null,
            incremental: changedSince !== null,
          });
          return page.ok ? { ...page, data: workingSetData(page.data) } : page;
        },
        userId,
        Date.now,
        inspectionIds,
        current.current,
      );
      if (!result.ok) {
        if (result.kind === "unauthenticated") authLost.emit();
        return { ok: false, message: result.message };
      }
      let next = result.workingSet;
      if (withTargets) {
        // Part of the same download: a copy with the ledger but without the targets would show no tasks offline.
        const targets = await runQuery(client, MY_TARGETS_QUERY, {});
        if (!targets.ok) {
          if (targets.kind === "unauthenticated") authLost.emit();
          return { ok: false, message: targets.message };
        }
        next = { ...next, targets: targets.data.myTargets.map(normaliseTarget) };
      }
      await cache.put("workingSet", next);
      current.current = next;
      fetchedAt.current = next.fetchedAt;
      setWorkingSet(next);
      return { ok: true };
    })()
      .catch((error: unknown) => ({
        ok: false as const,
        message: error instanceof Error ? error.message : String(error),
      }))
      .finally(() => {
        inFlight.current = null;
        setRefreshing(false);
      });
    inFlight.current = run;
    return run;
  }, [cache, client, userId, authLost, workingKey, withTargets]);

  // Edits by supervisors (new or corrected measures, assignments) reach the cached copy while online.
  useLedgerChanged(
    useCallback(() => {
      if (navigator.onLine) void refresh();
    }, [refresh]),
  );

  useEffect(() => {
    if (!pickLoaded) return;
    let cancelled = false;
    void (async () => {
      const [ws, rec] = await Promise.all([cache.get("workingSet"), cache.get("recent")]).catch(() => [null, null]);
      if (cancelled) return;
      const mine = ws && ws.userId === userId ? ws : null;
      setWorkingSet(mine);
      current.current = mine;
      fetchedAt.current = mine?.fetchedAt ?? 0;
      setRecent(rec ?? []);
      setLoaded(true);
      if (navigator.onLine) void refresh();
    })();
    const onOnline = () => {
      if (Date.now() - fetchedAt.current > STALE_MS) void refresh();
    };
    window.addEventListener("online", onOnline);
    return () => {
      cancelled = true;
      window.removeEventListener("online", onOnline);
    };
  }, [cache, userId, refresh, pickLoaded]);

  const markOpened = useCallback(
    (problemId: string) => {
      setRecent((current) => {
        const next = pushRecent(current, problemId);
        void cache.put("recent", next).catch(() => undefined); // recent items are a convenience, not data
        return next;
      });
    },
    [cache],
  );

  const value = useMemo(
    () => ({ workingSet, loaded, recent, refreshing, refresh, markOpened }),
    [workingSet, loaded, recent, refreshing, refresh, markOpened],
  );
  return <WorkingSetContext.Provider value={value}>{children}</WorkingSetContext.Provider>;
}

export function useWorkingSet(): WorkingSetValue {
  const value = useContext(WorkingSetContext);
  if (!value) throw new Error("useWorkingSet outside WorkingSetProvider");
  return value;
}
