// A measure's status history, oldest first: who moved it from what to what, why, with the close-out evidence,
// the verifying record and what a rejection or relapse undid.
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { when } from "../supervision/ui.tsx";
import type { StatusChange } from "./closeout-model.ts";

export function StatusHistory({ history, label }: { history: StatusChange[]; label: string }) {
  const t = useT();
  const status = (s: StatusChange["toStatus"] | null) => (s ? t(keyOf("status", s)) : t("closeout.fromNone"));
  return (
    <details className="history">
      <summary>
        {t("closeout.history", { count: history.length })}
        <span className="visually-hidden"> · {label}</span>
      </summary>
      <ol className="history-list">
        {history.map((c, i) => (
          <li key={`${c.at}-${i}`}>
            <p className="muted small">
              {when(c.at)}
              {c.actorName ? ` · ${c.actorName}` : ""}
            </p>
            <p>
              <strong>
                {status(c.fromStatus)} → {status(c.toStatus)}
              </strong>
            </p>
            <p>{t("closeout.reasonIs", { reason: c.reason })}</p>
            {c.evidence ? (
              <p className="evidence">
                {t("closeout.evidenceIs", { text: c.evidence.text, author: c.evidence.authorName })}
              </p>
            ) : null}
            {c.verifiedByRecord ? (
              <p className="muted small">
                {t("closeout.verifiedBy", {
                  kind: t(keyOf("kind", c.verifiedByRecord.kind)),
                  time: when(c.verifiedByRecord.deviceTime),
                })}
              </p>
            ) : null}
            {c.undoesAt ? <p className="muted small">{t("closeout.undoes", { time: when(c.undoesAt) })}</p> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
