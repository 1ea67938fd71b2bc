// Live updates in React: subscribe to ledgerChanged while a screen is open and call back (debounced, so a burst such
// as an import re-queries once); also after a reconnect, since events may have been missed meanwhile.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useServices } from "../services.tsx";
import { LEDGER_CHANGED, type LedgerEvent } from "./ledger-changed.ts";
import type { LiveStatus } from "./sse.ts";

export type { LedgerEvent };

const DEBOUNCE_MS = 800;

export function useLedgerChanged(onChange: (events: LedgerEvent[]) => void, enabled = true): LiveStatus {
  const { client, live } = useServices();
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);
  const state = useSyncExternalStore(live.subscribe, live.get);

  useEffect(() => {
    if (!enabled) return;
    let queue: LedgerEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const events = queue;
      queue = [];
      callback.current(events);
    };
    const push = (e: LedgerEvent | null) => {
      if (e) queue.push(e);
      if (!timer) timer = setTimeout(flush, DEBOUNCE_MS);
    };
    let seenOpen = live.get().status === "open";
    const offState = live.subscribe(() => {
      if (live.get().status !== "open") return;
      // A reconnect after a gap: whatever changed meanwhile was not announced.
      if (seenOpen) push(null);
      seenOpen = true;
    });
    const sub = client.subscription(LEDGER_CHANGED, {}).subscribe((result) => {
      if (result.data?.ledgerChanged) push(result.data.ledgerChanged);
    });
    return () => {
      sub.unsubscribe();
      offState();
      if (timer) clearTimeout(timer);
    };
  }, [client, live, enabled]);

  return state.status;
}
