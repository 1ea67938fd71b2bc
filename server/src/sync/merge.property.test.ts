// Property tests of the merge rule: any delivery order, duplicates and resends converge to the newest revision; foreign edits are never silently overwritten.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serverAnswerSchema } from "./answer.ts";
import { contentHash } from "./content-hash.ts";
import type { RecordContent, RecordEnvelope } from "./envelope.ts";
import {
  answerFor,
  applyDecision,
  applyForeignEdit,
  decide,
  resolveConflict,
  type ServerRecordState,
} from "./merge.ts";
import { contentArb } from "./test-fixtures.ts";

/** An in-memory server: the states plus how often each record was created. */
function simulate(deliveries: readonly RecordEnvelope[]) {
  const states = new Map<string, ServerRecordState>();
  const creates = new Map<string, number>();
  for (const env of deliveries) {
    const state = states.get(env.recordId) ?? null;
    const decision = decide(state, env);
    const next = applyDecision(state, env, decision);
    expect(serverAnswerSchema.safeParse(answerFor(env.recordId, decision, next, [])).success).toBe(true);
    if (decision.type === "CREATE") creates.set(env.recordId, (creates.get(env.recordId) ?? 0) + 1);
    states.set(env.recordId, next);
  }
  return { states, creates };
}

/** Everything but `version`/`clientVersion`, which count applied changes and so depend on the delivery order. */
function projection(states: Map<string, ServerRecordState>) {
  return [...states.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => ({
      id,
      clientRevision: s.clientRevision,
      lastForeignVersion: s.lastForeignVersion,
      contentHash: s.contentHash,
      conflict: s.conflict,
    }));
}

const recordArb = fc.uuid({ version: 4 }).chain((id) =>
  fc.array(contentArb(id), { minLength: 1, maxLength: 5 }).chain((contents) =>
    fc.tuple(
      fc.constant(contents),
      // baseVersion: whatever the device last saw; with no foreign edit it never matters.
      fc.array(fc.nat(6), { minLength: contents.length, maxLength: contents.length }),
      // Which intermediate revisions were ever sent (the others were replaced in place before sending).
      fc.array(fc.boolean(), { minLength: contents.length, maxLength: contents.length }),
    ),
  ),
);

function revisions([contents, bases]: [RecordContent[], number[], boolean[]]): RecordEnvelope[] {
  return contents.map((c, i) => ({ ...c, revision: i + 1, baseVersion: Math.min(bases[i]!, i) }) as RecordEnvelope);
}

