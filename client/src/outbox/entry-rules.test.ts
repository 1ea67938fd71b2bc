// planSave: new record, in-place replacement of an unsent revision, new revision after anything was sent.
import { describe, expect, it } from "vitest";
import { countEntries, planSave } from "./entry-rules.ts";
import { content, entry, OWNER_A, T0, uuid } from "./test-support.ts";

const ctx = (hold = false) => ({ now: T0 + 1000, ownerId: OWNER_A, nextSeq: () => 42, hold });

describe("planSave", () => {
  it("queues a new record as revision 1 on base 0", () => {
    const e = planSave(null, content(uuid(1), "新"), ctx())!;
    expect(e).toMatchObject({
      id: uuid(1),
      state: "waiting",
      queuedAt: T0 + 1000,
      seq: 42,
      sentRevision: 0,
      serverVersion: null,
    });
    expect(e.envelope).toMatchObject({ revision: 1, baseVersion: 0, findings: "新" });
  });

  it("replaces a never-sent revision in place, keeping its queue position", () => {
    const e = planSave(entry(1), content(uuid(1), "改"), ctx())!;
    expect(e.envelope).toMatchObject({ revision: 1, baseVersion: 0, findings: "改" });
    expect(e).toMatchObject({ queuedAt: entry(1).queuedAt, seq: entry(1).seq, state: "waiting" });
  });

  it("bumps the revision when the current one was handed to the transport, even without an answer", () => {
    const e = planSave(entry(1, { state: "waiting", attempts: 3, sentRevision: 1 }), content(uuid(1), "改"), ctx())!;
    expect(e.envelope).toMatchObject({ revision: 2, baseVersion: 0 });
    expect(e).toMatchObject({ attempts: 0, seq: 42, queuedAt: T0 + 1000 });
  });

  it("re-queues a synced record as a new revision based on the confirmed server version", () => {
    const synced = entry(1, { state: "synced", sentRevision: 1, serverVersion: 4, syncedAt: T0 });
    const e = planSave(synced, content(uuid(1), "补充"), ctx())!;
    expect(e.envelope).toMatchObject({ revision: 2, baseVersion: 4 });
    expect(e).toMatchObject({ state: "waiting", syncedAt: null, serverVersion: 4 });
  });

  it("changes nothing when the content is the same and the record is already on its way or there", () => {
    const same = content(uuid(1), "record 1");
    expect(planSave(entry(1), same, ctx())).toBeNull();
    expect(planSave(entry(1, { state: "synced", sentRevision: 1 }), same, ctx())).toBeNull();
    // ...but re-saving a record that needs attention re-queues it.
    expect(planSave(entry(1, { state: "needs_attention", sentRevision: 1 }), same, ctx())?.envelope.revision).toBe(2);
  });

  it("holds a draft and queues it later without a new revision", () => {
    const held = planSave(null, content(uuid(1)), ctx(true))!;
    expect(held.state).toBe("draft");
    const queued = planSave(held, content(uuid(1)), ctx())!;
    expect(queued).toMatchObject({ state: "waiting" });
    expect(queued.envelope.revision).toBe(1);
  });

  it("counts entries per state", () => {
    const c = countEntries([entry(1), entry(2, { state: "sending" }), entry(3, { state: "synced" })]);
    expect(c).toEqual({ draft: 0, waiting: 1, sending: 1, synced: 1, needs_attention: 0, pending: 2 });
  });
});
