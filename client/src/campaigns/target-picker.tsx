// Picking the campaign's targets from the ledger on the device: filter the measures by responsible units and
// lights (e.g. the red and yellow ones of three units), tick them one by one or all at once; each picked target
// gets its methods (走访 / 台账 / 问询) and, with several teams, the team that checks it.
import { useMemo, useState } from "react";
import { problemLabel, type WsProblem } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { LightBadge } from "../lights/light-badge.tsx";
import { LIGHTS, type Light } from "../lights/lights.ts";
import { FieldMessages } from "../ui/field.tsx";
import { MethodsField } from "./methods-field.tsx";
import {
  addTargets,
  DEFAULT_METHODS,
  filterMeasures,
  ledgerUnits,
  type MeasurePick,
  type PlanState,
  type PlanTarget,
} from "./plan-model.ts";

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);

function pickLabel(p: MeasurePick): string {
  return `${problemLabel(p.problem)}（${p.measure.number}）`;
}

function TargetOptions({
  pick,
  target,
  plan,
  onTarget,
}: {
  pick: MeasurePick;
  target: PlanTarget;
  plan: PlanState;
  onTarget: (next: PlanTarget) => void;
}) {
  const t = useT();
  const label = pickLabel(pick);
  return (
    <div className="target-options">
      <MethodsField
        legend={t("cp.plan.methodsOf", { label })}
        methods={target.methods}
        onChange={(methods) => onTarget({ ...target, methods })}
      />
      {plan.teams.length > 1 ? (
        <label className="small">
          {t("cp.plan.teamOf", { label })}
          <select value={target.teamKey} onChange={(e) => onTarget({ ...target, teamKey: e.target.value })}>
            {plan.teams.map((team, i) => (
              <option key={team.key} value={team.key}>
                {team.name || t("cp.plan.defaultTeam", { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

export function TargetPicker({
  problems,
  plan,
  error,
  onChange,
}: {
  problems: readonly WsProblem[];
  plan: PlanState;
  error: string | null;
  onChange: (patch: (p: PlanState) => PlanState) => void;
}) {
  const t = useT();
  const [units, setUnits] = useState<string[]>([]);
  const [lights, setLights] = useState<Light[]>([]);
  const allUnits = useMemo(() => ledgerUnits(problems), [problems]);
  const picks = useMemo(() => filterMeasures(problems, { units, lights }), [problems, units, lights]);
  const firstTeam = plan.teams[0]?.key ?? "";
  const setTarget = (next: PlanTarget) =>
    onChange((p) => ({ ...p, targets: p.targets.map((x) => (x.measureId === next.measureId ? next : x)) }));

  return (
    <fieldset className={error ? "field has-error" : "field"} id="f-targets" tabIndex={-1}>
      <legend>{t("cp.plan.targets")}</legend>
      <FieldMessages id="f-targets" hint={t("cp.plan.targetsHint")} error={error} />
      {problems.length === 0 ? <p className="notice">{t("cp.plan.noLedger")}</p> : null}
      <details className="filters" open>
        <summary>
          {t("cp.plan.filterUnits")} · {t("cp.plan.filterLights")}
        </summary>
        <fieldset className="bare">
          <legend>{t("cp.plan.filterUnits")}</legend>
          {allUnits.map((u) => (
            <label key={u} className="check">
              <input
                type="checkbox"
                checked={units.includes(u)}
                onChange={(e) => setUnits((l) => toggle(l, u, e.target.checked))}
              />
              <span>{u}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="bare">
          <legend>{t("cp.plan.filterLights")}</legend>
          <div className="segmented wrap">
            {LIGHTS.map((l) => (
              <label key={l} className={lights.includes(l) ? "segment selected" : "segment"}>
                <input
                  type="checkbox"
                  checked={lights.includes(l)}
                  onChange={(e) => setLights((x) => toggle(x, l, e.target.checked))}
                />
                <LightBadge light={l} />
              </label>
            ))}
          </div>
        </fieldset>
      </details>
      <p className="refresh-line">
        <span aria-live="polite">{t("cp.plan.matches", { count: picks.length })}</span>
        <span>{t("cp.plan.selected", { count: plan.targets.length })}</span>
      </p>
      <div className="item-actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => onChange((p) => ({ ...p, targets: addTargets(p.targets, picks, firstTeam) }))}
        >
          {t("cp.plan.selectAll")}
        </button>
        <button type="button" className="secondary small" onClick={() => onChange((p) => ({ ...p, targets: [] }))}>
          {t("cp.plan.clear")}
        </button>
      </div>
      <ul className="plain">
        {picks.map((pick) => {
          const target = plan.targets.find((x) => x.measureId === pick.measure.id);
          const label = pickLabel(pick);
          return (
            <li key={pick.measure.id} className="target-pick">
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!target}
                  onChange={(e) =>
                    onChange((p) => ({
                      ...p,
                      targets: e.target.checked
                        ? [
                            ...p.targets,
                            { measureId: pick.measure.id, methods: [...DEFAULT_METHODS], teamKey: firstTeam },
                          ]
                        : p.targets.filter((x) => x.measureId !== pick.measure.id),
                    }))
                  }
                />
                <span>
                  <strong>{label}</strong> {pick.measure.text.slice(0, 60)}
                  <span className="item-meta">
                    <LightBadge light={pick.measure.light ?? "GREEN"} />
                    {pick.measure.responsibleUnit ? <span>{pick.measure.responsibleUnit}</span> : null}
                  </span>
                </span>
              </label>
              {target ? <TargetOptions pick={pick} target={target} plan={plan} onTarget={setTarget} /> : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
