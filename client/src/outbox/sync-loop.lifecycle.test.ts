// The sync engine's edges and lifecycle: photo and answer errors, single pass, offline, validation, storage failure, drafts, pruning, events, start/stop.
import { contentHash, type RecordContent } from "@rectify/server/sync";
import { describe, expect, it } from "vitest";
import { MemoryOutboxStore } from "./memory-store.ts";
import { createSyncEngine, OutboxValidationError } from "./sync-loop.ts";
import { eventually, manualTimers, setupEngine as setup } from "./engine-harness.ts";
import { content, OWNER_A, photoBytes, T0, uuid } from "./test-support.ts";

describe("sync engine lifecycle", () => {
  it("needs attention when a photo is no longer on the device, or the server refuses its bytes", async () => {
    const { engine, store, addPhoto } = setup();
    await engine.saveRecord(content(uuid(1), "photo gone", [1]));
    await addPhoto(2);
    await store.putBlob(uuid(2, "f0"), { bytes: photoBytes(99), mimeType: "image/jpeg", fileName: "x.jpg" });
    await engine.saveRecord(content(uuid(2), "photo corrupt", [2]));
    await engine.saveRecord(content(uuid(3), "fine"));
    expect(await engine.runOnce()).toMatchObject({ rejected: 2, synced: 1 });
    expect(await store.get(uuid(1))).toMatchObject({
      state: "needs_attention",
      lastError: { code: "SYNC_PHOTO_UNAVAILABLE" },
      serverVersion: 1,
    });
    expect(await store.get(uuid(2))).toMatchObject({
      state: "needs_attention",
      lastError: { code: "SYNC_PHOTO_MISMATCH" },
    });
  });

  it("retries later when an upload fails, uploading first on the next pass", async () => {
    const { engine, server, store, addPhoto } = setup();
    await addPhoto(1);
    await engine.saveRecord(content(uuid(1), "x", [1]));
    server.faults.failUpload = () => true;
    expect(await engine.runOnce()).toMatchObject({ stopped: "retryable-error" });
    expect(await store.get(uuid(1))).toMatchObject({
      state: "waiting",
      missingPhotos: [uuid(1, "f0")],
      serverVersion: 1,
    });
    server.faults.failUpload = undefined;
    expect(await engine.syncNow()).toMatchObject({ synced: 1, photosUploaded: 1 });
  });

  it("gives up for this pass when the server keeps losing photos", async () => {
    const { engine, server, addPhoto } = setup();
    await addPhoto(1);
    await engine.saveRecord(content(uuid(1), "x", [1]));
    server.faults.loseUpload = () => true;
    expect(await engine.runOnce()).toMatchObject({
      stopped: "retryable-error",
      error: { code: "SYNC_PHOTOS_INCOMPLETE" },
    });
  });

  it("treats an answer for another record as a retryable error", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1)));
    server.transport.sendRecord = async () => ({
      recordId: uuid(9),
      outcome: "CREATED",
      serverVersion: 1,
      missingPhotos: [],
      error: null,
    });
    expect(await engine.runOnce()).toMatchObject({ stopped: "retryable-error", error: { code: "SYNC_BAD_ANSWER" } });
    expect((await store.get(uuid(1)))!.state).toBe("waiting");
  });

  it("joins a running pass instead of starting a second one", async () => {
    const { engine, server } = setup();
    await engine.saveRecord(content(uuid(1)));
    const [a, b] = [engine.runOnce(), engine.runOnce()];
    expect(a).toBe(b);
    await a;
    expect(server.sent.length).toBe(1);
  });

  it("skips the pass when offline", async () => {
    const { make, server } = setup();
    const engine = make({ isOnline: () => false });
    await engine.saveRecord(content(uuid(1)));
    expect(await engine.runOnce()).toMatchObject({ stopped: "offline", attempted: 0 });
    expect(server.sent).toEqual([]);
  });

  it("validates before queueing", async () => {
    const { engine, store } = setup();
    const bad = { ...content(uuid(1)), details: { place: "", peopleMet: "", observations: "" } } as RecordContent;
    await expect(engine.saveRecord(bad)).rejects.toThrow(OutboxValidationError);
    await expect(engine.saveRecord(bad)).rejects.toThrow("details.place must not be empty");
    expect(await store.list()).toEqual([]);
  });

  it("surfaces a storage failure and recovers on the next pass", async () => {
    const { engine, store } = setup();
    await engine.saveRecord(content(uuid(1)));
    const failing = new MemoryOutboxStore(store.backing);
    const e2 = createSyncEngine({
      store: failing,
      transport: setup().server.transport,
      now: () => T0,
      ownerId: OWNER_A,
    });
    failing.failNext("put", new Error("QuotaExceededError"));
    await expect(e2.runOnce()).rejects.toThrow("QuotaExceededError");
    expect(e2.getSnapshot()).toMatchObject({ running: false, failure: new Error("QuotaExceededError") });
    expect(await e2.runOnce()).toMatchObject({ synced: 1 });
    expect(e2.getSnapshot().failure).toBeNull();
  });

  it("holds drafts back until saved without hold", async () => {
    const { engine, server } = setup();
    await engine.saveRecord(content(uuid(1)), { hold: true });
    expect(await engine.runOnce()).toMatchObject({ attempted: 0, counts: { draft: 1 } });
    await engine.saveRecord(content(uuid(1)));
    expect(await engine.runOnce()).toMatchObject({ synced: 1 });
    expect(server.sent).toEqual([{ recordId: uuid(1), revision: 1 }]);
  });

  it("prunes old synced entries and their photos only", async () => {
    const { engine, store, addPhoto, clock } = setup();
    await addPhoto(1);
    await addPhoto(2);
    await engine.saveRecord(content(uuid(1), "old", [1]));
    await engine.runOnce();
    clock.now += 60_000;
    await engine.saveRecord(content(uuid(2), "new", [2]));
    await engine.runOnce();
    await engine.saveRecord(content(uuid(3), "waiting"), { hold: true });
    expect(await engine.pruneSynced(T0 + 1)).toBe(1);
    expect((await store.list()).map((e) => e.id)).toEqual([uuid(2), uuid(3)]);
    expect(await store.listBlobIds()).toEqual([uuid(2, "f0")]);
  });

  it("discards an entry with its photos", async () => {
    const { engine, store, addPhoto } = setup();
    await addPhoto(1);
    await engine.saveRecord(content(uuid(1), "x", [1]));
    await engine.discard(uuid(1));
    expect(await store.list()).toEqual([]);
    expect(await store.listBlobIds()).toEqual([]);
  });

  it("publishes snapshots to subscribers", async () => {
    const { engine } = setup();
    const seen: string[] = [];
    const off = engine.subscribe((s) =>
      seen.push(`${s.running ? "run" : "idle"}:${s.counts.pending}/${s.counts.synced}`),
    );
    await engine.saveRecord(content(uuid(1)));
    await engine.runOnce();
    off();
    await engine.saveRecord(content(uuid(2)));
    expect(seen[0]).toBe("idle:1/0");
    expect(seen).toContain("run:1/0");
    expect(seen.at(-1)).toBe("idle:0/1");
    expect(engine.getSnapshot().counts.pending).toBe(1);
  });

  it("starts: syncs at once, on 'online', and by timer while work remains; stop ends it", async () => {
    const { make, server, clock } = setup();
    const manual = manualTimers(clock);
    const events = new EventTarget();
    const engine = make({ timers: manual.timers });
    await engine.saveRecord(content(uuid(1)));
    server.faults.failBeforeSend = () => true;
    engine.start({ intervalMs: 10_000, events });
    manual.fireNext(); // the start-up pass fails: wake again when the backoff (2 s) ends
    await eventually(() => expect(manual.delays()).toEqual([2_000]));
    server.faults.failBeforeSend = undefined;
    events.dispatchEvent(new Event("online")); // back online: at once, ignoring the backoff
    await eventually(() => expect(server.records.has(uuid(1))).toBe(true));
    await eventually(() => expect(manual.delays()).toEqual([10_000])); // idle: only the periodic check
    engine.stop();
    expect(manual.delays()).toEqual([]);
    events.dispatchEvent(new Event("online"));
    await engine.saveRecord(content(uuid(2)));
    await new Promise((r) => setTimeout(r, 30));
    expect(server.records.has(uuid(2))).toBe(false);
  });

  it("does not spin while offline: waits for the interval or an 'online' event", async () => {
    const { make, clock } = setup();
    const manual = manualTimers(clock);
    let online = false;
    const engine = make({ timers: manual.timers, isOnline: () => online });
    await engine.saveRecord(content(uuid(1)));
    engine.start({ intervalMs: 10_000, events: new EventTarget() });
    manual.fireNext();
    await eventually(() => expect(engine.getSnapshot().lastSummary?.stopped).toBe("offline"));
    await eventually(() => expect(manual.delays()).toEqual([10_000]));
    online = true;
    manual.fireNext();
    await eventually(() => expect(engine.getSnapshot().counts.synced).toBe(1));
    engine.stop();
  });

  it("hashes the same content the same on both sides", async () => {
    const { engine, server } = setup();
    const saved = await engine.saveRecord(content(uuid(1)));
    await engine.runOnce();
    expect(server.records.get(uuid(1))!.state.contentHash).toBe(contentHash(saved.envelope));
  });
});
