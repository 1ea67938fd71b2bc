// The sync engine: one pass at a time sends the outbox in queue order; triggered on demand, on `online`, by a timer
// while work remains, and by the server answering a probe after it could not be reached (server-probe.ts).
import {
  validateEnvelope,
  isProgressEnvelope,
  validateProgressEnvelope,
  type ProgressContent,
  type RecordContent,
  type SyncError,
  type ValidationIssue,
} from "@rectify/server/sync";
import { countEntries, isSendable, planSave, type EntryContent, type OutboxCounts } from "./entry-rules.ts";
import type { OutboxEntry, OutboxStore } from "./outbox-store.ts";
import { isOwnedBy } from "./record-owner.ts";
import { syncEntry, type PassTally } from "./sync-entry.ts";
import type { SyncTransport } from "./transport.ts";
import { createMutex, defaultIsOnline, defaultTimers, type Timers } from "./engine-runtime.ts";
import {
  emptyPass,
  passProgress,
  withPhotoProgress,
  withRecordFinished,
  type PassProgress,
  type PassState,
} from "./pass-progress.ts";
import { createProbeLoop, NO_ANSWER_CODES } from "./server-probe.ts";

export type { Timers };

export interface SyncEngineOptions {
  store: OutboxStore;
  transport: SyncTransport;
  /** Epoch ms. */
  now?: () => number;
  /** For backoff jitter. */
  random?: () => number;
  timers?: Timers;
  /** When it says false, passes are skipped (navigator.onLine false is reliable; true is only a hint). */
  isOnline?: () => boolean;
  /** Upload-then-confirm rounds per entry and pass before giving up until later. */
  maxPhotoRounds?: number;
  /** Wraps every pass: the app passes a cross-tab lock (tab-lock.ts) so two tabs never send at once. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The logged-in user (see setOwner): only their entries are sent, counted and saved; null sends nothing. */
  ownerId: string | null;
}

export interface SyncSummary extends PassTally {
  /** Why the pass ended early: no network, the head of the queue is backing off, or a retryable error. */
  stopped: null | "offline" | "backoff" | "retryable-error";
  counts: OutboxCounts;
}

export interface SyncSnapshot {
  /** The current owner's entries only. */
  counts: OutboxCounts;
  /** Unsynced entries of other users (or of no known user) on this device: never sent or shown, only counted. */
  othersUnsynced: number;
  running: boolean;
  /** When the head of the queue is due (epoch ms); null when nothing is pending. */
  nextAttemptAt: number | null;
  /** Why the head of the queue is waiting (its last retryable error), or null: what holds the whole queue up. */
  headError: SyncError | null;
  lastSummary: SyncSummary | null;
  /** The last pass that failed outright (e.g. storage error); cleared by the next successful pass. */
  failure: unknown;
  /**
   * What the last contact taught about the server: "unreachable" when a send got no answer while the device was
   * online (the header then says so), "reachable" once anything answered, "unknown" before either.
   */
  server: "unknown" | "reachable" | "unreachable";
  /** When the server is probed next (epoch ms) while records wait for it; null when not probing. */
  probeAt: number | null;
  /** Progress of the running pass (records, photo bytes, the record being sent); null when no pass runs. */
  progress: PassProgress | null;
}

export interface StartOptions {
  /** Retry check while work remains; default 30 s. */
  intervalMs?: number;
  /** Where `online` events come from; default globalThis (window, or self in a worker). */
  events?: Pick<EventTarget, "addEventListener" | "removeEventListener">;
}

