// A select of the field inspection records on a measure ("不选" first), each named by kind, time, inspector and
// rating; records made before the close-out request are marked, since the server will not accept them. Also that
// select as a labelled field.
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { when } from "../supervision/ui.tsx";
import type { MeasureRecord } from "./closeout-model.ts";
import { Labelled } from "./form-bits.tsx";

export function recordLabel(t: ReturnType<typeof useT>, r: MeasureRecord, before: string | null): string {
  const parts = [t(keyOf("kind", r.kind)), when(r.deviceTime), r.inspectorName];
  if (r.rating) parts.push(t(keyOf("rating", r.rating)));
  if (r.lookBack) parts.push(t("records.lookBack"));
  if (before && r.deviceTime < before) parts.push(t("closeout.beforeRequest"));
  return parts.join(" · ");
}

export function RecordOptions({ records, before }: { records: MeasureRecord[]; before: string | null }) {
  const t = useT();
  return (
    <>
      <option value="">{t("closeout.noRecord")}</option>
      {records.map((r) => (
        <option key={r.id} value={r.id}>
          {recordLabel(t, r, before)}
        </option>
      ))}
    </>
  );
}

/** The labelled record picker; with no records to offer, the hint says so instead of `hint`. */
export function RecordField(props: {
  name: string;
  label: string;
  hint: string;
  error: string | null;
  records: MeasureRecord[];
  before: string | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <Labelled
      name={props.name}
      label={props.label}
      hint={props.records.length ? props.hint : t("closeout.noRecords")}
      error={props.error}
    >
      {(common) => (
        <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <RecordOptions records={props.records} before={props.before} />
        </select>
      )}
    </Labelled>
  );
}
