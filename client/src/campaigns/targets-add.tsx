// Adding targets to a campaign that exists: the plan's target picker (units, lights, methods, team) over the
// campaign's inspection's problems on this device, less the measures it already targets; saved as one
// addCampaignTargets per team and methods, in order. A refusal stops there (batches saved before it stay saved);
// the count added and skipped (already targeted meanwhile) is announced.
import { useEffect, useMemo, useRef, useState } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { ADD_TARGETS, type CampaignDetail } from "./campaign-documents.ts";
import { refusalOf, teamsOf } from "./edit-model.ts";
import { checkPicked, targetCalls, untargeted } from "./grow-model.ts";
import type { PlanState } from "./plan-model.ts";
import { TargetPicker } from "./target-picker.tsx";

export function AddTargetsForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
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
  const [plan, setPlan] = useState<PlanState>(() => ({
    name: c.name,
    offices: "",
    startsOn: "",
    endsOn: "",
    dueDays: "",
    teams: teamsOf(c.teams),
    targets: [],
  }));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // Batches saved before a refusal: closing the form then still re-reads the campaign.
  const [savedSome, setSavedSome] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>("input, button")?.focus(), []);

  async function save() {
    const own = checkPicked(plan.targets);
    setError(own ? t(keyOf("cp.plan", own)) : null);
    if (own) return setFailure({ kind: "ValidationError", message: "", fields: { targets: own } });
    setBusy(true);
    let added = 0;
    let skipped = 0;
    for (const input of targetCalls(plan)) {
      const r = await run(ADD_TARGETS, { campaignId: c.id, input }, "addCampaignTargets", [
        "AddCampaignTargetsPayload",
      ]);
      if (!r.ok) {
        setBusy(false);
        setSavedSome(added > 0);
        const typed = r.failure.kind === "ValidationError" || r.failure.kind === "NotFoundError";
        const why = refusalOf(r.failure).cancelled ? t("cp.edit.cancelledMeanwhile") : typed ? "" : r.failure.message;
        const sofar = added ? t("cp.targets.sofar", { added }) : "";
        return setFailure({ ...r.failure, message: [why, sofar].filter(Boolean).join("；") });
      }
      added += r.value.added.length;
      skipped += r.value.skipped;
    }
    setBusy(false);
    announce(t("cp.targets.added", { added, skipped }));
    onDone(true);
  }

  return (
    <form
      ref={ref}
      className="panel"
      aria-labelledby="cpg-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="cpg-title">{t("cp.targets.add")}</h2>
      {plan.teams.length === 0 ? (
        <p className="notice">{t("cp.targets.noTeam")}</p>
      ) : problems.length === 0 && workingSet?.problems.length ? (
        <p className="notice">{t("cp.targets.allTargeted")}</p>
      ) : (
        <TargetPicker problems={problems} plan={plan} error={error} onChange={setPlan} />
      )}
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy || plan.teams.length === 0}>
        {t("cp.targets.save")}
      </button>
      <button type="button" className="secondary block" onClick={() => onDone(savedSome)}>
        {t("cp.edit.discard")}
      </button>
    </form>
  );
}
