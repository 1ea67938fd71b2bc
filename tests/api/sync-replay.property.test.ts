// Property: an outbox replayed against the real server in any order, with duplicates and lost answers
// (resends), ends in the same server state every time: each record stored once, at its newest revision.
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash, type RecordEnvelope } from "@rectify/server/sync";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
let problemId: string;
let measureIds: string[];
beforeAll(async () => {
  app = await startTestApp();
  const p = await app.db.prisma.problem.findFirstOrThrow({
    where: { section: "CONTINUING", number: 5 },
    include: { measures: true },
  });
  problemId = p.id;
  measureIds = p.measures.map((m) => m.id);
});
afterAll(async () => app?.close());

/** One device's outbox: several records, each edited a few times (every edit a new revision). */
function outbox(shape: { revisions: number; measures: number }[]): RecordEnvelope[][] {
  return shape.map(({ revisions, measures }) => {
    const first = siteVisit(problemId, measureIds.slice(0, measures), { recordId: randomUUID() });
    return Array.from({ length: revisions }, (_, i) => ({
      ...first,
      revision: i + 1,
      // Lost answers mean the device may not know the version it built on: 0 is the worst case.
      baseVersion: 0,
      findings: `第${i + 1}次修改`,
      measureIds: measureIds.slice(0, Math.max(0, measures - i)),
    }));
  });
}

async function serverState(ids: string[]) {
  const rows = await app.db.prisma.inspectionRecord.findMany({
    where: { id: { in: ids } },
    include: { measures: { select: { measureId: true }, orderBy: { measureId: "asc" } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    hash: r.contentHash,
    clientRevision: r.clientRevision,
    findings: r.findings,
    measures: r.measures,
    conflict: r.conflict,
  }));
}

describe("replaying an outbox", () => {
  it("converges to the newest revision of each record, stored once, whatever the delivery order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ revisions: fc.integer({ min: 1, max: 3 }), measures: fc.integer({ min: 0, max: 2 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (shape, seeds, dupPicks) => {
          const records = outbox(shape);
          const all = records.flat();
          const finals: unknown[] = [];
          for (const seed of seeds) {
            // Fresh ids per schedule, same contents: each schedule starts from an empty server for these records.
            const rename = new Map(records.map((revs) => [revs[0]!.recordId, randomUUID()]));
            const schedule = fc.sample(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), {
              seed,
              numRuns: 1,
            })[0]!;
            const deliveries = [...schedule, ...dupPicks.map((i) => all[i % all.length]!)];
            for (const env of deliveries) {
              const answer = await send(app, "inspector", { ...env, recordId: rename.get(env.recordId)! });
              expect(["CREATED", "UPDATED", "ALREADY_APPLIED"]).toContain(answer.outcome);
            }
            const state = await serverState([...rename.values()]);
            expect(state).toHaveLength(records.length);
            const byOriginal = records.map((revs) => {
              const newest = revs.at(-1)!;
              const row = state.find((s) => s.id === rename.get(newest.recordId))!;
              expect(row.hash).toBe(contentHash({ ...newest, recordId: row.id }));
              expect(row.clientRevision).toBe(newest.revision);
              return {
                findings: row.findings,
                measures: row.measures.length,
                conflict: row.conflict,
                clientRevision: row.clientRevision,
              };
            });
            finals.push(byOriginal);
          }
          expect(finals[1]).toEqual(finals[0]);
        },
      ),
      { numRuns: 8 },
    );
  });
});
