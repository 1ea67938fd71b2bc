// The methods a target expects (走访 / 台账 / 问询) as a row of toggles, in the canonical order; used when planning a
// campaign's targets and when correcting one target of a running campaign.
import { RECORD_KINDS, type RecordKind } from "@rectify/server/sync";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";

export function MethodsField({
  legend,
  methods,
  onChange,
}: {
  legend: string;
  methods: readonly RecordKind[];
  onChange: (next: RecordKind[]) => void;
}) {
  const t = useT();
  return (
    <fieldset className="bare">
      <legend className="small">{legend}</legend>
      <div className="segmented wrap">
        {RECORD_KINDS.map((k) => (
          <label key={k} className={methods.includes(k) ? "segment selected" : "segment"}>
            <input
              type="checkbox"
              checked={methods.includes(k)}
              onChange={(e) => onChange(RECORD_KINDS.filter((m) => (m === k ? e.target.checked : methods.includes(m))))}
            />
            <span>{t(keyOf("cp.method", k))}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
