// The sync engine against the in-memory server: order, photos, retries, rejections, conflicts, in-flight edits, crash recovery.
import { describe, expect, it } from "vitest";
import { setupEngine as setup } from "./engine-harness.ts";
import { content, T0, uuid } from "./test-support.ts";

describe("sync engine", () => {
  it("sends the queue in order, one at a time, and keeps synced entries", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(2), "second"));
    await engine.saveRecord(content(uuid(1), "first")); // queued later, so sent later
    const summary = await engine.runOnce();
    expect(summary).toMatchObject({ attempted: 2, synced: 2, stopped: null, counts: { synced: 2, pending: 0 } });
    expect(server.sent.map((s) => s.recordId)).toEqual([uuid(2), uuid(1)]);
    expect(await store.get(uuid(1))).toMatchObject({
      state: "synced",
      serverVersion: 1,
      syncedAt: T0,
      lastError: null,
    });
    expect(server.creates.get(uuid(1))).toBe(1);
  });

  it("uploads the photos the server lacks, then confirms the record", async () => {
    const { engine, server, store, addPhoto } = setup();
    await addPhoto(1);
    await addPhoto(2);
    await engine.saveRecord(content(uuid(1), "with photos", [1, 2]));
    const summary = await engine.runOnce();
    expect(summary).toMatchObject({ synced: 1, photosUploaded: 2 });
    expect(server.uploads).toEqual([uuid(1, "f0"), uuid(2, "f0")]);
    expect(server.sent.length).toBe(2); // send, upload, confirm
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", missingPhotos: [] });
  });

  it("on a network failure backs off, keeps the order, and syncNow ignores the backoff", async () => {
    const { engine, server, store, clock } = setup();
    await engine.saveRecord(content(uuid(1)));
    await engine.saveRecord(content(uuid(2)));
    server.faults.failBeforeSend = () => true;
    const first = await engine.runOnce();
    expect(first).toMatchObject({
      attempted: 1,
      stopped: "retryable-error",
      error: { code: "NETWORK" },
      counts: { waiting: 2 },
    });
    expect(await store.get(uuid(1))).toMatchObject({
      state: "waiting",
      attempts: 1,
      nextAttemptAt: T0 + 2_000,
      lastError: { code: "NETWORK" },
    });
    expect(engine.getSnapshot().nextAttemptAt).toBe(T0 + 2_000);

    server.faults.failBeforeSend = undefined;
    expect(await engine.runOnce()).toMatchObject({ attempted: 0, stopped: "backoff" }); // record 2 waits behind 1
    clock.now += 2_000;
    server.faults.failBeforeSend = () => true;
    await engine.runOnce();
    expect(await store.get(uuid(1))).toMatchObject({ attempts: 2, nextAttemptAt: clock.now + 4_000 });

    server.faults.failBeforeSend = undefined;
    expect(await engine.syncNow()).toMatchObject({ synced: 2, stopped: null });
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", attempts: 0, lastError: null });
  });

  it("on SYNC_BUSY waits at least the server's Retry-After, longer than its own backoff, then syncs", async () => {
    const { engine, server, store, clock } = setup();
    await engine.saveRecord(content(uuid(1)));
    server.faults.busyFor = () => 30_000;
    expect(await engine.runOnce()).toMatchObject({ stopped: "retryable-error", error: { code: "SYNC_BUSY" } });
    // Its own first backoff would be 2 s; the server asked for 30 s.
    expect(await store.get(uuid(1))).toMatchObject({ state: "waiting", attempts: 1, nextAttemptAt: T0 + 30_000 });
    server.faults.busyFor = undefined;
    clock.now += 29_000;
    expect(await engine.runOnce()).toMatchObject({ attempted: 0, stopped: "backoff" });
    clock.now += 1_000;
    expect(await engine.runOnce()).toMatchObject({ synced: 1, stopped: null });
    expect(server.creates.get(uuid(1))).toBe(1);
  });

  it("on a short Retry-After keeps its own growing backoff", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1)));
    server.faults.busyFor = () => 500;
    await engine.runOnce();
    expect(await store.get(uuid(1))).toMatchObject({ nextAttemptAt: T0 + 2_000 });
  });

  it("resends after a lost answer; the server answers ALREADY_APPLIED and creates once", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1)));
    server.faults.dropAnswer = () => true;
    await engine.runOnce();
    expect(server.records.has(uuid(1))).toBe(true);
    expect((await store.get(uuid(1)))!.state).toBe("waiting");
    server.faults.dropAnswer = undefined;
    await engine.syncNow();
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", serverVersion: 1 });
    expect(server.creates.get(uuid(1))).toBe(1);
  });

  it("an edit after a lost answer gets a new revision, so it is not mistaken for the applied one", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1), "v1"));
    server.faults.dropAnswer = () => true;
    await engine.runOnce();
    server.faults.dropAnswer = undefined;
    const edited = await engine.saveRecord(content(uuid(1), "v2"));
    expect(edited.envelope).toMatchObject({ revision: 2, baseVersion: 0 });
    await engine.syncNow();
    expect(server.records.get(uuid(1))!.content.findings).toBe("v2");
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", serverVersion: 2 });
  });

  it("a rejected record needs attention and does not block the records behind it", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1), "bad"));
    await engine.saveRecord(content(uuid(2), "good"));
    server.faults.reject = (env) => env.findings === "bad";
    expect(await engine.runOnce()).toMatchObject({ rejected: 1, synced: 1, stopped: null });
    expect(await store.get(uuid(1))).toMatchObject({
      state: "needs_attention",
      lastError: { code: "SYNC_UNKNOWN_REFERENCE" },
    });
    // The inspector fixes it: a new revision, queued again.
    await engine.saveRecord(content(uuid(1), "fixed"));
    await engine.runOnce();
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced" });
    expect(server.records.get(uuid(1))!.content.findings).toBe("fixed");
  });

  it("a conflict needs attention, survives resends, and clears once a supervisor keeps the device copy", async () => {
    const { engine, server, store, addPhoto } = setup();
    await engine.saveRecord(content(uuid(1), "mine"));
    await engine.runOnce();
    server.foreignEdit(uuid(1), "supervisor's");
    await addPhoto(5);
    await engine.saveRecord(content(uuid(1), "mine, edited", [5]));
    expect(await engine.runOnce()).toMatchObject({ conflicts: 1, photosUploaded: 1 });
    expect(await store.get(uuid(1))).toMatchObject({
      state: "needs_attention",
      lastError: { code: "SYNC_CONFLICT" },
      serverVersion: 1,
    });
    expect(server.records.get(uuid(1))!.content.findings).toBe("supervisor's");
    expect(server.photos.has(uuid(5, "f0"))).toBe(true); // the held copy is complete for the supervisor

    await engine.retry(uuid(1));
    expect(await engine.runOnce()).toMatchObject({ conflicts: 1 }); // a resend never reads as success
    server.resolve(uuid(1), "device");
    await engine.retry(uuid(1));
    expect(await engine.runOnce()).toMatchObject({ synced: 1 });
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", serverVersion: 3 });
    expect(server.records.get(uuid(1))!.content.findings).toBe("mine, edited");
  });

  it("keeps an edit made while its previous revision is in flight", async () => {
    const { engine, server, store } = setup();
    await engine.saveRecord(content(uuid(1), "v1"));
    let editing: Promise<unknown> = Promise.resolve();
    const send = server.transport.sendRecord;
    server.transport.sendRecord = async (env) => {
      if (env.revision === 1) editing = engine.saveRecord(content(uuid(1), "v2 typed during send"));
      await editing;
      return send(env);
    };
    const first = await engine.runOnce();
    // The same pass picks up the new revision after the first answer.
    expect(first).toMatchObject({ attempted: 2, synced: 1 });
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", envelope: { revision: 2, baseVersion: 0 } });
    expect(server.records.get(uuid(1))!.content.findings).toBe("v2 typed during send");
  });

  it.each(["hangBeforeSend", "hangAfterApply"] as const)(
    "re-sends an entry left 'sending' by a crash (%s)",
    async (fault) => {
      const { engine, server, make, store } = setup();
      await engine.saveRecord(content(uuid(1)));
      server.faults[fault] = () => true;
      void engine.runOnce(); // never settles: the app is killed here
      await new Promise((r) => setTimeout(r, 20));
      expect((await store.get(uuid(1)))!.state).toBe("sending");

      server.faults[fault] = undefined;
      const restarted = make();
      expect(await restarted.counts()).toMatchObject({ sending: 1, pending: 1 });
      expect(await restarted.runOnce()).toMatchObject({ synced: 1 });
      expect(server.creates.get(uuid(1))).toBe(1);
      // A later edit must not reuse revision 1, which may be on the server.
      expect((await restarted.saveRecord(content(uuid(1), "after crash"))).envelope.revision).toBe(2);
    },
  );
});
