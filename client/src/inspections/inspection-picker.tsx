// The inspection picker: a labelled select ("all inspections" or one), shown on every screen that follows the
// pick (dashboard, analysis, notices, exports, problem lists, the overview). Works offline from the cached names.
import { useT } from "../i18n/i18n-context.tsx";
import { useInspectionPick } from "./inspection-pick.tsx";

export function InspectionPicker() {
  const t = useT();
  const { current, known, pick } = useInspectionPick();
  // A pick whose name is not known yet (offline, first start) still shows as itself rather than as "all".
  const options = current && !known.some((k) => k.id === current) ? [...known, { id: current, name: current }] : known;
  return (
    <div className="field inspection-picker">
      <label htmlFor="f-inspection-pick">{t("au.pick.label")}</label>
      <select id="f-inspection-pick" value={current ?? ""} onChange={(e) => pick(e.target.value || null)}>
        <option value="">{t("au.pick.all")}</option>
        {options.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </select>
    </div>
  );
}
