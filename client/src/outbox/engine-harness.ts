// Test-only harness: a sync engine over a memory store and the fake server, with a controllable clock.
import { createFakeServer } from "./fake-server.ts";
import { createMemoryBacking, MemoryOutboxStore } from "./memory-store.ts";
import { createSyncEngine, type SyncEngineOptions } from "./sync-loop.ts";
import { OWNER_A, photoBytes, T0, uuid } from "./test-support.ts";

export function setupEngine(options: Partial<SyncEngineOptions> = {}) {
  const clock = { now: T0 };
  const backing = createMemoryBacking();
  const store = new MemoryOutboxStore(backing);
  const server = createFakeServer(() => clock.now);
  const make = (over: Partial<SyncEngineOptions> = {}) =>
    createSyncEngine({
      store: new MemoryOutboxStore(backing),
      transport: server.transport,
      now: () => clock.now,
      random: () => 1,
      ownerId: OWNER_A,
      ...options,
      ...over,
    });
  const engine = make();
  const addPhoto = (n: number) =>
    store.putBlob(uuid(n, "f0"), { bytes: photoBytes(n), mimeType: "image/jpeg", fileName: `photo-${n}.jpg` });
  return { clock, backing, store, server, engine, make, addPhoto };
}

/** Timers that only fire when the test says so, on the harness clock. */
export function manualTimers(clock: { now: number }) {
  const pending = new Set<{ fn: () => void; at: number }>();
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const t = { fn, at: clock.now + ms };
        pending.add(t);
        return t;
      },
      clearTimeout: (t: unknown) => void pending.delete(t as { fn: () => void; at: number }),
    },
    /** Delays of the armed timers, relative to now. */
    delays: () => [...pending].map((t) => t.at - clock.now).sort((a, b) => a - b),
    /** Fires the earliest timer, moving the clock to it. */
    fireNext() {
      const t = [...pending].sort((a, b) => a.at - b.at)[0]!;
      pending.delete(t);
      clock.now = Math.max(clock.now, t.at);
      t.fn();
    },
  };
}

/** Polls until `check` stops throwing (real time; the engine's own awaits need real macrotasks). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
