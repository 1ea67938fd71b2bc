// One target on the campaign screen: its measure, light, state, team, unit, methods and due day. A supervisor of a
// campaign not cancelled may change its methods, team and own due day (target-edit.tsx) or remove it (after a
// confirm); records made for a removed target keep their content on the server. A row whose target a re-read no
// longer has (removed meanwhile) is shown only while its editor is open, which says so.
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
import { REMOVE_TARGET, type CampaignTargetRow } from "./campaign-documents.ts";
import { TargetEditor } from "./target-edit.tsx";

export function TargetRow({
  target,
  gone = false,
  campaign,
  editable,
  onEditing,
  onChanged,
}: {
  target: CampaignTargetRow;
  /** The campaign as re-read no longer has this target. */
  gone?: boolean;
  /** The campaign as read now: its teams (the editor offers a move when there are several) and its period. */
  campaign: { teams: readonly { id: string; name: string }[]; startsOn: string; endsOn: string };
  editable: boolean;
  /** The editor opened or closed (the screen keeps the row while it is open). */
  onEditing: (target: CampaignTargetRow, open: boolean) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  // Closing the editor hands the focus back to its button (keyboard users stay on this target).
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
        <TargetEditor
          target={target}
          teams={campaign.teams}
          period={campaign}
          gone={gone}
          label={label}
          onDone={(changed) => {
            setEditing(false);
            onEditing(target, false);
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
            onClick={() => {
              setEditing(true);
              onEditing(target, true);
            }}
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
