// 计划专项督查: name, offices, period and the default due days of actions; teams of inspectors; targets picked
// from the ledger (the picked inspection's, from the device's copy). The form checks itself first and marks each
// field; the server's refusal shows in the alert. Created: opens the new campaign's coverage.
import { useMemo, useState } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { newUuid } from "../lib/ids.ts";
import { addDays, shanghaiDay } from "../lib/shanghai.ts";
import { navigate } from "../router.ts";
import { checkFailure, type FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { TextField } from "../ui/field.tsx";
import { ADD_TARGETS, CREATE_CAMPAIGN, STAFF_QUERY } from "./campaign-documents.ts";
import { checkPlan, targetBatches, toInput, type PlanField, type PlanState } from "./plan-model.ts";
import { TargetPicker } from "./target-picker.tsx";
import { TeamFields } from "./team-fields.tsx";

const STAFF_ROLES = ["INSPECTOR", "SUPERVISOR"];

export function CampaignPlanScreen() {
  const t = useT();
  const announce = useAnnounce();
  const run = useMutationRunner();
  const { workingSet } = useWorkingSet();
  const { current } = useInspectionPick();
  const staffQ = useOnlineQuery(STAFF_QUERY);
  const staff = (staffQ.data?.fieldStaff ?? []).filter((u) => STAFF_ROLES.includes(u.role));
  const today = shanghaiDay(new Date());
  const [plan, setPlan] = useState<PlanState>(() => ({
    name: "",
    offices: "",
    startsOn: today,
    endsOn: addDays(today, 30),
    dueDays: "10",
    teams: [{ key: newUuid(), name: t("cp.plan.defaultTeam", { n: 1 }), memberIds: [] }],
    targets: [],
  }));
  const [checks, setChecks] = useState<Partial<Record<PlanField, string>>>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(
    () => (workingSet?.problems ?? []).filter((p) => !current || !p.inspectionId || p.inspectionId === current),
    [workingSet, current],
  );
  const set = (patch: Partial<PlanState>) => setPlan((p) => ({ ...p, ...patch }));
  const err = (f: PlanField) => (checks[f] ? t(keyOf("cp.plan", checks[f])) : (failure?.fields[f] ?? null));

  async function submit() {
    const own = checkPlan(plan);
    setChecks(own);
    setFailure(checkFailure(own));
    if (Object.keys(own).length) return;
    const first = problems.find((p) => p.measures.some((m) => m.id === plan.targets[0]?.measureId));
    const inspectionId = current ?? first?.inspectionId ?? "";
    setBusy(true);
    const r = await run(CREATE_CAMPAIGN, { input: toInput(plan, inspectionId) }, "createCampaign", ["Campaign"]);
    if (!r.ok) {
      setBusy(false);
      return setFailure(r.failure);
    }
    // The campaign exists now: targets are added per team and methods. A refusal here leaves the campaign with
    // the targets added so far; it opens anyway (with the alert said aloud), where nothing is planned twice.
    const teamId = new Map(r.value.teams.map((team) => [team.name, team.id]));
    for (const batch of targetBatches(plan)) {
      const added = await run(
        ADD_TARGETS,
        {
          campaignId: r.value.id,
          // Every batch's team was just created under that name; "" (never expected) is refused by the server.
          input: { teamId: teamId.get(batch.teamName) ?? "", methods: batch.methods, measureIds: batch.measureIds },
        },
        "addCampaignTargets",
        ["AddCampaignTargetsPayload"],
      );
      if (!added.ok) {
        setBusy(false);
        announce(added.failure.message);
        return navigate({ name: "campaign", id: r.value.id });
      }
    }
    setBusy(false);
    announce(t("cp.plan.created", { name: r.value.name }));
    navigate({ name: "campaign", id: r.value.id });
  }

  return (
    <form
      className="screen"
      aria-labelledby="cpp-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="cpp-title">{t("cp.plan.title")}</h1>
      <TextField
        name="cp-name"
        label={t("cp.plan.name")}
        hint={t("cp.plan.nameHint")}
        value={plan.name}
        maxLength={200}
        error={err("name")}
        onChange={(name) => set({ name })}
      />
      <TextField
        name="cp-offices"
        label={t("cp.plan.offices")}
        hint={t("cp.plan.officesHint")}
        value={plan.offices}
        maxLength={500}
        onChange={(offices) => set({ offices })}
      />
      <div className="meta-grid">
        <TextField
          name="cp-starts"
          type="date"
          label={t("cp.plan.startsOn")}
          value={plan.startsOn}
          error={err("period")}
          onChange={(startsOn) => set({ startsOn })}
        />
        <TextField
          name="cp-ends"
          type="date"
          label={t("cp.plan.endsOn")}
          value={plan.endsOn}
          onChange={(endsOn) => set({ endsOn })}
        />
      </div>
      <TextField
        name="cp-due"
        inputMode="numeric"
        label={t("cp.plan.dueDays")}
        hint={t("cp.plan.dueDaysHint")}
        value={plan.dueDays}
        error={err("dueDays")}
        onChange={(dueDays) => set({ dueDays })}
      />
      <TeamFields plan={plan} staff={staff} error={err("teams")} onChange={setPlan} />
      <InspectionPicker />
      <TargetPicker problems={problems} plan={plan} error={err("targets")} onChange={setPlan} />
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy}>
        {t("cp.plan.submit")}
      </button>
    </form>
  );
}
