// What an inspector still has to do on a campaign target (pure): the methods expected (走访 / 台账 / 问询) minus
// those already recorded on the server and those saved on this phone but not yet synced. Targets with work left
// come first, then by due day. Invariant: a method counts as done once, whichever way it was recorded.
import type { RecordKind } from "@rectify/server/sync";

export interface TodoTarget {
  id: string;
  methods: RecordKind[];
  /** Kinds of the records the server counts towards the target. */
  recordedKinds: RecordKind[];
  /** "YYYY-MM-DD". */
  dueOn: string;
}

export interface TargetTodo {
  /** Methods still expected, in the order the plan lists them. */
  remaining: RecordKind[];
  /** Methods done only by records still waiting in the outbox. */
  pending: RecordKind[];
  done: boolean;
  overdue: boolean;
}

export function targetTodo(t: TodoTarget, localKinds: readonly RecordKind[], today: string): TargetTodo {
  const synced = new Set(t.recordedKinds);
  const local = new Set(localKinds);
  const remaining = t.methods.filter((m) => !synced.has(m) && !local.has(m));
  const pending = t.methods.filter((m) => !synced.has(m) && local.has(m));
  const done = remaining.length === 0;
  return { remaining, pending, done, overdue: !done && t.dueOn < today };
}

/** Work left first, then the earliest due day; ties keep the given order. */
export function sortTodos<T extends { todo: TargetTodo; dueOn: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        Number(a.item.todo.done) - Number(b.item.todo.done) || a.item.dueOn.localeCompare(b.item.dueOn) || a.i - b.i,
    )
    .map((x) => x.item);
}

/** Outbox records naming a target: target id → kinds recorded on this phone. */
export function localKindsByTarget(
  entries: readonly { targetId?: string | null; kind: RecordKind }[],
): Map<string, RecordKind[]> {
  const map = new Map<string, RecordKind[]>();
  for (const e of entries) {
    if (!e.targetId) continue;
    const kinds = map.get(e.targetId) ?? [];
    if (!kinds.includes(e.kind)) kinds.push(e.kind);
    map.set(e.targetId, kinds);
  }
  return map;
}
