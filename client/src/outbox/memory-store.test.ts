// Runs the OutboxStore contract against the memory store, plus its failure injection.
import { describe, expect, it } from "vitest";
import { createMemoryBacking, MemoryOutboxStore } from "./memory-store.ts";
import { outboxStoreContract } from "./outbox-store.contract.ts";
import { entry, uuid } from "./test-support.ts";

outboxStoreContract("MemoryOutboxStore", async () => {
  const backing = createMemoryBacking();
  return { store: new MemoryOutboxStore(backing), reopen: async () => new MemoryOutboxStore(backing) };
});

describe("MemoryOutboxStore.failNext", () => {
  it("rejects the next call of that operation only, writing nothing", async () => {
    const store = new MemoryOutboxStore();
    store.failNext("put", new Error("QuotaExceededError"));
    await expect(store.put(entry(1))).rejects.toThrow("QuotaExceededError");
    expect(await store.get(uuid(1))).toBeNull();
    await store.put(entry(1));
    expect(await store.get(uuid(1))).toEqual(entry(1));
  });
});
