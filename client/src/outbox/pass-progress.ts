// Progress of a sync pass for the screen: records finished / total, photo bytes the server holds / total, and the
// record being sent with its photos. Pure. Invariants: totals cover what is finished in this pass plus what still
// waits (so a record saved meanwhile raises the total instead of breaking it); counts never exceed their totals.
import type { OutboxEntry } from "./outbox-store.ts";

export interface RecordProgress {
  recordId: string;
  photosDone: number;
  photosTotal: number;
  bytesSent: number;
  bytesTotal: number;
}

export interface PassProgress {
  recordsDone: number;
  recordsTotal: number;
  bytesSent: number;
  bytesTotal: number;
  /** The record being sent now, if any. */
  current: RecordProgress | null;
  /** Records after the current one that wait for it (queue order). */
  waiting: number;
}

export interface PassState {
  done: number;
  doneBytes: number;
  /** recordId → photoId → bytes the server holds. */
  uploads: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const emptyPass: PassState = { done: 0, doneBytes: 0, uploads: {} };

function photoBytes(entry: OutboxEntry): number {
  return entry.envelope.photos.reduce((sum, p) => sum + p.size, 0);
}

/** A photo's upload advanced (the transport's onProgress). */
export function withPhotoProgress(s: PassState, recordId: string, photoId: string, sent: number): PassState {
  const record = s.uploads[recordId] ?? {};
  // Monotone: a re-read offset that is lower (a lost chunk) does not make the bar jump back.
  if ((record[photoId] ?? 0) >= sent) return s;
  return { ...s, uploads: { ...s.uploads, [recordId]: { ...record, [photoId]: sent } } };
}

/** A record left the queue in this pass (synced, or refused and set aside): all its photo bytes count as done. */
export function withRecordFinished(s: PassState, entry: OutboxEntry): PassState {
  const { [entry.id]: _finished, ...uploads } = s.uploads;
  return { done: s.done + 1, doneBytes: s.doneBytes + photoBytes(entry), uploads };
}

function recordProgress(s: PassState, entry: OutboxEntry): RecordProgress {
  const sent = s.uploads[entry.id] ?? {};
  let bytesSent = 0;
  let photosDone = 0;
  for (const p of entry.envelope.photos) {
    const n = Math.min(sent[p.id] ?? 0, p.size);
    bytesSent += n;
    if (sent[p.id] !== undefined && n >= p.size) photosDone++;
  }
  return {
    recordId: entry.id,
    photosDone,
    photosTotal: entry.envelope.photos.length,
    bytesSent,
    bytesTotal: photoBytes(entry),
  };
}

/** The progress to show, given the entries still to send (waiting or sending, queue order). */
export function passProgress(s: PassState, sendable: readonly OutboxEntry[]): PassProgress {
  const current = sendable.find((e) => e.state === "sending") ?? null;
  const perRecord = sendable.map((e) => recordProgress(s, e));
  return {
    recordsDone: s.done,
    recordsTotal: s.done + sendable.length,
    bytesSent: s.doneBytes + perRecord.reduce((sum, r) => sum + r.bytesSent, 0),
    bytesTotal: s.doneBytes + perRecord.reduce((sum, r) => sum + r.bytesTotal, 0),
    current: current ? recordProgress(s, current) : null,
    waiting: sendable.length - (current ? 1 : 0),
  };
}