export interface SyncEngine {
  /** Validates and queues (or, with hold, keeps as draft) a record; see planSave for revisions. */
  saveRecord(content: RecordContent, options?: { hold?: boolean }): Promise<OutboxEntry>;
  /** The same for a unit's progress report (entry kind "progress"): validated, queued or held, sent in queue order. */
  saveProgress(content: ProgressContent, options?: { hold?: boolean }): Promise<OutboxEntry>;
  /** One pass respecting backoff; joins the running pass if there is one. */
  runOnce(): Promise<SyncSummary>;
  /** One pass ignoring backoff ("sync now" button, back online). */
  syncNow(): Promise<SyncSummary>;
  /** Puts a needs_attention entry back in the queue as is. */
  retry(id: string): Promise<void>;
  /** Removes an entry and its photos from the device, whatever its state (the UI must confirm). */
  discard(id: string): Promise<void>;
  /** Deletes synced entries confirmed before `olderThan` (epoch ms) and their photos; returns how many. */
  pruneSynced(olderThan: number): Promise<number>;
  /**
   * Another request (a query, a login) learned whether the server answers: shown in the snapshot; when it does not
   * and records wait, the engine probes it as after a failed send.
   */
  noteServer(reachable: boolean): void;
  /** Who is logged in now (null: nobody). Entries of anyone else stay on the device untouched. */
  setOwner(ownerId: string | null): void;
  start(options?: StartOptions): void;
  stop(): void;
  /** For React's useSyncExternalStore: (subscribe, getSnapshot). */
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
  getSnapshot(): SyncSnapshot;
  counts(): Promise<OutboxCounts>;
}

export class OutboxValidationError extends Error {
  override readonly name = "OutboxValidationError";
  constructor(readonly error: SyncError & { issues: ValidationIssue[] }) {
    super(error.message);
  }
}

