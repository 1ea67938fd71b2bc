// The outbox's "progress" entry kind: a unit's report is validated, queued (or kept as a draft), sent in queue order
// with records, its evidence files uploaded from the device's blob store, and stored once however often it is sent.
import { describe, expect, it } from "vitest";
import {
  sha256Hex,
  validateProgressEnvelope,
  type ProgressContent,
  type ProgressEnvelope,
  type ServerAnswer,
} from "@rectify/server/sync";
import { createFakeServer } from "./fake-server.ts";
import { createMemoryBacking, MemoryOutboxStore } from "./memory-store.ts";
import { createSyncEngine, OutboxValidationError } from "./sync-loop.ts";
import { content, OWNER_A, photoBytes, T0, uuid } from "./test-support.ts";
import { TransportError, type SyncTransport } from "./transport.ts";
import { isProgressEnvelope } from "@rectify/server/sync";

const MEASURES = [uuid(1, "aa"), uuid(2, "aa")];

function report(id: string, fileNs: number[] = [], text = "已印发制度并召开专题会议"): ProgressContent {
  return {
    entryKind: "progress",
    recordId: id,
    measureIds: MEASURES,
    text,
    percentComplete: 50,
    answersRequestId: null,
    deviceTime: new Date(T0 - 60_000).toISOString(),
    photos: fileNs.map((n) => ({
      id: uuid(n, "fe"),
      sha256: sha256Hex(photoBytes(n, 64)),
      size: 64,
      mimeType: "application/pdf" as const,
      fileName: `制度-${n}.pdf`,
    })),
  };
}

/** Records go to the protocol's fake server; progress reports to a small one here, idempotent by recordId. */
function setup() {
  const clock = { now: T0 };
  const backing = createMemoryBacking();
  const store = new MemoryOutboxStore(backing);
  const records = createFakeServer(() => clock.now);
  const reports = new Map<string, ProgressEnvelope>();
  const uploaded = new Map<string, Uint8Array>();
  const sent: string[] = [];
  const faults = { dropAnswerOnce: false, offline: false };
  const transport: SyncTransport = {
    async sendRecord(envelope) {
      if (faults.offline) throw new TransportError("SYNC_NETWORK", "offline", { retryable: true });
      sent.push(envelope.recordId);
      if (!isProgressEnvelope(envelope)) return records.transport.sendRecord(envelope);
      const checked = validateProgressEnvelope(structuredClone(envelope), new Date(clock.now));
      if (!checked.ok) throw new Error(checked.error.message);
      const created = !reports.has(envelope.recordId);
      if (created) reports.set(envelope.recordId, checked.value);
      const answer: ServerAnswer = {
        recordId: envelope.recordId,
        outcome: created ? "CREATED" : "ALREADY_APPLIED",
        serverVersion: 1,
        missingPhotos: envelope.photos.filter((f) => !uploaded.has(f.id)).map((f) => f.id),
        error: null,
      };
      if (faults.dropAnswerOnce) {
        faults.dropAnswerOnce = false;
        throw new TransportError("SYNC_NETWORK", "answer lost", { retryable: true });
      }
      return answer;
    },
    async uploadPhoto(meta, bytes) {
      if (sha256Hex(bytes) !== meta.sha256)
        throw new TransportError("SYNC_PHOTO_MISMATCH", "bad", { retryable: false });
      uploaded.set(meta.id, bytes);
    },
  };
  const engine = createSyncEngine({ store, transport, now: () => clock.now, random: () => 1, ownerId: OWNER_A });
  const addFile = (n: number) =>
    store.putBlob(uuid(n, "fe"), { bytes: photoBytes(n, 64), mimeType: "application/pdf", fileName: `制度-${n}.pdf` });
  return { clock, store, engine, reports, uploaded, sent, faults, addFile };
}

describe("outbox entry kind 'progress'", () => {
  it("validates before queueing: nothing invalid enters the outbox", async () => {
    const { engine, store } = setup();
    await expect(engine.saveProgress(report(uuid(1), [], "   "))).rejects.toBeInstanceOf(OutboxValidationError);
    await expect(engine.saveProgress({ ...report(uuid(1)), measureIds: [] })).rejects.toBeInstanceOf(
      OutboxValidationError,
    );
    expect(await store.list()).toEqual([]);
  });

  it("keeps a draft on the device until it is submitted, then queues it under the same id", async () => {
    const { engine, store, sent } = setup();
    const draft = await engine.saveProgress(report(uuid(1)), { hold: true });
    expect(draft.state).toBe("draft");
    await engine.runOnce();
    expect(sent).toEqual([]);
    const queued = await engine.saveProgress(report(uuid(1)));
    expect(queued).toMatchObject({ id: uuid(1), state: "waiting", envelope: { revision: 1, entryKind: "progress" } });
    expect((await store.list()).length).toBe(1);
  });

  it("sends the report, uploads its files from the device, confirms, and is synced", async () => {
    const { engine, store, reports, uploaded, sent, addFile } = setup();
    await addFile(1);
    await addFile(2);
    await engine.saveProgress(report(uuid(1), [1, 2]));
    const summary = await engine.runOnce();
    expect(summary).toMatchObject({ synced: 1, photosUploaded: 2, stopped: null });
    expect(sent).toEqual([uuid(1), uuid(1)]); // send, upload, confirm
    expect([...uploaded.keys()]).toEqual([uuid(1, "fe"), uuid(2, "fe")]);
    expect(reports.get(uuid(1))!.measureIds).toEqual(MEASURES);
    expect(await store.get(uuid(1))).toMatchObject({ state: "synced", missingPhotos: [] });
  });

  it("goes in queue order with field records, and waits offline without losing anything", async () => {
    const { engine, sent, faults, store } = setup();
    await engine.saveRecord(content(uuid(7)));
    await engine.saveProgress(report(uuid(1)));
    faults.offline = true;
    expect((await engine.runOnce()).stopped).toBe("retryable-error");
    expect((await store.list()).map((e) => e.state)).toEqual(["waiting", "waiting"]);
    faults.offline = false;
    await engine.syncNow();
    expect(sent).toEqual([uuid(7), uuid(1)]);
    expect((await store.list()).every((e) => e.state === "synced")).toBe(true);
  });

  it("is stored once when an answer is lost and the report is sent again", async () => {
    const { engine, reports, sent, faults, store } = setup();
    faults.dropAnswerOnce = true;
    await engine.saveProgress(report(uuid(1)));
    await engine.runOnce();
    expect((await store.get(uuid(1)))!.state).toBe("waiting");
    await engine.syncNow();
    expect(sent).toEqual([uuid(1), uuid(1)]);
    expect(reports.size).toBe(1);
    expect((await store.get(uuid(1)))!.state).toBe("synced");
  });

  it("needs attention when a file is no longer on the device, and keeps the rest of the queue moving", async () => {
    const { engine, store } = setup();
    await engine.saveProgress(report(uuid(1), [3]));
    await engine.saveProgress({ ...report(uuid(2)), text: "第二份" });
    await engine.runOnce();
    expect(await store.get(uuid(1))).toMatchObject({
      state: "needs_attention",
      lastError: { code: "SYNC_PHOTO_UNAVAILABLE" },
    });
    expect((await store.get(uuid(2)))!.state).toBe("synced");
  });
});
