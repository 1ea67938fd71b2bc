// Outbox listing: drafts beside entries, attention first, known error codes translated.
import { describe, expect, it } from "vitest";
import { emptyForm } from "../capture/form-model.ts";
import { entry, OWNER_A, uuid } from "../outbox/test-support.ts";
import type { WorkingSet, WsProblem } from "../cache/working-set.ts";
import { errorMessageKey, itemSubject, outboxItems } from "./outbox-model.ts";

describe("outboxItems", () => {
  it("lists attention first, then drafts, moving and synced records, newest first", () => {
    const entries = [
      entry(1, { state: "synced", syncedAt: 10 }),
      entry(2, { state: "waiting" }),
      entry(3, { state: "needs_attention", lastError: { code: "SYNC_CONFLICT", message: "x" } }),
    ];
    const draftForm = { ...emptyForm(uuid(9), null, "2024-03-15T10:00:00+08:00"), findings: "草稿" };
    const drafts = [
      { id: uuid(9), ownerId: OWNER_A, updatedAt: 5, data: draftForm },
      { id: uuid(2), ownerId: OWNER_A, updatedAt: 6, data: { ...draftForm, recordId: uuid(2) } },
      { id: uuid(8), ownerId: OWNER_A, updatedAt: 7, data: { not: "a form" } },
    ];
    const items = outboxItems(entries, drafts);
    expect(items.map((i) => [i.id, i.state])).toEqual([
      [uuid(3), "needs_attention"],
      [uuid(9), "draft"],
      [uuid(2), "waiting"],
      [uuid(1), "synced"],
    ]);
    expect(items.find((i) => i.id === uuid(2))!.hasDraft).toBe(true);
    expect(items.find((i) => i.id === uuid(9))!.draftOnly).toBe(true);
  });

  it("translates known error codes only", () => {
    expect(errorMessageKey({ code: "SYNC_CONFLICT", message: "" })).toBe("syncError.SYNC_CONFLICT");
    expect(errorMessageKey({ code: "SOMETHING_NEW", message: "" })).toBeNull();
  });

  it("names what an item is about: a record's problem, a progress report's measures, or nothing it does not hold", () => {
    const measure = (n: number, text: string) => ({
      id: `gm${n}`,
      rawId: uuid(n, "aa"),
      number: n,
      numbered: true,
      text,
      subPoints: [],
      status: "IN_PROGRESS" as const,
      deadline: null,
      overdue: false,
      responsibleUnit: null,
    });
    const problem: WsProblem = {
      id: "gp",
      rawId: uuid(7),
      section: "CONTINUING",
      number: 3,
      title: "制度执行不严",
      body: "",
      status: "IN_PROGRESS",
      deadline: null,
      overdue: false,
      responsibleUnit: null,
      leadLeader: null,
      participatingUnits: [],
      measures: [measure(1, "修订制度"), measure(2, "开展培训")],
    };
    const ws: WorkingSet = { userId: "u", fetchedAt: 0, problems: [problem] };
    expect(itemSubject(ws, { problemId: uuid(7), measureIds: [] })).toBe("二-3 制度执行不严");
    expect(itemSubject(ws, { problemId: null, measureIds: [uuid(2, "aa"), uuid(1, "aa")] })).toBe(
      "二-3(1) 修订制度；二-3(2) 开展培训",
    );
    expect(itemSubject(ws, { problemId: null, measureIds: [uuid(9, "aa")] })).toBeNull();
    expect(itemSubject(null, { problemId: uuid(7), measureIds: [] })).toBeNull();
  });
});
