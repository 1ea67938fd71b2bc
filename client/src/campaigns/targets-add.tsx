// Adding targets to a campaign that exists: the plan's target picker (units, lights, methods, team) over the
// campaign's inspection's problems on this device, less the measures it already targets; saved as one
// addCampaignTargets per team and methods, in order. A refusal stops there (batches saved before it stay saved);
// the count added and skipped (already targeted meanwhile) is announced. The picks and the teams offered are read
// once when the form opens: a live re-read underneath only narrows the measures offered.
import { useMemo, useState } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { ADD_TARGETS, type CampaignDetail } from "./campaign-documents.ts";
import { planOfTeams, refusalOf, teamsOf } from "./edit-model.ts";
import { FormButtons } from "./form-buttons.tsx";
import { checkPicked, targetCalls, untargeted } from "./grow-model.ts";
import type { PlanState } from "./plan-model.ts";
import { TargetPicker } from "./target-picker.tsx";
import { shown, useEditForm } from "./use-edit-form.ts";

export function AddTargetsForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  // Batches saved before a refusal: closing the form then still re-reads the campaign.
  const [savedSome, setSavedSome] = useState(false);
  const form = useEditForm({ onDone, focus: "input, button" });
  const { workingSet } = useWorkingSet();
  const problems = useMemo(
    () =>
      untargeted(
        workingSet?.problems ?? [],
        c.inspection.id,
        c.targets.map((x) => x.measure.id),
      ),
    [workingSet, c],
  );
  // The picker edits a plan's targets and reads its teams (the campaign's, keyed by their ids).
  const [plan, setPlan] = useState<PlanState>(() => planOfTeams(teamsOf(c.teams)));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const own = checkPicked(plan.targets);
    setError(own ? t(keyOf("cp.plan", own)) : null);
    await form.save(own ? { targets: own } : null, async () => {
      let added = 0;
      let skipped = 0;
      for (const input of targetCalls(plan)) {
        const r = await form.run(ADD_TARGETS, { campaignId: c.id, input }, "addCampaignTargets", [
          "AddCampaignTargetsPayload",
        ]);
        if (!r.ok) {
          setSavedSome(added > 0);
          const why = refusalOf(r.failure).cancelled ? t("cp.edit.cancelledMeanwhile") : "";
          const sofar = added ? t("cp.targets.sofar", { added }) : "";
          const typed = shown(r.failure, why);
          return { ...typed, message: [typed.message, sofar].filter(Boolean).join("；") };
        }
        added += r.value.added.length;
        skipped += r.value.skipped;
      }
      return { saved: t("cp.targets.added", { added, skipped }) };
    });
  }

  return (
    <form {...form.formProps(save)} className="panel" aria-labelledby="cpg-title">
      <h2 id="cpg-title">{t("cp.targets.add")}</h2>
      {plan.teams.length === 0 ? (
        <p className="notice">{t("cp.targets.noTeam")}</p>
      ) : problems.length === 0 && workingSet?.problems.length ? (
        <p className="notice">{t("cp.targets.allTargeted")}</p>
      ) : (
        <TargetPicker problems={problems} plan={plan} error={error} onChange={setPlan} />
      )}
      <FormButtons
        failure={form.failure}
        save={t("cp.targets.save")}
        busy={form.busy}
        disabled={plan.teams.length === 0}
        onDiscard={() => onDone(savedSome)}
      />
    </form>
  );
}
