// The picked inspection in React, remembered per user in the device cache (IndexedDB, not localStorage) so it
// survives reloads and works offline; the list of inspections is refreshed from the server when online.
// Invariant: another user's pick is never applied (the record is keyed by user id).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { runQuery } from "../graphql/client.ts";
import { useOnline, useServices } from "../services.tsx";
import { INSPECTION_LIST_QUERY } from "./inspections-model.ts";
import {
  EMPTY_PICK,
  inspectionName,
  pickInspection,
  withKnown,
  type InspectionPick,
  type KnownInspection,
} from "./pick-model.ts";

interface PickValue extends InspectionPick {
  loaded: boolean;
  pick(id: string | null): void;
  /** Re-reads the list of inspections (after one was created or renamed). */
  refreshList(): Promise<void>;
}

const PickContext = createContext<PickValue | null>(null);

export function InspectionPickProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const { cache, client } = useServices();
  const online = useOnline();
  const [state, setState] = useState<InspectionPick>(EMPTY_PICK);
  const [loaded, setLoaded] = useState(false);

  const store = useCallback(
    (next: InspectionPick) => {
      void (async () => {
        const all = (await cache.get("inspectionPicks")) ?? {};
        await cache.put("inspectionPicks", { ...all, [userId]: next });
      })().catch(() => undefined); // a lost pick costs one tap; never block the screen on it
    },
    [cache, userId],
  );

  const update = useCallback(
    (change: (s: InspectionPick) => InspectionPick) => {
      setState((current) => {
        const next = change(current);
        store(next);
        return next;
      });
    },
    [store],
  );

  const refreshList = useCallback(async () => {
    const r = await runQuery(client, INSPECTION_LIST_QUERY, {});
    if (!r.ok) return;
    const known: KnownInspection[] = r.data.inspections.edges.map(({ node }) => ({
      id: node.id,
      name: inspectionName(node),
    }));
    update((s) => withKnown(s, known));
  }, [client, update]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all = await cache.get("inspectionPicks").catch(() => undefined);
      if (cancelled) return;
      setState(all?.[userId] ?? EMPTY_PICK);
      setLoaded(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [cache, userId]);

  useEffect(() => {
    if (loaded && online) void refreshList();
  }, [loaded, online, refreshList]);

  const pick = useCallback((id: string | null) => update((s) => pickInspection(s, id)), [update]);
  const value = useMemo(() => ({ ...state, loaded, pick, refreshList }), [state, loaded, pick, refreshList]);
  return <PickContext.Provider value={value}>{children}</PickContext.Provider>;
}

export function useInspectionPick(): PickValue {
  const value = useContext(PickContext);
  if (!value) throw new Error("useInspectionPick outside InspectionPickProvider");
  return value;
}
