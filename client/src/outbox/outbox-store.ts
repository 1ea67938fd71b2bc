// The one storage interface of the field outbox: entries, photo bytes and drafts. Every promise settles only after the write is durable.
import type { ProgressEnvelope, RecordEnvelope, SyncError } from "@rectify/server/sync";

/**
 * draft: complete record the inspector keeps on the device for now (never sent while draft).
 * waiting: queued; due at `nextAttemptAt`. sending: handed to the transport (if found at start-up, the
 * app died mid-send: it is sent again, which the server's idempotency makes safe). synced: the server
 * confirmed this revision and holds every photo. needs_attention: rejected, in conflict, or a photo is
 * unavailable; `lastError` says why; it waits for the inspector (edit, retry or discard).
 */
export type EntryState = "draft" | "waiting" | "sending" | "synced" | "needs_attention";
export const ENTRY_STATES: readonly EntryState[] = ["draft", "waiting", "sending", "synced", "needs_attention"];

/** What an entry carries: a field record, or a unit's progress report (entryKind "progress", same send/upload rounds). */
export type OutboxEnvelope = RecordEnvelope | ProgressEnvelope;

export interface OutboxEntry {
  /** = envelope.recordId: one entry per record; an edit replaces the envelope, never adds an entry. */
  id: string;
  /** The user who captured it: only sent, shown and counted while that user is logged in on this device. */
  ownerId: string;
  envelope: OutboxEnvelope;
  state: EntryState;
  /** Send attempts since the last success or new revision; drives the backoff. */
  attempts: number;
  /** Epoch ms when a waiting entry is due. */
  nextAttemptAt: number;
  lastError: SyncError | null;
  /** serverVersion of the last answer: the base of the next revision. null until the server answered. */
  serverVersion: number | null;
  /** Photo ids the server said it lacks (uploaded before the next send). */
  missingPhotos: string[];
  /** Epoch ms; with `seq`, the queue order. */
  queuedAt: number;
  seq: number;
  /** Highest revision ever handed to the transport (0 = none): a revision at or below it may be on the server and must never be reused for other content. */
  sentRevision: number;
  /** Epoch ms of the server's confirmation; pruneSynced uses it. */
  syncedAt: number | null;
  /** tus upload URL per photo id, kept so an upload resumes (HEAD) after a reload instead of being created again. */
  uploadUrls?: Record<string, string>;
}

export interface BlobData {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}

export interface StoredBlob extends BlobData {
  photoId: string;
}

/** A partly filled form, autosaved while typing; its id becomes the recordId when submitted. */
export interface Draft {
  id: string;
  /** The user who typed it: only listed and reopened while that user is logged in. */
  ownerId: string;
  /** Epoch ms. */
  updatedAt: number;
  /** Free-form form state; it need not validate. */
  data: unknown;
}

/**
 * Values are stored as structured clones: what the caller keeps is never aliased with what is stored.
 * Rejections carry the underlying error (e.g. QuotaExceededError); nothing is swallowed.
 */
export interface OutboxStore {
  put(entry: OutboxEntry): Promise<void>;
  get(id: string): Promise<OutboxEntry | null>;
  /** Queue order: by queuedAt, then seq, then id. */
  list(): Promise<OutboxEntry[]>;
  delete(id: string): Promise<void>;

  putBlob(photoId: string, data: BlobData): Promise<void>;
  getBlob(photoId: string): Promise<StoredBlob | null>;
  deleteBlob(photoId: string): Promise<void>;
  listBlobIds(): Promise<string[]>;

  putDraft(draft: Draft): Promise<void>;
  getDraft(id: string): Promise<Draft | null>;
  /** Most recently updated first. */
  listDrafts(): Promise<Draft[]>;
  deleteDraft(id: string): Promise<void>;

  /** Releases the connection; later calls may reopen it. */
  close(): Promise<void>;
}

export function compareQueueOrder(a: OutboxEntry, b: OutboxEntry): number {
  return a.queuedAt - b.queuedAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
