// Target to-do lists: expected methods minus synced and local records; done targets sink to the bottom.
import { describe, expect, it } from "vitest";
import { localKindsByTarget, sortTodos, targetTodo, type TodoTarget } from "./target-todo.ts";

const target: TodoTarget = {
  id: "t1",
  methods: ["SITE_VISIT", "LEDGER_CHECK"],
  recordedKinds: [],
  dueOn: "2024-03-31",
};

describe("target to-do", () => {
  it("lists the methods not yet recorded, in plan order", () => {
    expect(targetTodo(target, [], "2024-03-01")).toEqual({
      remaining: ["SITE_VISIT", "LEDGER_CHECK"],
      pending: [],
      done: false,
      overdue: false,
    });
  });

  it("a record on the server or still in the outbox covers its method; all covered is done, never overdue", () => {
    const t = { ...target, recordedKinds: ["LEDGER_CHECK" as const] };
    expect(targetTodo(t, ["SITE_VISIT"], "2024-04-02")).toEqual({
      remaining: [],
      pending: ["SITE_VISIT"],
      done: true,
      overdue: false,
    });
    expect(targetTodo(t, [], "2024-04-02")).toMatchObject({ remaining: ["SITE_VISIT"], overdue: true });
  });

  it("a record of a kind not asked for does not count", () => {
    expect(targetTodo({ ...target, recordedKinds: ["ONSITE_QUESTIONING"] }, [], "2024-03-01").remaining).toHaveLength(
      2,
    );
  });

  it("sorts work left first, then by due day", () => {
    const mk = (id: string, done: boolean, dueOn: string) => ({
      id,
      dueOn,
      todo: { remaining: [], pending: [], done, overdue: false },
    });
    const sorted = sortTodos([mk("a", true, "2024-01-01"), mk("b", false, "2024-05-01"), mk("c", false, "2024-02-01")]);
    expect(sorted.map((x) => x.id)).toEqual(["c", "b", "a"]);
  });

  it("groups the outbox's kinds per target, each once", () => {
    const map = localKindsByTarget([
      { targetId: "t1", kind: "SITE_VISIT" },
      { targetId: "t1", kind: "SITE_VISIT" },
      { targetId: null, kind: "LEDGER_CHECK" },
      { targetId: "t2", kind: "LEDGER_CHECK" },
    ]);
    expect(Object.fromEntries(map)).toEqual({ t1: ["SITE_VISIT"], t2: ["LEDGER_CHECK"] });
  });
});
