// One team (督查组) in a campaign's facts: its name and inspectors; a supervisor of a campaign not cancelled may
// remove it after a confirm. The server refuses a team that still has targets (they go first: removed, or the
// campaign's other teams take them) and the campaign's last team (said here before asking it, when the campaign as
// read has one team); its refusal shows in Chinese, with the count, under the team.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { REMOVE_TEAM, type CampaignDetail } from "./campaign-documents.ts";
import { teamRefusalOf } from "./grow-model.ts";

type Team = CampaignDetail["teams"][number];

export function TeamItem({
  team,
  targets,
  last,
  editable,
  onChanged,
}: {
  team: Team;
  /** The campaign's only team (as read): it cannot be removed. */
  last: boolean;
  /** How many of the campaign's targets this team checks (as read; the server's count wins in a refusal). */
  targets: number;
  editable: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  // The server's typed refusal, said in Chinese (not 输入有误: nothing was typed wrong).
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (last) return setRefusal(t("cp.team.lastTeam", { team: team.name }));
    if (!window.confirm(t("cp.team.confirmRemove", { team: team.name }))) return;
    setBusy(true);
    setFailure(null);
    setRefusal(null);
    const r = await run(REMOVE_TEAM, { id: team.id }, "removeCampaignTeam", ["Campaign"]);
    setBusy(false);
    if (!r.ok) {
      const why = teamRefusalOf(r.failure);
      if (why.kind === "other") return setFailure(r.failure);
      setRefusal(
        why.kind === "hasTargets"
          ? t("cp.team.hasTargets", { team: team.name, count: why.count ?? targets })
          : why.kind === "lastTeam"
            ? t("cp.team.lastTeam", { team: team.name })
            : why.kind === "gone"
              ? t("cp.team.gone")
              : t("cp.edit.cancelledMeanwhile"),
      );
      // Gone meanwhile: the re-read drops it.
      if (why.kind === "gone") onChanged();
      return;
    }
    announce(t("cp.team.removed", { team: team.name }));
    onChanged();
  }

  return (
    <li>
      {team.name}：{team.members.map((m) => m.displayName).join("、")}
      {editable ? (
        <>
          {" "}
          <button
            type="button"
            className="danger small"
            disabled={busy}
            aria-label={t("cp.team.removeOf", { team: team.name })}
            onClick={() => void remove()}
          >
            {t("cp.team.remove")}
          </button>
        </>
      ) : null}
      {refusal ? (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <FormAlert failure={failure} />
    </li>
  );
}
