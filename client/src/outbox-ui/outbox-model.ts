// What the outbox screen lists: saved records (outbox entries) and autosaved drafts that were never saved, newest
// first, with a readable reason for records that need attention. Pure.
import { isProgressEnvelope, type RecordKind, type SyncError } from "@rectify/server/sync";
import type { Draft, EntryState, OutboxEntry } from "../outbox/index.ts";
import { asFormState } from "../capture/form-model.ts";
import { findProblem, measureLabel, problemLabel, type WorkingSet } from "../cache/working-set.ts";
import { hasKey, type MessageKey } from "../i18n/i18n.ts";

export interface OutboxItem {
  id: string;
  /** "draft" covers both a held entry and an autosaved form never saved. */
  state: EntryState;
  /** true: only an autosaved draft exists (no entry yet). */
  draftOnly: boolean;
  /** A saved record with unsaved edits in a draft. */
  hasDraft: boolean;
  /** PROGRESS: a unit's progress report (整改进展), edited on the report screen. */
  kind: RecordKind | "PROGRESS";
  problemId: string | null;
  /** Raw ids of the measures a progress report is on (empty for records). */
  measureIds: string[];
  deviceTime: string;
  findings: string;
  photoCount: number;
  lastError: SyncError | null;
  nextAttemptAt: number | null;
  /** For ordering: when it was last touched. */
  sortAt: number;
}

export function outboxItems(entries: readonly OutboxEntry[], drafts: readonly Draft[]): OutboxItem[] {
  const draftIds = new Set(drafts.map((d) => d.id));
  const items: OutboxItem[] = entries.map((e) => ({
    id: e.id,
    state: e.state,
    draftOnly: false,
    hasDraft: draftIds.has(e.id),
    ...(isProgressEnvelope(e.envelope)
      ? { kind: "PROGRESS" as const, problemId: null, measureIds: e.envelope.measureIds, findings: e.envelope.text }
      : { kind: e.envelope.kind, problemId: e.envelope.problemId, measureIds: [], findings: e.envelope.findings }),
    deviceTime: e.envelope.deviceTime,
    photoCount: e.envelope.photos.length,
    lastError: e.lastError,
    nextAttemptAt: e.state === "waiting" && e.lastError ? e.nextAttemptAt : null,
    sortAt: Math.max(e.queuedAt, e.syncedAt ?? 0),
  }));
  const entryIds = new Set(entries.map((e) => e.id));
  for (const d of drafts) {
    const form = asFormState(d.data);
    if (!form || entryIds.has(d.id)) continue;
    items.push({
      id: d.id,
      state: "draft",
      draftOnly: true,
      hasDraft: true,
      kind: form.kind,
      problemId: form.problemId,
      measureIds: [],
      deviceTime: form.deviceTime,
      findings: form.findings,
      photoCount: form.photos.length * 2,
      lastError: null,
      nextAttemptAt: null,
      sortAt: d.updatedAt,
    });
  }
  // What needs the inspector first, then what is still moving, then the finished ones; newest first within.
  const rank: Record<EntryState, number> = { needs_attention: 0, draft: 1, sending: 2, waiting: 2, synced: 3 };
  return items.sort((a, b) => rank[a.state] - rank[b.state] || b.sortAt - a.sortAt);
}

/** The catalogue key for a sync error code, or null when only the server's own message can explain it. */
export function errorMessageKey(error: SyncError): MessageKey | null {
  const key = `syncError.${error.code}`;
  return hasKey(key) ? key : null;
}

/**
 * What an item is about, as the ledger numbers it: "二-3 title" for a record; for a progress report each of its
 * measures ("二-3(2) text"), joined. null when the working set holds none of it (then the screen says so).
 */
export function itemSubject(ws: WorkingSet | null, item: Pick<OutboxItem, "problemId" | "measureIds">): string | null {
  if (item.problemId) {
    const p = findProblem(ws, item.problemId);
    return p ? `${problemLabel(p)} ${p.title}` : null;
  }
  const wanted = new Set(item.measureIds);
  const found: string[] = [];
  for (const p of ws?.problems ?? []) {
    for (const m of p.measures) {
      if (wanted.has(m.rawId) || wanted.has(m.id)) found.push(`${problemLabel(p)}${measureLabel(m)} ${m.text}`);
    }
  }
  return found.length ? found.join("；") : null;
}
