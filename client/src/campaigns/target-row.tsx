// One target on the campaign screen: its measure, light, state, team, unit, methods and due day. A supervisor of a
// campaign not cancelled may change its methods (走访 / 台账 / 问询, at least one) or remove it (after a confirm);
// records made for a removed target keep their content on the server.
import type { RecordKind } from "@rectify/server/sync";
import { useEffect, useRef, useState } from "react";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { href } from "../router.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { REMOVE_TARGET, UPDATE_TARGET, type CampaignTargetRow } from "./campaign-documents.ts";
import { MethodsField } from "./methods-field.tsx";

function MethodsEditor({
  target,
  label,
  onDone,
}: {
  target: CampaignTargetRow;
  label: string;
  onDone: (changed: boolean) => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [methods, setMethods] = useState<RecordKind[]>([...target.methods]);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (methods.length === 0) return setError(t("cp.plan.needMethod"));
    setError(null);
    setBusy(true);
    const r = await run(UPDATE_TARGET, { id: target.id, methods }, "updateCampaignTarget", ["CampaignTarget"]);
    setBusy(false);
    if (!r.ok)
      return setFailure({ ...r.failure, message: r.failure.kind === "ValidationError" ? "" : r.failure.message });
    announce(t("cp.target.saved", { label }));
    onDone(true);
  }

  return (
    <div className="target-options" aria-busy={busy}>
      <MethodsField legend={t("cp.plan.methodsOf", { label })} methods={methods} onChange={setMethods} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <FormAlert failure={failure} />
      <div className="card-actions">
        <button type="button" className="primary small" disabled={busy} onClick={() => void save()}>
          {t("cp.target.save")}
        </button>
        <button type="button" className="secondary small" onClick={() => onDone(false)}>
          {t("cp.edit.discard")}
        </button>
      </div>
    </div>
  );
}

export function TargetRow({
  target,
  editable,
  onChanged,
}: {
  target: CampaignTargetRow;
  editable: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  // Closing the methods editor hands the focus back to its button (keyboard users stay on this target).
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const m = target.measure;
  const p = target.problem;
  const label = `${problemLabel(p)}（${m.number}）`;

  async function remove() {
    if (!window.confirm(t("cp.target.confirmRemove", { label }))) return;
    const r = await run(REMOVE_TARGET, { id: target.id }, "removeCampaignTarget", ["Campaign"]);
    if (!r.ok) return setFailure(r.failure);
    announce(t("cp.target.removed", { label }));
    onChanged();
  }

  return (
    <li className="card">
      <a href={href({ name: "problem", id: p.id })}>
        <span className="item-number">{label}</span> {p.title}
      </a>
      <p className="item-meta">
        <LightBadge light={m.light} />
        <span className={`chip cover-${target.status}`}>{t(keyOf("cp.state", target.status))}</span>
        <span>{target.team.name}</span>
        {m.responsibleUnit ? <span>{m.responsibleUnit.name}</span> : null}
        <span>{target.methods.map((k) => t(keyOf("cp.method", k))).join("、")}</span>
        <span>{t("cp.my.due", { date: target.due.slice(0, 10) })}</span>
      </p>
      {editable && editing ? (
        <MethodsEditor
          target={target}
          label={label}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      ) : null}
      {editable && !editing ? (
        <div className="card-actions">
          <button
            ref={editButton}
            type="button"
            className="secondary small"
            aria-label={t("cp.target.editOf", { label })}
            onClick={() => setEditing(true)}
          >
            {t("cp.target.edit")}
          </button>
          <button
            type="button"
            className="danger small"
            aria-label={t("cp.target.removeOf", { label })}
            onClick={() => void remove()}
          >
            {t("cp.target.remove")}
          </button>
        </div>
      ) : null}
      <FormAlert failure={failure} />
    </li>
  );
}
