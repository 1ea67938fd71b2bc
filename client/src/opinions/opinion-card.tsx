// One public opinion with its triage actions: 分办 (triage) at once; 答复 (answer, text required) and 不予采纳
// (dismiss, reason optional) through a small form. Errors show next to the actions.
import { useState, type FormEvent } from "react";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href } from "../router.ts";
import { FormAlert, when } from "../supervision/ui.tsx";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { TextField } from "../ui/field.tsx";
import {
  actionsForOpinion,
  ANSWER_OPINION,
  answerProblem,
  type Opinion,
  type OpinionAction,
} from "./opinions-model.ts";

export function OpinionCard({ o, onChanged }: { o: Opinion; onChanged: () => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [form, setForm] = useState<"ANSWERED" | "DISMISSED" | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const label = t("opinion.of", { date: when(o.createdAt) });

  async function act(action: OpinionAction, answer: string | null) {
    setBusy(true);
    const r = await run(ANSWER_OPINION, { id: o.id, status: action, answer }, "answerOpinion", ["Opinion"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    setForm(null);
    announce(t(keyOf("opinion.done", action)));
    onChanged();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const problem = answerProblem(form, text);
    setError(problem ? t("error.required") : null);
    setFailure(checkFailure(problem ? { answer: problem } : {}));
    if (!problem) void act(form, text.trim() || null);
  }

  return (
    <li className="card" aria-label={label}>
      <p className="item-meta">
        <span className={`chip opinion-${o.status}`}>{t(keyOf("opinion.status", o.status))}</span>
        <span>{when(o.createdAt)}</span>
        {o.name ? <span>{o.name}</span> : null}
        {o.contact ? <span>{o.contact}</span> : null}
      </p>
      {o.problem ? (
        <p>
          <a href={href({ name: "problem", id: o.problem.id })}>
            {t("opinion.about", { label: `${problemLabel(o.problem)} ${o.problem.title}` })}
          </a>
        </p>
      ) : null}
      {o.unit ? <p>{t("opinion.aboutUnit", { name: o.unit.name })}</p> : null}
      <p className="record-findings">{o.text}</p>
      {o.answer ? (
        <p className="evidence">
          {t("opinion.answerIs", { answer: o.answer, date: o.answeredAt ? when(o.answeredAt) : "" })}
        </p>
      ) : null}
      {actionsForOpinion(o.status).length > 0 && !form ? (
        <p className="item-actions">
          {actionsForOpinion(o.status).map((a) => (
            <button
              key={a}
              type="button"
              className={a === "ANSWERED" ? "primary" : "secondary"}
              disabled={busy}
              onClick={() => (a === "TRIAGED" ? void act(a, null) : (setForm(a), setText(""), setError(null)))}
            >
              {t(keyOf("opinion.action", a))}
              <span className="visually-hidden"> · {label}</span>
            </button>
          ))}
        </p>
      ) : null}
      {form ? (
        <form
          className="panel"
          onSubmit={submit}
          noValidate
          aria-label={`${t(keyOf("opinion.action", form))} · ${label}`}
        >
          <TextField
            name={`answer-${o.id}`}
            label={t(form === "ANSWERED" ? "opinion.answer" : "opinion.dismissReason")}
            value={text}
            onChange={setText}
            error={error}
            required={form === "ANSWERED"}
            multiline
            maxLength={5000}
          />
          <div className="item-actions">
            <button type="submit" className={form === "ANSWERED" ? "primary" : "danger"} disabled={busy}>
              {t(keyOf("opinion.submit", form))}
            </button>
            <button type="button" className="secondary" onClick={() => setForm(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      <FormAlert failure={failure} />
    </li>
  );
}
