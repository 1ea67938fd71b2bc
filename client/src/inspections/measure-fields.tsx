// The assignment fields a measure form and the bulk form share: lead leader, responsible and participating units
// (picked from the lists or typed as a new name), and a deadline or 长期坚持. `prefix` keeps ids unique per form.
import { Labelled } from "../closeout/form-bits.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { TextField } from "../ui/field.tsx";
import type { MeasureDraft } from "./inspections-model.ts";

export type AssignDraft = Omit<MeasureDraft, "text" | "subPoints">;

export const PEOPLE_LIST = "dl-people";
export const UNITS_LIST = "dl-units";

export function NameLists({ people, units }: { people: string[]; units: string[] }) {
  return (
    <>
      <datalist id={PEOPLE_LIST}>
        {people.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id={UNITS_LIST}>
        {units.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}

function ListField(props: {
  name: string;
  label: string;
  hint?: string;
  list: string;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  return (
    <Labelled name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(common) => (
        <input
          {...common}
          type="text"
          list={props.list}
          autoComplete="off"
          maxLength={300}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Labelled>
  );
}

export function AssignFields<D extends AssignDraft>(props: {
  prefix: string;
  draft: D;
  set: <K extends keyof D>(k: K) => (v: D[K]) => void;
  err: (name: string) => string | null;
}) {
  const t = useT();
  const { prefix, draft: d, set, err } = props;
  return (
    <>
      <ListField
        name={`${prefix}-leader`}
        label={t("au.measure.leader")}
        hint={t("au.measure.pickOrType")}
        list={PEOPLE_LIST}
        value={d.leadLeader}
        onChange={set("leadLeader")}
        error={err("leadLeader")}
      />
      <ListField
        name={`${prefix}-unit`}
        label={t("au.measure.unit")}
        hint={t("au.measure.pickOrType")}
        list={UNITS_LIST}
        value={d.responsibleUnit}
        onChange={set("responsibleUnit")}
        error={err("responsibleUnit")}
      />
      <ListField
        name={`${prefix}-participants`}
        label={t("au.measure.participants")}
        hint={t("au.measure.participantsHint")}
        list={UNITS_LIST}
        value={d.participatingUnits}
        onChange={set("participatingUnits")}
        error={err("participatingUnits")}
      />
      <Labelled
        name={`${prefix}-longterm`}
        label={t("au.measure.longTerm")}
        hint={t("au.measure.longTermHint")}
        error={null}
      >
        {(common) => (
          <input
            {...common}
            type="checkbox"
            checked={d.longTerm}
            onChange={(e) => set("longTerm")(e.target.checked as D["longTerm"])}
          />
        )}
      </Labelled>
      {d.longTerm ? null : (
        <TextField
          name={`${prefix}-deadline`}
          type="date"
          label={t("au.measure.deadline")}
          value={d.deadline}
          onChange={set("deadline")}
          error={err("deadline")}
        />
      )}
    </>
  );
}
