// Who owns an outbox entry or draft (the user who captured it), and the migration of an earlier release's
// single-owner outbox. Invariants: an item is never dropped and never given a new owner once it has one; an
// item without an owner and no known legacy owner stays ownerless (nobody sends it) until someone decides.
import type { Draft, OutboxEntry, OutboxStore } from "./outbox-store.ts";

/** True when `item` belongs to `userId` (null: nobody is logged in, nothing belongs to them). */
export function isOwnedBy(item: { ownerId?: string }, userId: string | null): boolean {
  return userId !== null && item.ownerId === userId;
}

/**
 * The item with the legacy owner filled in, or null when there is nothing to change: it already has an owner
 * (never re-owned), or no legacy owner is known (left as is rather than guessed).
 */
export function withLegacyOwner<T extends { ownerId?: string }>(item: T, legacyOwnerId: string | null): T | null {
  if (typeof item.ownerId === "string" && item.ownerId !== "") return null;
  if (!legacyOwnerId) return null;
  return { ...item, ownerId: legacyOwnerId };
}

/**
 * Gives entries and drafts an earlier release wrote without `ownerId` to that release's single outbox owner
 * (settings.outboxOwner). Run once at start-up before the engine starts; idempotent. Each write is awaited.
 * Returns how many items were migrated and how many stay ownerless.
 */
export async function migrateLegacyOwner(
  store: OutboxStore,
  legacyOwnerId: string | null,
): Promise<{ migrated: number; ownerless: number }> {
  let migrated = 0;
  let ownerless = 0;
  for (const e of await store.list()) {
    const next = withLegacyOwner<OutboxEntry>(e, legacyOwnerId);
    if (next) {
      await store.put(next);
      migrated++;
    } else if (!e.ownerId) ownerless++;
  }
  for (const d of await store.listDrafts()) {
    const next = withLegacyOwner<Draft>(d, legacyOwnerId);
    if (next) {
      await store.putDraft(next);
      migrated++;
    } else if (!d.ownerId) ownerless++;
  }
  return { migrated, ownerless };
}
