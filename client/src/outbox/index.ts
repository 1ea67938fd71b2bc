// Public surface of the field outbox: storage (IndexedDB in the app, memory in tests), the sync engine and the transport contract.
export type {
  BlobData,
  Draft,
  EntryState,
  OutboxEntry,
  OutboxEnvelope,
  OutboxStore,
  StoredBlob,
} from "./outbox-store.ts";
export { ENTRY_STATES, compareQueueOrder } from "./outbox-store.ts";
export { IndexedDbOutboxStore, RECTIFY_DB_NAME, RECTIFY_DB_VERSION, deleteRectifyDatabase } from "./indexeddb-store.ts";
export { MemoryOutboxStore, createMemoryBacking, type MemoryBacking } from "./memory-store.ts";
export {
  TransportError,
  type PhotoUploadMeta,
  type SyncTransport,
  type UploadProgressCallback,
  type UploadResume,
} from "./transport.ts";
export { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from "./backoff.ts";
export { countEntries, planSave, type EntryContent, type OutboxCounts } from "./entry-rules.ts";
export { isOwnedBy, migrateLegacyOwner, withLegacyOwner } from "./record-owner.ts";
export { OUTBOX_ERROR_CODES, type PassTally } from "./sync-entry.ts";
export {
  createSyncEngine,
  OutboxValidationError,
  type StartOptions,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncSnapshot,
  type SyncSummary,
  type Timers,
} from "./sync-loop.ts";
