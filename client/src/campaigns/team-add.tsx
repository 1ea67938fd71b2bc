// Adding a team (督查组) to a campaign that exists: the plan's team fields for one new team (named 第N督查组 by
// default, N after the campaign's teams and not a name it has), its inspectors ticked; saved by addCampaignTeam.
// The form's own check and the server's refusals (a duplicate name, the campaign cancelled meanwhile) show in Chinese.
// What is typed is read once from the campaign when the form opens: a live re-read underneath does not reset it.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { ADD_TEAM, type CampaignDetail } from "./campaign-documents.ts";
import { planOfTeams, refusalOf } from "./edit-model.ts";
import { FormButtons } from "./form-buttons.tsx";
import { freshTeamName } from "./grow-model.ts";
import { checkTeams, type PlanState } from "./plan-model.ts";
import { TeamFields, useStaff } from "./team-fields.tsx";
import { shown, useEditForm } from "./use-edit-form.ts";

export function AddTeamForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  const form = useEditForm({ onDone });
  const staff = useStaff();
  // The new team's number, as the campaign was when the form opened (not renumbered by a re-read).
  const [firstNumber] = useState(c.teams.length + 1);
  // TeamFields edits a plan's teams; here the plan holds the one new team (the rest is unused).
  const [plan, setPlan] = useState<PlanState>(() =>
    planOfTeams([
      {
        key: newUuid(),
        name: freshTeamName(
          c.teams.map((x) => x.name),
          (n) => t("cp.plan.defaultTeam", { n }),
        ),
        memberIds: [],
      },
    ]),
  );
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const team = plan.teams[0];
    const own = checkTeams(plan.teams) || !team ? { teams: "needTeam" } : null;
    setError(own ? t("cp.team.needTeam") : null);
    await form.save(own, async () => {
      const r = await form.run(
        ADD_TEAM,
        { campaignId: c.id, team: { name: team!.name.trim(), memberIds: team!.memberIds } },
        "addCampaignTeam",
        ["CampaignTeam"],
      );
      if (r.ok) return { saved: t("cp.team.added", { team: r.value.name }) };
      setError(r.failure.fields.name ? t("cp.team.duplicate") : null);
      return shown(r.failure, refusalOf(r.failure).cancelled ? t("cp.edit.cancelledMeanwhile") : "");
    });
  }

  return (
    <form {...form.formProps(save)} className="panel" aria-labelledby="cpa-title">
      <h2 id="cpa-title">{t("cp.team.add")}</h2>
      <TeamFields plan={plan} staff={staff} error={error} onChange={setPlan} fixed firstNumber={firstNumber} />
      <FormButtons
        failure={form.failure}
        save={t("cp.team.addSave")}
        busy={form.busy}
        onDiscard={() => onDone(false)}
      />
    </form>
  );
}
