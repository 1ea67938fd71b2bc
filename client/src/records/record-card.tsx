// One synced inspection record as a supervisor reads it: who, when, where, what was found, rating, follow-up,
// the kind-specific details and the photos (served by /files/{id}, authenticated by the session cookie).
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { formatDateTime } from "../lib/time.ts";
import { href } from "../router.ts";
import { evidencePhotos, photoUrl, readDetails, type RecordNode } from "./records-model.ts";

export function RecordCard({ record }: { record: RecordNode }) {
  const t = useT();
  const details = readDetails(record.kind, record.details);
  const photos = evidencePhotos(record.photos, details.signaturePhotoId);
  const signature = record.photos.find((p) => p.id === details.signaturePhotoId && p.complete) ?? null;
  const kind = t(keyOf("kind", record.kind));
  const measures = record.measures
    .filter((m) => m.numbered)
    .map((m) => `(${m.number})`)
    .join("");
  return (
    <li className="record-card">
      <div className="outbox-head">
        <span className="chip kind">{kind}</span>
        <span className="muted">{formatDateTime(new Date(record.deviceTime))}</span>
      </div>
      <p className="record-who">{record.inspectorName}</p>
      <p>
        <a href={href({ name: "problem", id: record.problem.id })}>
          <strong>{problemLabel(record.problem)}</strong> {record.problem.title}
        </a>
        {measures ? <span className="muted"> · {t("records.measures", { numbers: measures })}</span> : null}
      </p>
      <p className="badges">
        {record.rating ? (
          <span className={`chip rating-${record.rating}`}>{t(keyOf("rating", record.rating))}</span>
        ) : null}
        {record.followUpRequired ? <span className="chip attention">{t("records.followUpBadge")}</span> : null}
        {record.lookBack ? <span className="chip">{t("records.lookBack")}</span> : null}
        {record.syncState === "AWAITING_PHOTOS" ? <span className="chip">{t("records.awaitingPhotos")}</span> : null}
        {record.syncState === "CONFLICT" ? <span className="chip attention">{t("records.conflict")}</span> : null}
      </p>
      {record.findings ? <p className="record-findings">{record.findings}</p> : null}
      {record.latitude !== null && record.longitude !== null ? (
        <p className="muted small">
          {t("records.position", {
            lat: record.latitude.toFixed(5),
            lng: record.longitude.toFixed(5),
            accuracy: Math.round(record.accuracyM ?? 0),
          })}
        </p>
      ) : null}
      {photos.length > 0 ? (
        <ul className="thumbs">
          {photos.map((p, i) => (
            <li key={p.id} className="thumb">
              <a href={photoUrl(p)} target="_blank" rel="noopener">
                <img src={photoUrl(p)} alt={t("records.photoAlt", { kind, n: i + 1 })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {details.rows.length > 0 || details.qa.length > 0 || signature ? (
        <details>
          <summary>{t("records.details")}</summary>
          <dl className="facts">
            {details.rows.map((r) => (
              <div key={r.label}>
                <dt>{t(r.label)}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
          {details.qa.length > 0 ? (
            <ol className="qa-read">
              {details.qa.map((p, i) => (
                <li key={i}>
                  <p>
                    <strong>{t("q.question", { n: i + 1 })}</strong> {p.question}
                  </p>
                  <p>
                    <strong>{t("q.answer", { n: i + 1 })}</strong> {p.answer}
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
          {signature ? (
            <img className="signature-read" src={photoUrl(signature)} alt={t("records.signatureAlt")} loading="lazy" />
          ) : null}
        </details>
      ) : null}
    </li>
  );
}
