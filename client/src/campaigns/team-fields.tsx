// The plan's teams (督查组): a name each and its inspectors ticked from the staff list (inspectors and
// supervisors, active only); add and remove teams. A removed team's targets go to the first team left. Fixed (a
// campaign's teams being corrected): rename and re-staff only. useStaff reads who may be ticked.
import { useT } from "../i18n/i18n-context.tsx";
import { newUuid } from "../lib/ids.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { FieldMessages, fieldId } from "../ui/field.tsx";
import { STAFF_QUERY } from "./campaign-documents.ts";
import type { PlanState } from "./plan-model.ts";
import { removeTeam } from "./plan-model.ts";

export interface Staff {
  id: string;
  displayName: string;
}

const STAFF_ROLES = ["INSPECTOR", "SUPERVISOR"];

/** The staff a team may take: inspectors and supervisors (the query answers active field staff). */
export function useStaff(): Staff[] {
  const staffQ = useOnlineQuery(STAFF_QUERY);
  return (staffQ.data?.fieldStaff ?? []).filter((u) => STAFF_ROLES.includes(u.role));
}

export function TeamFields({
  plan,
  staff,
  error,
  onChange,
  fixed = false,
  firstNumber = 1,
}: {
  plan: PlanState;
  staff: Staff[];
  error: string | null;
  onChange: (patch: (p: PlanState) => PlanState) => void;
  /** The teams of a campaign being corrected: renamed and re-staffed only (no adding or removing here). */
  fixed?: boolean;
  /** The number of the first team shown (a team added to a campaign that has two is 第 3 组). */
  firstNumber?: number;
}) {
  const t = useT();
  const setTeam = (key: string, patch: Partial<PlanState["teams"][number]>) =>
    onChange((p) => ({ ...p, teams: p.teams.map((team) => (team.key === key ? { ...team, ...patch } : team)) }));
  return (
    <fieldset className={error ? "field has-error" : "field"} id="f-teams" tabIndex={-1}>
      <legend>{t("cp.plan.teams")}</legend>
      <FieldMessages id="f-teams" error={error} />
      {staff.length === 0 ? <p className="muted">{t("cp.plan.noInspectors")}</p> : null}
      {plan.teams.map((team, i) => {
        const nameId = fieldId(`team-${team.key}`);
        const n = i + firstNumber;
        const teamLabel = team.name.trim() || t("cp.plan.defaultTeam", { n });
        return (
          <div key={team.key} className="panel">
            <label htmlFor={nameId}>{t("cp.plan.teamNameOf", { n })}</label>
            <input
              id={nameId}
              value={team.name}
              maxLength={100}
              onChange={(e) => setTeam(team.key, { name: e.target.value })}
            />
            <fieldset className="bare">
              <legend>{t("cp.plan.members", { team: teamLabel })}</legend>
              {staff.map((u) => (
                <label key={u.id} className="check">
                  <input
                    type="checkbox"
                    checked={team.memberIds.includes(u.id)}
                    onChange={(e) =>
                      setTeam(team.key, {
                        memberIds: e.target.checked
                          ? [...team.memberIds, u.id]
                          : team.memberIds.filter((m) => m !== u.id),
                      })
                    }
                  />
                  <span>{u.displayName}</span>
                </label>
              ))}
            </fieldset>
            {plan.teams.length > 1 && !fixed ? (
              <button
                type="button"
                className="secondary small"
                onClick={() => onChange((p) => removeTeam(p, team.key))}
              >
                {t("cp.plan.removeTeam", { team: teamLabel })}
              </button>
            ) : null}
          </div>
        );
      })}
      {fixed ? null : (
        <button
          type="button"
          className="secondary block"
          onClick={() =>
            onChange((p) => ({
              ...p,
              teams: [
                ...p.teams,
                { key: newUuid(), name: t("cp.plan.defaultTeam", { n: p.teams.length + 1 }), memberIds: [] },
              ],
            }))
          }
        >
          {t("cp.plan.addTeam")}
        </button>
      )}
    </fieldset>
  );
}
