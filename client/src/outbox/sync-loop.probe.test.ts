// The engine follows the server, not the retry timer: after the server stopped answering it probes (GET /healthz)
// and sends as soon as the probe answers, long before the record's own retry time; the snapshot says the server is
// unreachable meanwhile; photo uploads report per-record and overall progress through the transport's onProgress.
import { describe, expect, it } from "vitest";
import { TransportError } from "./transport.ts";
import { manualTimers, setupEngine } from "./engine-harness.ts";
import type { SyncSnapshot } from "./sync-loop.ts";
import { content, photoBytes, T0, uuid } from "./test-support.ts";

function serverDown() {
  return new TransportError("SYNC_UNREACHABLE", "Server unreachable: Failed to fetch", { retryable: true });
}

describe("probing the server while records wait", () => {
  it("sends as soon as the probe answers, not when the record's retry time comes", async () => {
    const h = setupEngine();
    const manual = manualTimers(h.clock);
    let up = false;
    const realSend = h.server.transport.sendRecord;
    h.server.transport.sendRecord = async (env) => {
      if (!up) throw serverDown();
      return realSend(env);
    };
    const probes: number[] = [];
    h.server.transport.probe = async () => {
      probes.push(h.clock.now);
      return up;
    };
    const engine = h.make({ timers: manual.timers });
    engine.start({ intervalMs: 30_000, events: new EventTarget() });
    await engine.saveRecord(content(uuid(1)));
    // A long outage: the inspector pressed 立即同步 a few times; the record's backoff grew to a minute.
    for (let i = 0; i < 6; i++) await engine.syncNow();
    const waiting = (await h.store.get(uuid(1)))!;
    expect(waiting).toMatchObject({ state: "waiting", lastError: { code: "SYNC_UNREACHABLE" } });
    expect(waiting.nextAttemptAt - h.clock.now).toBeGreaterThanOrEqual(60_000);
    expect(engine.getSnapshot()).toMatchObject({ server: "unreachable" });
    expect(engine.getSnapshot().probeAt).not.toBeNull();

    // The first probe misses; the server comes back; the next probe answers and the record goes at once.
    const firstProbe = engine.getSnapshot().probeAt!;
    while (probes.length === 0) manual.fireNext();
    await new Promise((r) => setTimeout(r, 10));
    expect(probes).toEqual([firstProbe]);
    up = true;
    while (probes.length === 1) manual.fireNext();
    for (let i = 0; i < 50 && (await h.store.get(uuid(1)))!.state !== "synced"; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await h.store.get(uuid(1)))!.state).toBe("synced");
    expect(h.clock.now).toBeLessThan(waiting.nextAttemptAt);
    expect(h.clock.now - T0).toBeLessThan(10_000); // probes at ~2 s and ~4 s after the failures
    expect(engine.getSnapshot()).toMatchObject({ server: "reachable", probeAt: null });
    engine.stop();
  });

  it("does not probe for a server that answered (an error, a busy server, an expired session)", async () => {
    const h = setupEngine();
    const manual = manualTimers(h.clock);
    h.server.transport.probe = async () => true;
    h.server.transport.sendRecord = async () => {
      throw new TransportError("SYNC_SERVER_ERROR", "syncRecord: HTTP 500", { retryable: true });
    };
    const engine = h.make({ timers: manual.timers });
    engine.start({ intervalMs: 30_000, events: new EventTarget() });
    await engine.saveRecord(content(uuid(1)));
    await engine.syncNow();
    expect(engine.getSnapshot()).toMatchObject({ server: "reachable", probeAt: null });
    engine.stop();
  });
});

describe("what other requests teach about the server", () => {
  it("shows a failed query as unreachable and starts probing when records wait; an answer shows reachable", async () => {
    const h = setupEngine();
    const manual = manualTimers(h.clock);
    h.server.transport.probe = async () => false;
    const engine = h.make({ timers: manual.timers });
    engine.noteServer(false);
    expect(engine.getSnapshot()).toMatchObject({ server: "unreachable", probeAt: null }); // nothing waits
    engine.start({ intervalMs: 30_000, events: new EventTarget() });
    h.server.faults.failBeforeSend = () => true;
    await engine.saveRecord(content(uuid(1)));
    await engine.runOnce();
    engine.noteServer(false);
    expect(engine.getSnapshot().probeAt).not.toBeNull();
    engine.noteServer(true);
    expect(engine.getSnapshot().server).toBe("reachable");
    engine.stop();
    expect(engine.getSnapshot().probeAt).toBeNull();
  });
});

describe("upload progress", () => {
  it("publishes records and photo bytes sent/total while a record's photos go up, and clears it after", async () => {
    const h = setupEngine();
    await h.addPhoto(1);
    await h.addPhoto(2);
    const realUpload = h.server.transport.uploadPhoto;
    h.server.transport.uploadPhoto = async (meta, bytes, onProgress) => {
      onProgress?.(Math.floor(meta.size / 2), meta.size);
      await new Promise((r) => setTimeout(r, 1));
      await realUpload(meta, bytes);
      onProgress?.(meta.size, meta.size);
    };
    let t = T0;
    const engine = h.make({ now: () => (t += 1_000) }); // each publish is far enough apart to be shown
    await engine.saveRecord(content(uuid(1), "with photos", [1, 2]));
    await engine.saveRecord(content(uuid(2), "second"));
    const seen: NonNullable<SyncSnapshot["progress"]>[] = [];
    engine.subscribe((s) => void (s.progress && seen.push(s.progress)));
    expect(await engine.syncNow()).toMatchObject({ synced: 2, photosUploaded: 2 });
    const size = photoBytes(1).length;
    expect(seen).toContainEqual({
      recordsDone: 0,
      recordsTotal: 2,
      bytesSent: size / 2,
      bytesTotal: 2 * size,
      current: { recordId: uuid(1), photosDone: 0, photosTotal: 2, bytesSent: size / 2, bytesTotal: 2 * size },
      waiting: 1,
    });
    expect(seen).toContainEqual(
      expect.objectContaining({ recordsDone: 1, recordsTotal: 2, bytesSent: 2 * size, bytesTotal: 2 * size }),
    );
    expect(engine.getSnapshot().progress).toBeNull();
  });
});
