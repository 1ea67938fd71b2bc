// Incremental working sets (issue 12): after a full download (workingSetProblems pages, as the PWA asks), a download
// with filter.changedSince = the ledgerClock read before it transfers only the problems changed since (their own
// fields, a measure, a kept rating) and the ids of problems deleted since; nothing else.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

/**
 * Changes made just now are inside the re-send margin (10 minutes) of any cursor: age them, as a ledger edited
 * yesterday would be, with the stamping triggers off for this one statement.
 */
async function ageLedger() {
  await app.db.prisma.$transaction([
    app.db.prisma.$executeRaw`SET LOCAL session_replication_role = replica`,
    app.db.prisma.$executeRaw`UPDATE "Problem" SET "changedAt" = "changedAt" - interval '1 day'`,
  ]);
}

const WORKING_SET = `query($after: String, $filter: LedgerFilter, $since: DateTime!) {
  ledgerClock
  removedProblems(since: $since)
  workingSetProblems(after: $after, filter: $filter) { problems hasNextPage endCursor }
}`;

async function download(since: string | null) {
  const insp = app.as("inspector");
  const nodes: any[] = [];
  let after: string | null = null;
  let clock = "";
  let removed: string[] = [];
  let bytes = 0;
  for (;;) {
    const filter = since ? { changedSince: since, includeArchived: true } : null;
    const r: any = await insp(WORKING_SET, { after, filter, since: since ?? new Date(0).toISOString() });
    expect(r.errors).toBeUndefined();
    bytes += JSON.stringify(r.data.workingSetProblems).length;
    if (!after) {
      clock = r.data.ledgerClock;
      removed = since ? r.data.removedProblems : [];
    }
    nodes.push(...r.data.workingSetProblems.problems);
    if (!r.data.workingSetProblems.hasNextPage) break;
    after = r.data.workingSetProblems.endCursor;
  }
  return { nodes, clock, removed, bytes };
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

describe("working set changes", () => {
  it("a second download after one change transfers only that change", async () => {
    await ageLedger();
    const first = await download(null);
    expect(first.nodes.length).toBeGreaterThan(30);
    // Nothing changed: nothing comes.
    const idle = await download(first.clock);
    expect(idle.nodes).toEqual([]);
    expect(idle.removed).toEqual([]);

    const target = first.nodes[5];
    const measure = target.measures.edges[0].node;
    await app.db.prisma.measure.update({ where: { id: rawId(measure.id) }, data: { text: "新的整改措施文字" } });
    const second = await download(idle.clock);
    expect(second.nodes.map((n) => n.id)).toEqual([target.id]);
    expect(second.nodes[0].measures.edges[0].node.text).toBe("新的整改措施文字");
    expect(second.bytes).toBeLessThan(first.bytes / 20);
  });

  it("a problem's own edit, archiving and deletion reach the next download", async () => {
    await ageLedger();
    const first = await download(null);
    const [edited, archived] = [first.nodes[1], first.nodes[2]];
    await app.db.prisma.problem.update({ where: { id: rawId(edited.id) }, data: { title: "改过的标题" } });
    await app.db.prisma.problem.update({ where: { id: rawId(archived.id) }, data: { archivedAt: new Date() } });
    const inspection = await app.db.prisma.inspection.findFirstOrThrow();
    const doomed = await app.db.prisma.problem.create({
      data: {
        inspectionId: inspection.id,
        section: "CONTINUING",
        number: 999,
        titleKey: `doomed-${randomUUID()}`,
        title: "将被删除的问题",
      },
    });
    await app.db.prisma.problem.delete({ where: { id: doomed.id } });
    const next = await download(first.clock);
    const ids = next.nodes.map((n) => n.id).sort();
    expect(ids).toEqual([edited.id, archived.id].sort());
    expect(next.nodes.find((n) => n.id === archived.id).archivedAt).not.toBeNull();
    expect(next.removed.map(rawId)).toEqual([doomed.id]);
  });
});