/** Shuffles by sort keys, then re-inserts duplicates (dropped answers: the device sends again later). */
function disorder(list: RecordEnvelope[], keys: number[], dupes: [number, number][]): RecordEnvelope[] {
  const shuffled = list
    .map((e, i) => ({ e, k: keys[i % keys.length]! + i / 1000 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.e);
  for (const [from, to] of dupes) {
    if (shuffled.length === 0) break;
    const item = shuffled[from % shuffled.length]!;
    shuffled.splice(to % (shuffled.length + 1), 0, item);
  }
  return shuffled;
}

describe("merge properties", () => {
  it("converges to each record's newest revision, whatever the order, duplicates and resends; created once", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(recordArb, { minLength: 1, maxLength: 4, selector: ([c]) => c[0]!.recordId }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        (records, keysA, keysB, dupesA, dupesB) => {
          const all = records.flatMap((r) => {
            const revs = revisions(r);
            return revs.filter((_, i) => i === revs.length - 1 || r[2][i]);
          });
          const a = simulate(disorder(all, keysA, dupesA));
          const b = simulate(disorder(all, keysB, dupesB));
          const inOrder = simulate(all);
          expect(projection(a.states)).toEqual(projection(b.states));
          expect(projection(a.states)).toEqual(projection(inOrder.states));
          for (const r of records) {
            const revs = revisions(r);
            const newest = revs[revs.length - 1]!;
            for (const run of [a, b, inOrder]) {
              const s = run.states.get(newest.recordId)!;
              expect(run.creates.get(newest.recordId)).toBe(1);
              expect(s.clientRevision).toBe(newest.revision);
              expect(s.contentHash).toBe(contentHash(newest));
              expect(s.conflict).toBeNull();
              expect(s.clientVersion).toBe(s.version);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  type Step =
    | { t: "edit"; content: RecordContent; dropAnswer: boolean }
    | { t: "resend" }
    | { t: "foreign"; hash: string }
    | { t: "resolve"; keep: "device" | "server" | "merged"; hash: string };

  it("never silently overwrites a foreign edit; stale revisions conflict until a supervisor resolves", () => {
    const id = "0b7e7c2a-5d4e-4f3a-9c1b-2a3d4e5f6a7b";
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ t: fc.constant("edit" as const), content: contentArb(id), dropAnswer: fc.boolean() }),
      },
      { weight: 2, arbitrary: fc.constant({ t: "resend" as const }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant("foreign" as const), hash: hex }) },
      {
        weight: 1,
        arbitrary: fc.record({
          t: fc.constant("resolve" as const),
          keep: fc.constantFrom("device" as const, "server" as const, "merged" as const),
          hash: hex,
        }),
      },
    );
    fc.assert(
      fc.property(contentArb(id), fc.array(stepArb, { maxLength: 25 }), (first, steps) => {
        // The device: its newest revision and the base version it last learnt from an answer.
        let current: RecordEnvelope = { ...first, revision: 1, baseVersion: 0 } as RecordEnvelope;
        let known = 0;
        let state = applyDecision(null, current, decide(null, current));
        known = 1;
        // The model: whose content the server copy must hold.
        let foreignHash: string | null = null; // set while a foreign change is in force
        let sentSinceConflict: RecordEnvelope | null = null;

        const deliver = (env: RecordEnvelope, dropAnswer: boolean) => {
          const decision = decide(state, env);
          const next = applyDecision(state, env, decision);
          const answer = answerFor(env.recordId, decision, next, []);
          if (foreignHash !== null) {
            // The device never learns foreign content, so nothing it sends may replace it.
            expect(decision.type).not.toBe("UPDATE");
            expect(next.contentHash).toBe(foreignHash);
          }
          if (decision.type === "CONFLICT")
            sentSinceConflict = env.revision >= (sentSinceConflict?.revision ?? 0) ? env : sentSinceConflict;
          // The held copy is always the newest revision sent since the conflict opened.
          if (next.conflict) expect(next.conflict.contentHash).toBe(contentHash(sentSinceConflict!));
          state = next;
          if (!dropAnswer && answer.serverVersion !== null) known = answer.serverVersion;
          return decision;
        };

        for (const step of steps) {
          if (step.t === "edit") {
            current = { ...step.content, revision: current.revision + 1, baseVersion: known } as RecordEnvelope;
            const decision = deliver(current, step.dropAnswer);
            // A new revision built without the foreign change is a conflict, never "already applied".
            if (foreignHash !== null || state.conflict) expect(decision.type).toBe("CONFLICT");
          } else if (step.t === "resend") {
            deliver(current, false);
          } else if (step.t === "foreign") {
            state = applyForeignEdit(state, step.hash);
            foreignHash = step.hash;
          } else if (state.conflict) {
            const heldHash = state.conflict.contentHash;
            state =
              step.keep === "merged"
                ? resolveConflict(state, { keep: "merged", contentHash: step.hash })
                : resolveConflict(state, { keep: step.keep });
            foreignHash = step.keep === "device" ? null : step.keep === "merged" ? step.hash : state.contentHash;
            if (step.keep === "device") expect(state.contentHash).toBe(heldHash);
            sentSinceConflict = null;
          }
        }
        // Once nothing foreign is in force and no conflict is open, a resend of the newest revision wins.
        if (foreignHash === null && state.conflict === null) {
          deliver(current, false);
          expect(state.contentHash).toBe(contentHash(current));
        }
      }),
      { numRuns: 300 },
    );
  });
});
