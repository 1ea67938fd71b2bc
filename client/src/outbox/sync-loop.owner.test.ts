// Two users on one phone: the engine sends, counts and lets change only the logged-in user's entries; the
// other user's wait untouched (photos included) and go when their owner logs in again.
import { describe, expect, it } from "vitest";
import { setupEngine as setup } from "./engine-harness.ts";
import { content, OWNER_A, OWNER_B, uuid } from "./test-support.ts";

describe("sync engine with two owners", () => {
  it("user B's engine never sends A's entries; A's are sent once A is current again", async () => {
    const { engine, server, store, addPhoto } = setup();
    await addPhoto(1);
    await engine.saveRecord(content(uuid(1), "A's record", [1])); // A is current (harness default)
    await engine.saveRecord(content(uuid(2), "A's second"));
    engine.setOwner(OWNER_B);
    await engine.saveRecord(content(uuid(3), "B's record"));
    expect((await store.list()).map((e) => [e.id, e.ownerId])).toEqual([
      [uuid(1), OWNER_A],
      [uuid(2), OWNER_A],
      [uuid(3), OWNER_B],
    ]);

    const asB = await engine.syncNow();
    expect(asB).toMatchObject({ attempted: 1, synced: 1, counts: { synced: 1, pending: 0 } });
    expect(server.sent.map((s) => s.recordId)).toEqual([uuid(3)]);
    expect(server.uploads).toEqual([]); // A's photo stays on the device, unsent
    expect(engine.getSnapshot().othersUnsynced).toBe(2);
    expect((await store.get(uuid(1)))?.state).toBe("waiting");

    engine.setOwner(null); // logged out: nothing goes
    expect((await engine.syncNow()).attempted).toBe(0);
    expect(server.sent.map((s) => s.recordId)).toEqual([uuid(3)]);

    engine.setOwner(OWNER_A);
    const asA = await engine.syncNow();
    expect(asA).toMatchObject({ attempted: 2, synced: 2, photosUploaded: 1, counts: { synced: 2, pending: 0 } });
    expect(engine.getSnapshot().othersUnsynced).toBe(0);
    expect(server.creates.get(uuid(1))).toBe(1);
    expect(server.creates.get(uuid(2))).toBe(1);
    expect(server.uploads).toEqual([uuid(1, "f0")]);
  });

  it("another user cannot edit, retry or discard an entry that is not theirs; nobody logged in cannot save", async () => {
    const { engine, store } = setup();
    await engine.saveRecord(content(uuid(1), "A's"));
    engine.setOwner(OWNER_B);
    await expect(engine.saveRecord(content(uuid(1), "B overwrites"))).rejects.toThrow(/another user/);
    await engine.discard(uuid(1));
    expect((await store.get(uuid(1)))?.envelope).toMatchObject({ findings: "A's", revision: 1 });
    expect((await store.get(uuid(1)))?.ownerId).toBe(OWNER_A);
    engine.setOwner(null);
    await expect(engine.saveRecord(content(uuid(2)))).rejects.toThrow(/nobody is logged in/);
    expect(await store.get(uuid(2))).toBeNull();
  });

  it("an engine restarted as B leaves A's half-sent ('sending') entry alone", async () => {
    const { engine, make, server, store } = setup();
    await engine.saveRecord(content(uuid(1)));
    const e = (await store.get(uuid(1)))!;
    await store.put({ ...e, state: "sending", sentRevision: 1 });
    const asB = make({ ownerId: OWNER_B });
    expect((await asB.syncNow()).attempted).toBe(0);
    expect(server.sent).toEqual([]);
    const asA = make({ ownerId: OWNER_A });
    expect((await asA.syncNow()).synced).toBe(1);
    expect(server.creates.get(uuid(1))).toBe(1);
  });
});
