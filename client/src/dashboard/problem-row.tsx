// One problem as the lists show it (the filtered problem list and the dashboard counts' list): label, title, light,
// status, overdue, deadline and responsible unit, linking to the problem. Pure rendering of ProblemListFields.
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { href } from "../router.ts";
import type { ProblemListNode } from "./problem-list-model.ts";

/** `deadline` is the list's own wording of the deadline (each list words it in its message file). */
export function ProblemRow({ p, deadline }: { p: ProblemListNode; deadline: string | null }) {
  const t = useT();
  return (
    <li>
      <a className="item-row" href={href({ name: "problem", id: p.id })}>
        <span className="item-number">{problemLabel(p)}</span>
        <span className="item-text">
          <span className="item-title">{p.title}</span>
          <span className="item-meta">
            <LightBadge light={p.light} />
            <span className={`chip status-${p.status}`}>{t(keyOf("status", p.status))}</span>
            {p.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
            {deadline ? <span>{deadline}</span> : null}
            {p.responsibleUnit ? <span>{p.responsibleUnit.name}</span> : null}
          </span>
        </span>
      </a>
    </li>
  );
}
