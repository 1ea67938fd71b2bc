// 申请销号: pick evidence among the files already reported on the measure (online), or go report new material.
import { rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { href } from "../router.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { MEASURE_FILES } from "./progress-documents.ts";

export function EvidencePicker(props: { measureId: string; picked: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const q = useOnlineQuery(MEASURE_FILES, { id: props.measureId });
  const node = q.data?.node;
  const files = (node?.__typename === "Measure" ? node.progressUpdates.edges : []).flatMap((e) =>
    e.node.attachments.filter((a) => a.complete).map((a) => ({ ...a, date: e.node.createdAt.slice(0, 10) })),
  );
  const toggle = (id: string) =>
    props.onChange(props.picked.includes(id) ? props.picked.filter((x) => x !== id) : [...props.picked, id]);
  return (
    <fieldset>
      <legend>{t("pg.closeout.pick")}</legend>
      {files.length === 0 ? <p className="muted small">{t("pg.closeout.noFiles")}</p> : null}
      {files.map((f) => (
        <label key={f.id} className="check">
          <input type="checkbox" checked={props.picked.includes(f.id)} onChange={() => toggle(f.id)} />
          <span>
            {f.fileName} · {f.date}
          </span>
        </label>
      ))}
      <a href={href({ name: "report", id: null, measureIds: [rawId(props.measureId)], answers: null })}>
        {t("pg.closeout.addNew")}
      </a>
    </fieldset>
  );
}
