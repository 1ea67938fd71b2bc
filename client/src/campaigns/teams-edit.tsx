// Correcting a campaign's teams (督查组) on its screen: the plan's team fields (rename, tick inspectors) prefilled
// with the teams as they are, saved as one updateCampaignTeam per changed team, in order; a refusal stops there
// and says which team and why (teams saved before it stay saved; the screen's live re-read shows them). The fields
// are read once when the form opens: a live re-read underneath does not reset what is typed.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { UPDATE_TEAM, type CampaignDetail } from "./campaign-documents.ts";
import { planOfTeams, teamChanges, teamsOf } from "./edit-model.ts";
import { FormButtons } from "./form-buttons.tsx";
import { checkTeams, type PlanState } from "./plan-model.ts";
import { TeamFields, useStaff } from "./team-fields.tsx";
import { shown, useEditForm } from "./use-edit-form.ts";

export function TeamsForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  const form = useEditForm({ onDone });
  const staff = useStaff();
  const [before] = useState(() => teamsOf(c.teams));
  // TeamFields edits a plan's teams; the rest of the plan is unused here.
  const [plan, setPlan] = useState<PlanState>(() => planOfTeams(before));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const own = checkTeams(plan.teams);
    setError(own ? t("cp.team.needTeam") : null);
    await form.save(own ? { teams: own } : null, async () => {
      const changes = teamChanges(before, plan.teams);
      if (changes.length === 0) return "nothing";
      for (const change of changes) {
        const r = await form.run(UPDATE_TEAM, change, "updateCampaignTeam", ["CampaignTeam"]);
        if (!r.ok) {
          const team = plan.teams.find((x) => x.key === change.id)?.name ?? "";
          const typed = shown(r.failure, r.failure.fields.name ? t("cp.team.duplicate") : "");
          setError(r.failure.fields.name ? t("cp.team.duplicate") : null);
          return { ...typed, message: typed.message ? `${team}：${typed.message}` : team };
        }
      }
      const names = changes.map((x) => x.name ?? before.find((b) => b.key === x.id)?.name);
      return { saved: t("cp.team.saved", { team: names.join("、") }) };
    });
  }

  return (
    <form {...form.formProps(save)} className="panel" aria-labelledby="cpt-title">
      <h2 id="cpt-title">{t("cp.team.edit")}</h2>
      <TeamFields plan={plan} staff={staff} error={error} onChange={setPlan} fixed />
      <FormButtons failure={form.failure} save={t("cp.team.save")} busy={form.busy} onDiscard={() => onDone(false)} />
    </form>
  );
}
