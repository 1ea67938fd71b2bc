// One campaign for supervisors: its facts, coverage (done / not yet / overdue) overall, per team and per unit,
// every target with its state, and the campaign report (printable and .docx); supervisors correct, grow (teams,
// targets) or cancel it here, and remove its teams (a cancelled one shows its reason and is read-only). Live:
// re-read on ledger changes (a synced record or an answered action), like the dashboard; a re-read keeps the
// forms open on it as they are (a target removed meanwhile keeps its row while its editor is open, marked gone).
import { useCallback, useMemo, useState } from "react";
import { useUser } from "../auth/session.tsx";
import { rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { shanghaiDay } from "../lib/shanghai.ts";
import { useLedgerChanged } from "../live/use-ledger-changed.ts";
import { DownloadLink } from "../supervision/download-link.tsx";
import { isSupervisor } from "../supervision/menu.ts";
import { hhmm, LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { CAMPAIGN_QUERY, reportHref, type CampaignTargetRow } from "./campaign-documents.ts";
import { byTeam, byUnit, coverageBy, coverageTotal, type CoverageTarget } from "./coverage-model.ts";
import { CoverageTable } from "./coverage-table.tsx";
import { CampaignActions } from "./campaign-actions.tsx";
import { CampaignEdit } from "./campaign-edit.tsx";
import { TargetRow } from "./target-row.tsx";
import { TeamItem } from "./team-item.tsx";

export function toCoverage(t: CampaignTargetRow): CoverageTarget {
  return {
    id: t.id,
    teamId: t.team.id,
    teamName: t.team.name,
    unitId: t.measure.responsibleUnit?.id ?? null,
    unitName: t.measure.responsibleUnit?.name ?? null,
    state: t.status,
  };
}

/** The targets as read, then those whose editor is open but that the re-read no longer has (removed meanwhile):
 * kept as they were when the editor opened, so that it says so instead of vanishing with what was typed. */
function useTargetRows(targets: readonly CampaignTargetRow[]) {
  const [open, setOpen] = useState<ReadonlyMap<string, CampaignTargetRow>>(new Map());
  const read = new Set(targets.map((x) => x.id));
  const rows = [
    ...targets.map((target) => ({ target, gone: false })),
    ...[...open.values()].filter((x) => !read.has(x.id)).map((target) => ({ target, gone: true })),
  ];
  const editing = useCallback((target: CampaignTargetRow, isOpen: boolean) => {
    setOpen((m) => {
      const next = new Map(m);
      if (isOpen) next.set(target.id, target);
      else next.delete(target.id);
      return next;
    });
  }, []);
  return { rows, editing };
}

export function CampaignScreen({ id }: { id: string }) {
  const t = useT();
  const q = useOnlineQuery(CAMPAIGN_QUERY, { id });
  const { reload } = q;
  const live = useLedgerChanged(useCallback(() => void reload(), [reload]));
  const node = q.data?.node;
  const c = node?.__typename === "Campaign" ? node : null;
  const coverage = useMemo(() => (c ? c.targets.map(toCoverage) : []), [c]);
  const total = coverageTotal(coverage);
  // Supervisors correct a campaign until it is cancelled; inspectors (and everyone once cancelled) only read it.
  const editable = isSupervisor(useUser().role) && !!c && !c.cancelledAt;
  const changed = useCallback(() => void reload(), [reload]);
  const targetRows = useTargetRows(c?.targets ?? []);

  return (
    <section className="screen" aria-labelledby="cp-title">
      <h1 id="cp-title">{c?.name ?? t("cp.list.title")}</h1>
      <LoadState state={q} />
      <p className="muted small">
        {q.loadedAt ? t("cp.cov.updatedAt", { time: hhmm(new Date(q.loadedAt)) }) : null}
        {" · "}
        {t(keyOf("live", live))}
      </p>
      {c ? (
        <>
          {c.cancelledAt ? (
            <p className="notice" role="note">
              {t("cp.view.cancelled", { date: shanghaiDay(new Date(c.cancelledAt)), reason: c.cancelReason ?? "" })}
            </p>
          ) : null}
          <ul className="plain small">
            <li>{t("cp.view.period", { from: c.startsOn.slice(0, 10), to: c.endsOn.slice(0, 10) })}</li>
            {c.offices.length ? <li>{t("cp.view.offices", { offices: c.offices.join("、") })}</li> : null}
            <li>{t("cp.view.dueDays", { days: c.actionDueDays })}</li>
            {c.teams.map((team) => (
              <TeamItem
                key={team.id}
                team={team}
                targets={c.targets.filter((x) => x.team.id === team.id).length}
                last={c.teams.length === 1}
                editable={editable}
                onChanged={changed}
              />
            ))}
          </ul>

          {editable ? <CampaignEdit c={c} onChanged={changed} /> : null}

          <section aria-labelledby="cov-title" className="panel">
            <h2 id="cov-title">{t("cp.cov.title")}</h2>
            <p className="summary" aria-live="polite">
              {t("cp.cov.summary", {
                done: total.done,
                total: total.total,
                notYet: total.notYet,
                overdue: total.overdue,
              })}
            </p>
            <h3 id="cov-teams">{t("cp.cov.byTeam")}</h3>
            <CoverageTable
              labelledBy="cov-teams"
              nameHeader={t("cp.cov.team")}
              rows={coverageBy(coverage, byTeam)}
              noLabel=""
            />
            <h3 id="cov-units">{t("cp.cov.byUnit")}</h3>
            <CoverageTable
              labelledBy="cov-units"
              nameHeader={t("cp.cov.unit")}
              rows={coverageBy(coverage, byUnit)}
              noLabel={t("cp.cov.noUnit")}
            />
          </section>

          <CampaignActions campaignId={c.id} />

          <h2 id="cov-targets">{t("cp.cov.targets")}</h2>
          <ul className="item-list" aria-labelledby="cov-targets">
            {targetRows.rows.map(({ target, gone }) => (
              <TargetRow
                key={target.id}
                target={target}
                gone={gone}
                campaign={c}
                editable={editable}
                onEditing={targetRows.editing}
                onChanged={changed}
              />
            ))}
          </ul>

          <ul className="link-list">
            <li>
              <a
                className="button secondary block"
                href={reportHref(rawId(c.id), "html")}
                target="_blank"
                rel="noopener"
              >
                {t("cp.view.report")}
              </a>
            </li>
            <li>
              <DownloadLink href={reportHref(rawId(c.id), "docx")}>{t("cp.view.docx")}</DownloadLink>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
