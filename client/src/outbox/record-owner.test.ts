// The owner rules and the legacy-owner migration: nothing dropped, nothing re-owned, ownerless kept when unknown.
import { describe, expect, it } from "vitest";
import { MemoryOutboxStore } from "./memory-store.ts";
import type { OutboxEntry } from "./outbox-store.ts";
import { isOwnedBy, migrateLegacyOwner, withLegacyOwner } from "./record-owner.ts";
import { entry, OWNER_A, OWNER_B, T0, uuid } from "./test-support.ts";

function legacy(n: number): OutboxEntry {
  const { ownerId: _omitted, ...rest } = entry(n);
  return rest as OutboxEntry;
}

describe("withLegacyOwner", () => {
  it("fills in the legacy owner only where none is set", () => {
    expect(withLegacyOwner(legacy(1), OWNER_A)).toEqual(entry(1, { ownerId: OWNER_A }));
    expect(withLegacyOwner(entry(1, { ownerId: OWNER_B }), OWNER_A)).toBeNull(); // never re-owned
    expect(withLegacyOwner(legacy(1), null)).toBeNull(); // unknown: left as is, not guessed
  });
  it("does not change its input", () => {
    const e = legacy(1);
    withLegacyOwner(e, OWNER_A);
    expect(e.ownerId).toBeUndefined();
  });
});

describe("isOwnedBy", () => {
  it("matches the owner only, and nobody when logged out", () => {
    expect(isOwnedBy(entry(1), OWNER_A)).toBe(true);
    expect(isOwnedBy(entry(1), OWNER_B)).toBe(false);
    expect(isOwnedBy(entry(1), null)).toBe(false);
    expect(isOwnedBy(legacy(1), OWNER_A)).toBe(false);
  });
});

describe("migrateLegacyOwner", () => {
  it("gives legacy entries and drafts to the old single owner, keeps the others, drops nothing", async () => {
    const store = new MemoryOutboxStore();
    await store.put(legacy(1));
    await store.put(entry(2, { ownerId: OWNER_B }));
    await store.putDraft({ id: uuid(9), updatedAt: T0, data: { x: 1 } } as never);
    expect(await migrateLegacyOwner(store, OWNER_A)).toEqual({ migrated: 2, ownerless: 0 });
    expect((await store.list()).map((e) => [e.id, e.ownerId])).toEqual([
      [uuid(1), OWNER_A],
      [uuid(2), OWNER_B],
    ]);
    expect(await store.getDraft(uuid(9))).toEqual({ id: uuid(9), ownerId: OWNER_A, updatedAt: T0, data: { x: 1 } });
    expect(await migrateLegacyOwner(store, OWNER_A)).toEqual({ migrated: 0, ownerless: 0 }); // idempotent
  });
  it("without a known legacy owner keeps ownerless items as they are", async () => {
    const store = new MemoryOutboxStore();
    await store.put(legacy(1));
    expect(await migrateLegacyOwner(store, null)).toEqual({ migrated: 0, ownerless: 1 });
    expect(await store.get(uuid(1))).toEqual(legacy(1));
  });
});
