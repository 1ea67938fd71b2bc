// 我的专项督查任务 on the inspector's home: their campaign targets from the offline working set, work left first,
// each with the methods still to do (minus records waiting in the outbox) and a button per method that opens a
// field record preselected with the target's measure and method.
import { useMemo } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { shanghaiDay } from "../lib/shanghai.ts";
import { href } from "../router.ts";
import { sortTodos, targetTodo } from "./target-todo.ts";
import type { WsTarget } from "./targets.ts";
import { useLocalTargetKinds } from "./use-local-kinds.ts";

export function targetLabel(t: WsTarget): string {
  return `${problemLabel({ section: t.problemSection, number: t.problemNumber })}（${t.measureNumber}）`;
}

export function MyTargets() {
  const t = useT();
  const { workingSet } = useWorkingSet();
  const local = useLocalTargetKinds();
  const today = shanghaiDay(new Date());
  const items = useMemo(
    () =>
      sortTodos(
        (workingSet?.targets ?? []).map((target) => ({
          target,
          dueOn: target.dueOn,
          todo: targetTodo(target, local.get(target.rawId) ?? [], today),
        })),
      ),
    [workingSet, local, today],
  );
  if (items.length === 0) return null;
  const methods = (kinds: readonly string[]) => kinds.map((k) => t(keyOf("cp.method", k))).join("、");
  const left = items.filter((i) => !i.todo.done).length;
  return (
    <section aria-labelledby="my-targets-title" className="panel">
      <h2 id="my-targets-title">{t("cp.my.title")}</h2>
      <p className="muted small">{t("cp.my.count", { count: items.length, left })}</p>
      <ul className="card-list">
        {items.map(({ target, todo }) => {
          const label = targetLabel(target);
          return (
            <li key={target.id} className="card target-card">
              <p className="item-title">
                <span className="item-number">{label}</span> {target.problemTitle}
              </p>
              <p className="item-sub">{target.measureText.slice(0, 80)}</p>
              <p className="item-meta">
                <span>{target.campaignName}</span>
                {target.unitName ? <span>{target.unitName}</span> : null}
                <span>{t("cp.my.due", { date: target.dueOn })}</span>
                {todo.done ? <span className="chip status-COMPLETED">{t("cp.my.done")}</span> : null}
                {todo.overdue ? <span className="chip overdue">{t("cp.my.overdue")}</span> : null}
              </p>
              {todo.remaining.length ? <p>{t("cp.my.todo", { methods: methods(todo.remaining) })}</p> : null}
              {todo.pending.length ? (
                <p className="muted small">{t("cp.my.pending", { methods: methods(todo.pending) })}</p>
              ) : null}
              {todo.remaining.length ? (
                <div className="item-actions">
                  {todo.remaining.map((kind) => (
                    <a
                      key={kind}
                      className="button primary small"
                      aria-label={t("cp.my.startLabel", {
                        start: t("cp.my.start", { method: t(keyOf("cp.method", kind)) }),
                        label,
                      })}
                      href={href({
                        name: "capture",
                        recordId: null,
                        problemId: target.problemId,
                        measureId: target.measureId,
                        targetId: target.id,
                        kind,
                      })}
                    >
                      {t("cp.my.start", { method: t(keyOf("cp.method", kind)) })}
                    </a>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
