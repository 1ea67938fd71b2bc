// The rectification actions a campaign's findings opened (督促整改事项), on its coverage screen: counts by status and
// the rows, so a supervisor can open an answered one and confirm or reopen it. Live like the coverage above.
import { useCallback } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { CAMPAIGN_ACTIONS_QUERY, type ActionStatus } from "./action-documents.ts";
import { ActionRow } from "./action-list.tsx";

const STATUSES: ActionStatus[] = ["OPEN", "REOPENED", "ANSWERED", "CONFIRMED"];

export function CampaignActions({ campaignId }: { campaignId: string }) {
  const t = useT();
  const q = useOnlineQuery(CAMPAIGN_ACTIONS_QUERY, { campaignId });
  const { reload } = q;
  useLedgerChanged(useCallback(() => void reload(), [reload]));
  const list = q.data?.rectificationActions.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="cp-actions" className="panel">
      <h2 id="cp-actions">{t("cp.act.title")}</h2>
      <LoadState state={q} />
      {q.data && list.length === 0 ? <p className="muted">{t("cp.act.empty")}</p> : null}
      {list.length ? (
        <p className="item-meta">
          {STATUSES.map((s) => (
            <span key={s} className={`chip action-${s}`}>
              {t(keyOf("cp.act.status", s))} {list.filter((a) => a.status === s).length}
            </span>
          ))}
        </p>
      ) : null}
      <ul className="item-list" aria-labelledby="cp-actions">
        {list.map((a) => (
          <ActionRow key={a.id} a={a} />
        ))}
      </ul>
    </section>
  );
}
