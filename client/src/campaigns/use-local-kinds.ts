// Records on this phone (outbox, any state) that name a campaign target: target raw id → kinds recorded, re-read
// whenever the outbox changes, so a record saved offline counts at once towards the to-do list.
import { useEffect, useState } from "react";
import type { RecordKind } from "@rectify/server/sync";
import { useUser } from "../auth/session.tsx";
import { isOwnedBy } from "../outbox/index.ts";
import { useServices, useSyncSnapshot } from "../services.tsx";
import { localKindsByTarget } from "./target-todo.ts";

export function useLocalTargetKinds(): Map<string, RecordKind[]> {
  const { store } = useServices();
  const snapshot = useSyncSnapshot();
  const userId = useUser().id;
  const [map, setMap] = useState<Map<string, RecordKind[]>>(() => new Map());
  useEffect(() => {
    let cancelled = false;
    void store
      .list()
      .then((entries) => {
        if (cancelled) return;
        const records = entries.flatMap((e) => {
          const env = e.envelope;
          if (!isOwnedBy(e, userId) || !("kind" in env) || !("targetId" in env)) return [];
          return typeof env.targetId === "string" ? [{ targetId: env.targetId, kind: env.kind }] : [];
        });
        setMap(localKindsByTarget(records));
      })
      .catch(() => undefined); // the to-do list then shows only what the server counted
    return () => {
      cancelled = true;
    };
  }, [store, snapshot, userId]);
  return map;
}
