// Adding a team (督查组) to a campaign that exists: the plan's team fields for one new team (named 第N督查组 by
// default, N after the campaign's teams and not a name it has), its inspectors ticked; saved by addCampaignTeam.
// The form's own check and the server's refusals (a duplicate name, the campaign cancelled meanwhile) show in Chinese.
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import type { FormFailure } from "../supervision/typed-result.ts";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { ADD_TEAM, STAFF_QUERY, type CampaignDetail } from "./campaign-documents.ts";
import { refusalOf } from "./edit-model.ts";
import { freshTeamName } from "./grow-model.ts";
import { checkTeams, type PlanState } from "./plan-model.ts";
import { TeamFields } from "./team-fields.tsx";

const STAFF_ROLES = ["INSPECTOR", "SUPERVISOR"];

export function AddTeamForm({ c, onDone }: { c: CampaignDetail; onDone: (changed: boolean) => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const staffQ = useOnlineQuery(STAFF_QUERY);
  const staff = (staffQ.data?.fieldStaff ?? []).filter((u) => STAFF_ROLES.includes(u.role));
  // TeamFields edits a plan's teams; here the plan holds the one new team (the rest is unused).
  const [plan, setPlan] = useState<PlanState>(() => ({
    name: c.name,
    offices: "",
    startsOn: "",
    endsOn: "",
    dueDays: "",
    teams: [
      {
        key: newUuid(),
        name: freshTeamName(
          c.teams.map((x) => x.name),
          (n) => t("cp.plan.defaultTeam", { n }),
        ),
        memberIds: [],
      },
    ],
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
    const team = plan.teams[0];
    if (own || !team) return setFailure({ kind: "ValidationError", message: "", fields: { teams: "needTeam" } });
    setBusy(true);
    const r = await run(
      ADD_TEAM,
      { campaignId: c.id, team: { name: team.name.trim(), memberIds: team.memberIds } },
      "addCampaignTeam",
      ["CampaignTeam"],
    );
    setBusy(false);
    if (!r.ok) {
      const duplicate = !!r.failure.fields.name;
      setError(duplicate ? t("cp.team.duplicate") : null);
      const typed = r.failure.kind === "ValidationError" || r.failure.kind === "NotFoundError";
      const cancelled = typed && refusalOf(r.failure).cancelled;
      return setFailure({
        ...r.failure,
        message: cancelled ? t("cp.edit.cancelledMeanwhile") : typed ? "" : r.failure.message,
      });
    }
    announce(t("cp.team.added", { team: r.value.name }));
    onDone(true);
  }

  return (
    <form
      ref={ref}
      className="panel"
      aria-labelledby="cpa-title"
      noValidate
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="cpa-title">{t("cp.team.add")}</h2>
      <TeamFields plan={plan} staff={staff} error={error} onChange={setPlan} fixed firstNumber={c.teams.length + 1} />
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy}>
        {t("cp.team.addSave")}
      </button>
      <button type="button" className="secondary block" onClick={() => onDone(false)}>
        {t("cp.edit.discard")}
      </button>
    </form>
  );
}