const MIN_DELAY_MS = 1_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, transport } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timers = options.timers ?? defaultTimers;
  const isOnline = options.isOnline ?? defaultIsOnline;
  const locked = createMutex();
  const listeners = new Set<(s: SyncSnapshot) => void>();

  let snapshot: SyncSnapshot = {
    counts: countEntries([]),
    othersUnsynced: 0,
    running: false,
    nextAttemptAt: null,
    headError: null,
    lastSummary: null,
    failure: null,
    server: "unknown",
    probeAt: null,
    progress: null,
  };
  let running: Promise<SyncSummary> | null = null;
  let owner = options.ownerId;
  let seq: number | null = null;
  let started: { intervalMs: number; events: StartOptions["events"]; onOnline: () => void } | null = null;
  let timer: unknown = null;
  /** Progress of the running pass; null between passes. */
  let passState: PassState | null = null;
  let sendable: OutboxEntry[] = [];
  let progressPublishedAt = 0;
  const probes = createProbeLoop({
    // Offline, the probe cannot answer; the `online` event starts a pass anyway.
    probe: async () => isOnline() && !!transport.probe && (await transport.probe()),
    timers,
    now,
    random,
    onAnswer: () => {
      publish({ server: "reachable" });
      void tick(true); // the server is back: send now, not when each record's retry timer runs out
    },
    onChange: () => publish({ probeAt: probes.nextAt() }),
  });

  function publish(patch: Partial<SyncSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        // A broken listener must not break syncing, but must not vanish either: rethrow outside.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async function refresh(): Promise<OutboxCounts> {
    const all = await store.list();
    const entries = all.filter((e) => isOwnedBy(e, owner));
    const counts = countEntries(entries);
    const othersUnsynced = all.filter((e) => !isOwnedBy(e, owner) && e.state !== "synced").length;
    // The queue keeps its order, so the head decides when the next pass can make progress.
    sendable = entries.filter(isSendable);
    const head = sendable[0];
    publish({
      counts,
      othersUnsynced,
      nextAttemptAt: head ? (head.state === "waiting" ? head.nextAttemptAt : now()) : null,
      headError: head?.lastError ?? null,
      progress: passState ? passProgress(passState, sendable) : null,
    });
    return counts;
  }

  async function pass(force: boolean): Promise<SyncSummary> {
    const tally: PassTally = { attempted: 0, synced: 0, conflicts: 0, rejected: 0, photosUploaded: 0, error: null };
    let stopped: SyncSummary["stopped"] = null;
    if (!isOnline()) {
      stopped = "offline";
    } else {
      const deps = {
        store,
        transport,
        now,
        random,
        locked,
        changed: async () => void (await refresh()),
        maxPhotoRounds: options.maxPhotoRounds ?? 2,
        onPhotoProgress: (recordId: string, photoId: string, sent: number) => {
          if (!passState) return;
          passState = withPhotoProgress(passState, recordId, photoId, sent);
          // A tus upload may report many times a second; the screen needs a few updates per second at most.
          if (now() - progressPublishedAt < 200) return;
          progressPublishedAt = now();
          publish({ progress: passProgress(passState, sendable) });
        },
      };
      const tried = new Set<string>(); // id@revision: each revision at most once per pass
      for (;;) {
        // Only the logged-in user's entries, re-read each round: after a logout or a switch nothing of theirs starts.
        const next = (await store.list()).find(
          (e) => isOwnedBy(e, owner) && isSendable(e) && !tried.has(`${e.id}@${e.envelope.revision}`),
        );
        if (!next) break;
        // Keep the queue order: when the head is backing off, everything behind it waits too.
        if (!force && next.state === "waiting" && next.nextAttemptAt > now()) {
          stopped = "backoff";
          break;
        }
        tried.add(`${next.id}@${next.envelope.revision}`);
        if ((await syncEntry(deps, next.id, tally)) === "stop") {
          stopped = "retryable-error";
          break;
        }
        const after = await store.get(next.id);
        if (passState && (!after || !isSendable(after))) {
          passState = withRecordFinished(passState, next);
          await refresh();
        }
      }
    }
    return { ...tally, stopped, counts: await refresh() };
  }

  /** What a finished pass teaches about the server, and whether to probe it until it answers. */
  function learn(summary: SyncSummary): SyncSnapshot["server"] {
    const noAnswer = summary.error !== null && NO_ANSWER_CODES.has(summary.error.code);
    if (noAnswer && isOnline()) {
      if (started) probes.start(); // keeps the backoff reached: a server that answers probes only is not hammered
      return "unreachable";
    }
    if (summary.stopped === "backoff") return snapshot.server; // nothing was tried: the probe goes on
    probes.stop();
    if (summary.error === null || summary.synced > 0) probes.reset();
    return summary.attempted > 0 && !noAnswer ? "reachable" : snapshot.server;
  }

  function runPass(force: boolean): Promise<SyncSummary> {
    if (running) return running;
    passState = emptyPass;
    publish({ running: true });
    const current = (options.exclusive ? options.exclusive(() => pass(force)) : pass(force)).then(
      (summary) => {
        running = null;
        passState = null;
        publish({ running: false, lastSummary: summary, failure: null, progress: null, server: learn(summary) });
        return summary;
      },
      (error: unknown) => {
        running = null;
        passState = null;
        publish({ running: false, failure: error, progress: null });
        throw error;
      },
    );
    running = current;
    return current;
  }

  async function syncNow(): Promise<SyncSummary> {
    if (running) {
      const joined = await running;
      if (joined.stopped !== "backoff") return joined;
    }
    return runPass(true);
  }

  function schedule(delayMs: number): void {
    if (!started) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(
      () => {
        timer = null;
        void tick();
      },
      Math.max(0, delayMs),
    );
  }

  async function tick(force = false): Promise<void> {
    let summary: SyncSummary | null = null;
    try {
      summary = await (force ? syncNow() : runPass(false));
    } catch {
      // Already published as snapshot.failure for the UI; retried at the next interval.
    }
    if (!started) return;
    const interval = started.intervalMs;
    // Offline, idle or failing: only the periodic check (and `online` events). Otherwise wake when the
    // head of the queue is due, but never spin faster than MIN_DELAY_MS.
    if (!summary || summary.stopped === "offline" || summary.counts.pending === 0) return schedule(interval);
    const untilDue = (snapshot.nextAttemptAt ?? now()) - now();
    schedule(Math.min(interval, Math.max(untilDue, MIN_DELAY_MS)));
  }

  async function save(content: EntryContent, opts: { hold?: boolean }): Promise<OutboxEntry> {
    const ownerId = owner;
    if (ownerId === null) throw new Error("cannot save to the outbox: nobody is logged in");
    const saved = await locked(async () => {
      const existing = await store.get(content.recordId);
      // Another user's record is not theirs to change (the UI never offers it; this keeps the invariant).
      if (existing && !isOwnedBy(existing, ownerId))
        throw new Error("this record belongs to another user on this device");
      if (seq === null) seq = Math.max(0, ...(await store.list()).map((e) => e.seq));
      const planned = planSave(existing, content, {
        now: now(),
        ownerId,
        hold: opts.hold ?? false,
        nextSeq: () => ++seq!,
      });
      if (!planned) return existing!;
      const at = new Date(now());
      const checked = isProgressEnvelope(planned.envelope)
        ? validateProgressEnvelope(planned.envelope, at)
        : validateEnvelope(planned.envelope, at);
      if (!checked.ok) throw new OutboxValidationError(checked.error);
      const entry = { ...planned, envelope: checked.value };
      await store.put(entry);
      return entry;
    });
    await refresh();
    if (started && saved.state === "waiting") schedule(0);
    return saved;
  }

  const engine: SyncEngine = {
    saveRecord: (content, opts = {}) => save(content, opts),
    saveProgress: (content, opts = {}) => save(content, opts),
    runOnce: () => runPass(false),
    syncNow,
    async retry(id) {
      await locked(async () => {
        const e = await store.get(id);
        if (!e || !isOwnedBy(e, owner) || e.state !== "needs_attention") return;
        await store.put({ ...e, state: "waiting", attempts: 0, nextAttemptAt: now(), lastError: null });
      });
      await refresh();
      schedule(0);
    },
    async discard(id) {
      await locked(async () => {
        const e = await store.get(id);
        if (!e || !isOwnedBy(e, owner)) return; // only the owner may throw a record away
        await deletePhotosOnlyOf(
          e,
          (await store.list()).filter((o) => o.id !== id),
        );
        await store.delete(id);
      });
      await refresh();
    },
    async pruneSynced(olderThan) {
      const pruned = await locked(async () => {
        let remaining = await store.list();
        let count = 0;
        for (const e of remaining.filter((x) => x.state === "synced" && (x.syncedAt ?? 0) < olderThan)) {
          remaining = remaining.filter((o) => o.id !== e.id);
          // Photos first: a crash in between leaves a synced entry without local photos (the server has
          // them), never photos nobody references.
          await deletePhotosOnlyOf(e, remaining);
          await store.delete(e.id);
          count++;
        }
        return count;
      });
      await refresh();
      return pruned;
    },
    noteServer(reachable) {
      if (reachable) {
        if (snapshot.server !== "reachable") publish({ server: "reachable" });
        return;
      }
      if (!isOnline()) return; // no network: the pill says 离线 anyway
      if (snapshot.server !== "unreachable") publish({ server: "unreachable" });
      if (started && snapshot.counts.pending > 0) probes.start();
    },
    setOwner(ownerId) {
      if (owner === ownerId) return;
      owner = ownerId;
      void refresh().catch(() => undefined);
      if (ownerId !== null) schedule(0); // their entries may have waited for this login
    },
    start(opts = {}) {
      if (started) return;
      const events = opts.events ?? (globalThis as unknown as StartOptions["events"]);
      const onOnline = () => void tick(true);
      started = { intervalMs: opts.intervalMs ?? 30_000, events, onOnline };
      if (typeof events?.addEventListener === "function") events.addEventListener("online", onOnline);
      schedule(0); // at start-up: resend whatever a previous run left waiting or sending
    },
    stop() {
      if (!started) return;
      if (typeof started.events?.removeEventListener === "function")
        started.events.removeEventListener("online", started.onOnline);
      started = null;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      probes.stop();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    counts: refresh,
  };

  async function deletePhotosOnlyOf(entry: OutboxEntry, others: readonly OutboxEntry[]): Promise<void> {
    const stillUsed = new Set(others.flatMap((o) => o.envelope.photos.map((p) => p.id)));
    for (const p of entry.envelope.photos) if (!stillUsed.has(p.id)) await store.deleteBlob(p.id);
  }

  return engine;
}
