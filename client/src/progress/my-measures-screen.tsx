// 我的整改事项: a unit's measures, most urgent first (the server's order online; the device's copy offline, by light
// and deadline), with the open 补充材料 requests on top and evidence uploads in progress. Pick one or several
// measures and report progress on them.
import { UnacknowledgedNotices } from "../notices/unacknowledged-notices.tsx";
import { useMemo, useState, useSyncExternalStore } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { rawId } from "../cache/working-set.ts";
import { formatBytes } from "../lib/ids.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { href, navigate } from "../router.ts";
import { useOnline, useServices } from "../services.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { MY_MEASURES, type MyMeasure } from "./progress-documents.ts";

const LIGHT_RANK = { RED: 0, YELLOW: 1, GREEN: 2, GREY: 3 } as const;

function Uploads() {
  const t = useT();
  const { uploads } = useServices();
  const list = useSyncExternalStore(uploads.subscribe, uploads.snapshot);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="uploads-title" className="panel">
      <h2 id="uploads-title">{t("pg.upload.title")}</h2>
      <ul className="plain">
        {list.map((u) => (
          <li key={u.id}>
            <label htmlFor={`up-${u.id}`}>
              {t("pg.upload.progress", { name: u.fileName, sent: formatBytes(u.sent), total: formatBytes(u.total) })}
            </label>
            <progress id={`up-${u.id}`} max={u.total} value={u.sent} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MyMeasuresScreen() {
  const t = useT();
  const online = useOnline();
  const { workingSet } = useWorkingSet();
  const q = useOnlineQuery(MY_MEASURES);
  const [chosen, setChosen] = useState<string[]>([]);
  // Offline: the measures on the device (a liaison's working set holds only its unit's), reddest and soonest first.
  const offline = useMemo<MyMeasure[]>(
    () =>
      (workingSet?.problems ?? [])
        .flatMap((p) =>
          p.measures.map((m) => ({
            id: m.id,
            number: m.number,
            text: m.text,
            status: m.status,
            deadline: m.deadline,
            light: m.light ?? "GREEN",
            reportedThisMonth: false,
            problem: { id: p.id, number: p.number, title: p.title },
            lastProgress: null,
            openSupplementRequests: [],
          })),
        )
        .sort(
          (a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || (a.deadline ?? "9").localeCompare(b.deadline ?? "9"),
        ),
    [workingSet],
  );
  const live = q.data?.myMeasures ?? null;
  const items = live ?? offline;
  const asks = (live ?? []).flatMap((m) => m.openSupplementRequests.map((r) => ({ m, r })));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <section aria-labelledby="my-title" className="screen">
      <h1 id="my-title">{t("pg.my.title")}</h1>
      <p className="muted">{t("pg.my.hint")}</p>
      {!live && (!online || q.failure) ? <p className="notice">{t("pg.my.offline")}</p> : null}
      <Uploads />
      <UnacknowledgedNotices />
      {asks.length > 0 ? (
        <section aria-labelledby="asks-title" className="panel attention">
          <h2 id="asks-title">{t("pg.ask.title")}</h2>
          <ul className="plain">
            {asks.map(({ m, r }) => (
              <li key={r.id}>
                <p>
                  {t("pg.ask.item", {
                    measure: `${m.problem.number}.${m.number}`,
                    reason: r.reason,
                    who: r.requestedByName,
                    date: r.createdAt.slice(0, 10),
                  })}
                </p>
                <a
                  className="button primary"
                  href={href({ name: "report", id: null, measureIds: [rawId(m.id)], answers: rawId(r.id) })}
                >
                  {t("pg.ask.answer")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.length === 0 ? <p className="muted">{t("pg.my.empty")}</p> : null}
      <ul className="item-list">
        {items.map((m) => {
          const label = `${m.problem.number}.${m.number} ${m.problem.title}`;
          const open = !["COMPLETED", "CLOSE_REQUESTED", "CLOSED"].includes(m.status);
          return (
            <li key={m.id} className="my-measure">
              <label className="check">
                <input type="checkbox" checked={chosen.includes(m.id)} onChange={() => toggle(m.id)} />
                <span className="visually-hidden">{t("pg.my.select", { label })}</span>
              </label>
              <div className="item-text">
                <span className="item-title">{label}</span>
                <span className="item-sub">{m.text.slice(0, 80)}</span>
                <span className="item-meta">
                  <LightBadge light={m.light} />
                  <span className={`chip status-${m.status}`}>{t(keyOf("status", m.status))}</span>
                  <span>{m.deadline ? t("pg.my.deadline", { date: m.deadline }) : t("pg.my.noDeadline")}</span>
                  {live && open ? (
                    <span className={m.reportedThisMonth ? "chip" : "chip overdue"}>
                      {m.reportedThisMonth ? t("pg.my.reported") : t("pg.my.lacks")}
                    </span>
                  ) : null}
                </span>
                {live ? (
                  <span className="item-sub">
                    {m.lastProgress
                      ? t("pg.my.lastProgress", {
                          date: m.lastProgress.createdAt.slice(0, 10),
                          text: m.lastProgress.text.slice(0, 60),
                        })
                      : t("pg.my.noProgress")}
                  </span>
                ) : null}
                <span className="item-actions">
                  <a href={href({ name: "report", id: null, measureIds: [rawId(m.id)], answers: null })}>
                    {t("pg.my.report")}
                    <span className="visually-hidden"> · {label}</span>
                  </a>{" "}
                  <a href={href({ name: "timeline", measureId: m.id })}>
                    {t("pg.my.timeline")}
                    <span className="visually-hidden"> · {label}</span>
                  </a>
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      {chosen.length > 0 ? (
        <button
          type="button"
          className="primary sticky-action"
          onClick={() => navigate({ name: "report", id: null, measureIds: chosen.map(rawId), answers: null })}
        >
          {t("pg.my.reportSelected", { count: chosen.length })}
        </button>
      ) : null}
    </section>
  );
}
