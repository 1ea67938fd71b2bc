// The merge rule case by case: create, duplicate, superseded, update, conflict (and its replay), resolution.
import { describe, expect, it } from "vitest";
import { serverAnswerSchema } from "./answer.ts";
import { contentHash } from "./content-hash.ts";
import type { RecordEnvelope } from "./envelope.ts";
import {
  answerFor,
  applyDecision,
  applyForeignEdit,
  decide,
  resolveConflict,
  type ServerRecordState,
} from "./merge.ts";
import { siteVisit } from "./test-fixtures.ts";

const rev = (revision: number, baseVersion: number, findings = `rev ${revision}`): RecordEnvelope =>
  siteVisit({ revision, baseVersion, findings });

function send(state: ServerRecordState | null, env: RecordEnvelope) {
  const decision = decide(state, env);
  const next = applyDecision(state, env, decision);
  const answer = answerFor(env.recordId, decision, next, []);
  expect(serverAnswerSchema.safeParse(answer).success).toBe(true);
  return { decision, next, answer };
}

describe("decide / applyDecision", () => {
  it("creates on first sight, even from a later revision", () => {
    const { decision, next, answer } = send(null, rev(3, 0));
    expect(decision).toEqual({ type: "CREATE" });
    expect(next).toEqual({
      version: 1,
      clientRevision: 3,
      clientVersion: 1,
      lastForeignVersion: 0,
      contentHash: contentHash(rev(3, 0)),
      clientRevisionHash: contentHash(rev(3, 0)),
      conflict: null,
    });
    expect(answer).toMatchObject({ outcome: "CREATED", serverVersion: 1, error: null });
    // The create arriving afterwards is stale.
    expect(send(next, rev(1, 0)).decision).toEqual({ type: "ALREADY_APPLIED", reason: "superseded" });
  });

  it("answers a duplicate ALREADY_APPLIED without changing anything", () => {
    const s1 = send(null, rev(1, 0)).next;
    const again = send(s1, rev(1, 0));
    expect(again.decision).toEqual({ type: "ALREADY_APPLIED", reason: "duplicate" });
    expect(again.next).toBe(s1);
    expect(again.answer).toMatchObject({ outcome: "ALREADY_APPLIED", serverVersion: 1 });
  });

  it("holds a resend of an applied revision with DIFFERENT content as a conflict, never a duplicate", () => {
    const s1 = send(null, rev(1, 0)).next;
    const changed = send(s1, rev(1, 0, "same revision, other content"));
    expect(changed.decision).toEqual({ type: "CONFLICT", reason: "revision-reused", replay: false });
    expect(changed.answer).toMatchObject({ outcome: "CONFLICT", serverVersion: 1, error: { code: "SYNC_CONFLICT" } });
    expect(changed.answer.error?.message).toMatch(/already received with different content/);
    // The server copy stays; the other content is held beside it for review.
    expect(changed.next).toMatchObject({ version: 1, contentHash: s1.contentHash, clientRevision: 1 });
    expect(changed.next.conflict).toEqual({
      clientRevision: 1,
      baseVersion: 0,
      contentHash: contentHash(rev(1, 0, "same revision, other content")),
    });
    // Its own resend is a replay; the first content sent again is another reuse, held in turn.
    expect(send(changed.next, rev(1, 0, "same revision, other content")).decision).toEqual({
      type: "CONFLICT",
      reason: "open-conflict",
      replay: true,
    });
    expect(send(changed.next, rev(1, 0)).decision).toEqual({
      type: "CONFLICT",
      reason: "revision-reused",
      replay: false,
    });
    // After a supervisor's edit the device's own revision hash is still what a resend is compared with.
    const edited = applyForeignEdit(s1, "f".repeat(64));
    expect(send(edited, rev(1, 0)).decision).toEqual({ type: "ALREADY_APPLIED", reason: "duplicate" });
    expect(send(edited, rev(1, 0, "x")).decision.type).toBe("CONFLICT");
    // A record stored before the revision hash was kept (null) answers a same-revision resend as before.
    expect(send({ ...s1, clientRevisionHash: null }, rev(1, 0, "x")).decision).toEqual({
      type: "ALREADY_APPLIED",
      reason: "duplicate",
    });
  });

  it("updates a newer revision and bumps the version", () => {
    const s1 = send(null, rev(1, 0)).next;
    const { decision, next, answer } = send(s1, rev(2, 1));
    expect(decision).toEqual({ type: "UPDATE" });
    expect(next).toMatchObject({
      version: 2,
      clientRevision: 2,
      clientVersion: 2,
      contentHash: contentHash(rev(2, 1)),
    });
    expect(answer).toMatchObject({ outcome: "UPDATED", serverVersion: 2 });
  });

  it("does not report a supervisor's version as the device's base", () => {
    const s1 = send(null, rev(1, 0)).next;
    const edited = applyForeignEdit(s1, "f".repeat(64));
    expect(send(edited, rev(1, 0)).answer).toMatchObject({ outcome: "ALREADY_APPLIED", serverVersion: 1 });
  });

  it("keeps the server copy and holds the device copy on a stale edit", () => {
    const s1 = send(null, rev(1, 0)).next;
    const edited = applyForeignEdit(s1, "f".repeat(64)); // supervisor: version 2
    const { decision, next, answer } = send(edited, rev(2, 1));
    expect(decision).toEqual({ type: "CONFLICT", reason: "foreign-edit", replay: false });
    expect(next).toEqual({
      ...edited,
      clientRevision: 2,
      clientRevisionHash: contentHash(rev(2, 1)),
      conflict: { clientRevision: 2, baseVersion: 1, contentHash: contentHash(rev(2, 1)) },
    });
    expect(answer).toMatchObject({ outcome: "CONFLICT", serverVersion: 1, error: { code: "SYNC_CONFLICT" } });

    // Resending the held revision repeats CONFLICT (never ALREADY_APPLIED, which would read as success).
    expect(send(next, rev(2, 1)).decision).toEqual({ type: "CONFLICT", reason: "open-conflict", replay: true });
    expect(send(next, rev(2, 1)).next).toBe(next);
    // An older one is simply superseded.
    expect(send(next, rev(1, 0)).decision.type).toBe("ALREADY_APPLIED");
    // A newer revision, even one claiming to have seen everything, waits for the supervisor.
    const later = send(next, rev(3, 2));
    expect(later.decision).toEqual({ type: "CONFLICT", reason: "open-conflict", replay: false });
    expect(later.next.contentHash).toBe("f".repeat(64));
    expect(later.next.conflict?.clientRevision).toBe(3);
  });

  it("updates when the device had seen the foreign edit", () => {
    const edited = applyForeignEdit(send(null, rev(1, 0)).next, "f".repeat(64));
    expect(send(edited, rev(2, 2)).decision).toEqual({ type: "UPDATE" });
  });

  it("does not conflict when only the answer carrying its own version was lost", () => {
    const s2 = send(send(null, rev(1, 0)).next, rev(2, 0)).next; // device never learnt version 1 or 2
    expect(send(s2, rev(3, 0)).decision).toEqual({ type: "UPDATE" });
  });

  it("resolves: keeping the device copy lets later edits update", () => {
    const held = send(applyForeignEdit(send(null, rev(1, 0)).next, "f".repeat(64)), rev(2, 1)).next;
    const resolved = resolveConflict(held, { keep: "device" });
    expect(resolved).toMatchObject({
      version: 3,
      clientVersion: 3,
      conflict: null,
      contentHash: contentHash(rev(2, 1)),
    });
    expect(send(resolved, rev(2, 1)).answer).toMatchObject({ outcome: "ALREADY_APPLIED", serverVersion: 3 });
    expect(send(resolved, rev(3, 1)).decision).toEqual({ type: "UPDATE" });
  });

  it("resolves: keeping the server copy or a merge makes the device's stale edits conflict again", () => {
    const held = send(applyForeignEdit(send(null, rev(1, 0)).next, "f".repeat(64)), rev(2, 1)).next;
    for (const resolved of [
      resolveConflict(held, { keep: "server" }),
      resolveConflict(held, { keep: "merged", contentHash: "e".repeat(64) }),
    ]) {
      expect(resolved.conflict).toBeNull();
      expect(resolved.lastForeignVersion).toBe(3);
      expect(send(resolved, rev(3, 1)).decision).toEqual({ type: "CONFLICT", reason: "foreign-edit", replay: false });
      expect(send(resolved, rev(3, 3)).decision).toEqual({ type: "UPDATE" });
    }
    expect(() => resolveConflict(resolveConflict(held, { keep: "server" }), { keep: "server" })).toThrow(
      /no open conflict/,
    );
  });

  it("refuses to apply a non-create decision without state", () => {
    expect(() => applyDecision(null, rev(1, 0), { type: "UPDATE" })).toThrow(/existing server state/);
  });
});
