// 专项督查 for supervisors: the campaigns, newest first as the server sends them, with their period and how many
// targets are done; a campaign opens its coverage; "计划专项督查" plans a new one.
import { useT } from "../i18n/i18n-context.tsx";
import { href } from "../router.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { CAMPAIGNS_QUERY } from "./campaign-documents.ts";

export function CampaignsScreen() {
  const t = useT();
  const q = useOnlineQuery(CAMPAIGNS_QUERY);
  const list = q.data?.campaigns ?? [];
  return (
    <section className="screen" aria-labelledby="cps-title">
      <h1 id="cps-title">{t("cp.list.title")}</h1>
      <a className="button primary block" href={href({ name: "campaignPlan" })}>
        {t("cp.list.new")}
      </a>
      <LoadState state={q} />
      {q.data && list.length === 0 ? <p className="muted">{t("cp.list.empty")}</p> : null}
      <ul className="item-list" aria-labelledby="cps-title">
        {list.map((c) => (
          <li key={c.id}>
            <a className="item-row" href={href({ name: "campaign", id: c.id })}>
              <span className="item-text">
                <span className="item-title">{c.name}</span>
                <span className="item-sub">
                  {t("cp.list.period", { from: c.startsOn.slice(0, 10), to: c.endsOn.slice(0, 10) })}
                </span>
                <span className="item-meta">
                  <span>{t("cp.list.coverage", { done: c.coverage.done, total: c.coverage.total })}</span>
                  {c.offices.length ? <span>{c.offices.join("、")}</span> : null}
                  {c.state === "CANCELLED" ? <span className="chip attention">{t("cp.list.cancelled")}</span> : null}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
