// Property: whatever the interleaving of edits, lost answers, failed uploads and crashes, the outbox converges: each record created once, holding its last edit and all its photos.
import { contentHash } from "@rectify/server/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFakeServer } from "./fake-server.ts";
import { createMemoryBacking, MemoryOutboxStore } from "./memory-store.ts";
import { createSyncEngine, type SyncEngine } from "./sync-loop.ts";
import { content, OWNER_A, photoBytes, T0, uuid } from "./test-support.ts";

type Op =
  | { t: "save"; rec: number; findings: string; photos: number[]; hold: boolean }
  | { t: "run" }
  | { t: "syncNow" }
  | { t: "advance"; ms: number }
  | { t: "crash"; after: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant("save" as const),
      rec: fc.nat(2),
      findings: fc.string({ maxLength: 8 }),
      photos: fc.subarray([0, 1, 2]),
      hold: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ t: "run" as const }) },
  { weight: 2, arbitrary: fc.constant({ t: "syncNow" as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 400_000 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("crash" as const), after: fc.boolean() }) },
);

const photoNo = (rec: number, k: number) => rec * 10 + k;

describe("sync engine properties", () => {
  it("converges: every record created once, with its last saved content and photos", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 18 }),
        fc.infiniteStream(fc.constantFrom("ok", "ok", "fail", "drop")),
        fc.infiniteStream(fc.constantFrom("ok", "ok", "fail", "lose")),
        async (ops, sendFaults, uploadFaults) => {
          const clock = { now: T0 };
          const backing = createMemoryBacking();
          const server = createFakeServer(() => clock.now);
          const make = () =>
            createSyncEngine({
              store: new MemoryOutboxStore(backing),
              transport: server.transport,
              now: () => clock.now,
              random: () => 0.5,
              ownerId: OWNER_A,
            });
          const sendIt = sendFaults[Symbol.iterator]();
          const uploadIt = uploadFaults[Symbol.iterator]();
          let sendFault = "ok";
          server.faults.failBeforeSend = () => (sendFault = sendIt.next().value!) === "fail";
          server.faults.dropAnswer = () => sendFault === "drop";
          let uploadFault = "ok";
          server.faults.failUpload = () => (uploadFault = uploadIt.next().value!) === "fail";
          server.faults.loseUpload = () => uploadFault === "lose";

          let engine: SyncEngine = make();
          const store = new MemoryOutboxStore(backing);
          const lastSaved = new Map<string, ReturnType<typeof content>>();
          for (let rec = 0; rec < 3; rec++) {
            for (let k = 0; k < 3; k++) {
              const n = photoNo(rec, k);
              await store.putBlob(uuid(n, "f0"), {
                bytes: photoBytes(n),
                mimeType: "image/jpeg",
                fileName: `photo-${n}.jpg`,
              });
            }
          }

          for (const op of ops) {
            if (op.t === "save") {
              const c = content(
                uuid(op.rec),
                op.findings,
                op.photos.map((k) => photoNo(op.rec, k)),
              );
              await engine.saveRecord(c, { hold: op.hold });
              lastSaved.set(c.recordId, c);
            } else if (op.t === "run") await engine.runOnce();
            else if (op.t === "syncNow") await engine.syncNow();
            else if (op.t === "advance") clock.now += op.ms;
            else {
              // The app dies while a send is in flight (before or after the server applied it) and restarts.
              let reached!: () => void;
              const atSend = new Promise<void>((r) => (reached = r));
              const hook = op.after ? "hangAfterApply" : "hangBeforeSend";
              let armed = true;
              server.faults[hook] = () => {
                if (!armed) return false;
                armed = false;
                reached();
                return true;
              };
              await Promise.race([atSend, engine.syncNow()]);
              server.faults[hook] = undefined;
              engine = make();
            }
          }

          // Network heals; drafts are submitted; keep syncing until nothing is pending.
          for (const f of ["failBeforeSend", "dropAnswer", "failUpload", "loseUpload"] as const)
            server.faults[f] = undefined;
          for (const c of lastSaved.values()) await engine.saveRecord(c);
          for (let i = 0; i < 5 && (await engine.counts()).pending > 0; i++) await engine.syncNow();

          const entries = await store.list();
          expect(entries.map((e) => e.state)).toEqual(entries.map(() => "synced"));
          expect(entries.length).toBe(lastSaved.size);
          for (const e of entries) {
            const s = server.records.get(e.id)!;
            expect(server.creates.get(e.id)).toBe(1);
            expect(contentHash(e.envelope)).toBe(contentHash(lastSaved.get(e.id)!));
            expect(s.state.contentHash).toBe(contentHash(e.envelope));
            expect(s.state.clientRevision).toBe(e.envelope.revision);
            expect(e.serverVersion).toBe(s.state.clientVersion);
            for (const p of e.envelope.photos) expect(server.photos.get(p.id)).toBe(p.sha256);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
