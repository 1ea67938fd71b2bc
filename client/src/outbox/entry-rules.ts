// Pure rules for outbox entries: how a local save turns into a revision, and the per-state counts the UI shows.
import { contentHash, type ProgressContent, type RecordContent } from "@rectify/server/sync";
import { ENTRY_STATES, type EntryState, type OutboxEntry, type OutboxEnvelope } from "./outbox-store.ts";

/** What a save carries: a record's content or a progress report's (both without revision and baseVersion). */
export type EntryContent = RecordContent | ProgressContent;

export type OutboxCounts = Record<EntryState, number> & {
  /** waiting + sending: what still has to reach the server. */
  pending: number;
};

export function countEntries(entries: readonly OutboxEntry[]): OutboxCounts {
  const counts = Object.fromEntries(ENTRY_STATES.map((s) => [s, 0])) as OutboxCounts;
  for (const e of entries) counts[e.state]++;
  counts.pending = counts.waiting + counts.sending;
  return counts;
}

/** waiting or sending (found "sending" at the start of a pass: the app stopped mid-send). */
export function isSendable(entry: OutboxEntry): boolean {
  return entry.state === "waiting" || entry.state === "sending";
}

export interface SaveContext {
  now: number;
  /** Who saves: a new entry belongs to them (an existing one keeps its owner). */
  ownerId: string;
  /** Called only when the entry takes a new place at the back of the queue. */
  nextSeq: () => number;
  /** Keep it on the device as a draft instead of queueing it. */
  hold: boolean;
}

/**
 * The entry after a local save, or `null` when nothing changes (same content, already queued or synced).
 *
 * - New record: revision 1, baseVersion 0, at the back of the queue.
 * - The current revision was never handed to the transport (revision > sentRevision): replace the
 *   envelope in place, same revision, same queue position. Only then is reusing the revision safe.
 * - Otherwise (sent, maybe applied even if no answer came back; synced; rejected; in conflict):
 *   revision + 1, and the entry moves to the back of the queue.
 * In all cases baseVersion = the last serverVersion the server answered (0 if none).
 */
export function planSave(existing: OutboxEntry | null, content: EntryContent, ctx: SaveContext): OutboxEntry | null {
  const state: EntryState = ctx.hold ? "draft" : "waiting";
  if (!existing) {
    return {
      id: content.recordId,
      ownerId: ctx.ownerId,
      envelope: { ...content, revision: 1, baseVersion: 0 } as OutboxEnvelope,
      state,
      attempts: 0,
      nextAttemptAt: ctx.now,
      lastError: null,
      serverVersion: null,
      missingPhotos: [],
      queuedAt: ctx.now,
      seq: ctx.nextSeq(),
      sentRevision: 0,
      syncedAt: null,
    };
  }
  const unchanged = contentHash(existing.envelope) === contentHash(content);
  const alreadyThere = ctx.hold
    ? existing.state === "draft"
    : existing.state !== "draft" && existing.state !== "needs_attention";
  if (unchanged && alreadyThere) return null;

  const inPlace = existing.envelope.revision > existing.sentRevision;
  const revision = inPlace ? existing.envelope.revision : existing.envelope.revision + 1;
  return {
    ...existing,
    envelope: { ...content, revision, baseVersion: existing.serverVersion ?? 0 } as OutboxEnvelope,
    state,
    attempts: 0,
    nextAttemptAt: ctx.now,
    lastError: null,
    syncedAt: null,
    queuedAt: inPlace ? existing.queuedAt : ctx.now,
    seq: inPlace ? existing.seq : ctx.nextSeq(),
  };
}
