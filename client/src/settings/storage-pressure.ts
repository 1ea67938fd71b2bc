// Remembers that a write on this device just failed for lack of space, so 设置 can say so even when
// navigator.storage.estimate() still reports plenty (Chromium pads and caches its estimate; the failed write is
// the real signal). Invariant: set by a quota failure, cleared only by a later successful photo write.
type Listener = () => void;

export interface StoragePressure {
  /** Epoch ms of the last quota failure not yet followed by a successful write; null when none. */
  fullSince(): number | null;
  markFull(at?: number): void;
  markWritten(): void;
  subscribe(listener: Listener): () => void;
}

export function createStoragePressure(): StoragePressure {
  let since: number | null = null;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());
  return {
    fullSince: () => since,
    markFull(at = Date.now()) {
      since = at;
      emit();
    },
    markWritten() {
      if (since === null) return;
      since = null;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The app's one instance (module scope: a page has one device storage). */
export const storagePressure = createStoragePressure();
