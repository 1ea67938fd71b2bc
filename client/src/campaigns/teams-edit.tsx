// Correcting a campaign's teams (督查组) on its screen: the plan's team fields (rename, tick inspectors) prefilled
// with the teams as they are, saved as one updateCampaignTeam per changed team, in order; a refusal stops there
// and says which team and why (teams saved before it stay saved; the screen's live re-read shows them).
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { STAFF_QUERY, UPDATE_TEAM, type CampaignDetail } from "./campaign-documents.ts";
import { teamChanges, teamsOf } from "./edit-model.ts";
import { checkTeams, type PlanState } from "./plan-model.ts";
import { TeamFields } from "./team-fields.tsx";

const STAFF_ROLES = ["INSPECTOR", "SUPERVISOR"];

export function TeamsForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const staffQ = useOnlineQuery(STAFF_QUERY);
  const staff = (staffQ.data?.fieldStaff ?? []).filter((u) => STAFF_ROLES.includes(u.role));
  const [before] = useState(() => teamsOf(c.teams));
  // TeamFields edits a plan's teams; the rest of the plan is unused here.
  const [plan, setPlan] = useState<PlanState>(() => ({
    name: c.name,
    offices: "",
    startsOn: "",
    endsOn: "",
    dueDays: "",
    teams: before,
    targets: [],
  }));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>("input")?.focus(), []);

  async function save() {
    const own = checkTeams(plan.teams);
    setError(own ? t("cp.team.needTeam") : null);
    if (own) return setFailure({ kind: "ValidationError", message: "", fields: { teams: own } });
    const changes = teamChanges(before, plan.teams);
    if (changes.length === 0) {
      announce(t("cp.edit.nothing"));
      return onDone(false);
    }
    setBusy(true);
    for (const change of changes) {
      const r = await run(UPDATE_TEAM, change, "updateCampaignTeam", ["CampaignTeam"]);
      if (!r.ok) {
        setBusy(false);
        const team = plan.teams.find((x) => x.key === change.id)?.name ?? "";
        const typed = r.failure.kind === "ValidationError" || r.failure.kind === "NotFoundError";
        const why = r.failure.fields.name ? t("cp.team.duplicate") : typed ? "" : r.failure.message;
        setError(r.failure.fields.name ? t("cp.team.duplicate") : null);
        return setFailure({ ...r.failure, message: why ? `${team}：${why}` : team });
      }
    }
    setBusy(false);
    announce(
      t("cp.team.saved", { team: changes.map((x) => x.name ?? before.find((b) => b.key === x.id)?.name).join("、") }),
    );
    onDone(true);
  }

  return (
    <form
      ref={ref}
      className="panel"
      aria-labelledby="cpt-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="cpt-title">{t("cp.team.edit")}</h2>
      <TeamFields plan={plan} staff={staff} error={error} onChange={setPlan} fixed />
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy}>
        {t("cp.team.save")}
      </button>
      <button type="button" className="secondary block" onClick={() => onDone(false)}>
        {t("cp.edit.discard")}
      </button>
    </form>
  );
}
