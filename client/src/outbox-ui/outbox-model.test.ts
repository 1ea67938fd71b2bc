// Outbox listing: drafts beside entries, attention first, known error codes translated.
import { describe, expect, it } from "vitest";
import { emptyForm } from "../capture/form-model.ts";
import { entry, uuid } from "../outbox/test-support.ts";
import { errorMessageKey, outboxItems } from "./outbox-model.ts";

describe("outboxItems", () => {
  it("lists attention first, then drafts, moving and synced records, newest first", () => {
    const entries = [
      entry(1, { state: "synced", syncedAt: 10 }),
      entry(2, { state: "waiting" }),
      entry(3, { state: "needs_attention", lastError: { code: "SYNC_CONFLICT", message: "x" } }),
    ];
    const draftForm = { ...emptyForm(uuid(9), null, "2024-03-15T10:00:00+08:00"), findings: "草稿" };
    const drafts = [
      { id: uuid(9), updatedAt: 5, data: draftForm },
      { id: uuid(2), updatedAt: 6, data: { ...draftForm, recordId: uuid(2) } },
      { id: uuid(8), updatedAt: 7, data: { not: "a form" } },
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
});
