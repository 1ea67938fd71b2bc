// The cache database on fake-indexeddb: typed get/put/delete, atomic settings updates, data survives reopening.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { CacheDb } from "./cache-db.ts";

let n = 0;
const fresh = () => `rectify-cache-test-${++n}`;

describe("CacheDb", () => {
  it("stores, reads and deletes values by key, and keeps them across connections", async () => {
    const name = fresh();
    const db = await CacheDb.open({ name });
    expect(await db.get("session")).toBeUndefined();
    const user = { id: "VXNlcjox", username: "li", displayName: "李四", role: "INSPECTOR" as const, unitName: null };
    await db.put("session", user);
    await db.put("recent", ["a", "b"]);
    db.close();
    const again = await CacheDb.open({ name });
    expect(await again.get("session")).toEqual(user);
    expect(await again.get("recent")).toEqual(["a", "b"]);
    await again.delete("session");
    expect(await again.get("session")).toBeUndefined();
    again.close();
  });

  it("applies concurrent settings updates one after another", async () => {
    const db = await CacheDb.open({ name: fresh() });
    await Promise.all([
      db.updateSettings((s) => ({ ...s, locale: "en" })),
      db.updateSettings((s) => ({ ...s, persist: { state: "granted", at: 1 } })),
    ]);
    expect(await db.get("settings")).toEqual({ locale: "en", persist: { state: "granted", at: 1 } });
    db.close();
  });

  it("rejects values that cannot be cloned, without writing anything", async () => {
    const db = await CacheDb.open({ name: fresh() });
    await expect(db.put("recent", [() => 1] as unknown as string[])).rejects.toThrow();
    expect(await db.get("recent")).toBeUndefined();
    db.close();
  });
});
