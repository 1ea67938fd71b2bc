// Home: find an item fast in the cached working set (number, title, measure words), recent items first, and
// see at a glance how many records still wait to sync.
import { useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { problemLabel, type WsProblem } from "../cache/working-set.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { formatShort } from "../lib/time.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { href } from "../router.ts";
import { excerpt, searchProblems, type SearchHit } from "../search/search.ts";
import { useOnline, useSyncSnapshot } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";

export function ProblemRow({ hit, query }: { hit: SearchHit; query: string }) {
  const { t } = useI18n();
  const p = hit.problem;
  return (
    <li>
      <a className="item-row" href={href({ name: "problem", id: p.id })}>
        <span className="item-number">{problemLabel(p)}</span>
        <span className="item-text">
          <span className="item-title">{p.title}</span>
          {hit.measure ? (
            <span className="item-sub">
              {t("home.matchedMeasure", { number: hit.measure.number, text: excerpt(hit.measure.text, query, 36) })}
            </span>
          ) : null}
          <span className="item-meta">
            <LightBadge light={p.light} />
            <span className={`chip status-${p.status}`}>{t(keyOf("status", p.status))}</span>
            {p.overdue ? <span className="chip overdue">{t("problem.overdue")}</span> : null}
            {p.responsibleUnit ? <span>{p.responsibleUnit}</span> : null}
          </span>
        </span>
      </a>
    </li>
  );
}

function SyncBadge() {
  const { t } = useI18n();
  const { counts } = useSyncSnapshot();
  const attention = counts.needs_attention;
  return (
    <a
      className={attention ? "sync-summary attention" : "sync-summary"}
      href={href({ name: "outbox" })}
      aria-live="polite"
    >
      <span>{counts.pending > 0 ? t("home.pending", { count: counts.pending }) : t("home.allSynced")}</span>
      {attention > 0 ? <span className="chip attention">{t("home.attention", { count: attention })}</span> : null}
    </a>
  );
}

/** `children`: what this user must do first (campaign targets, actions), shown above the search. */
export function HomeScreen({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const { workingSet, loaded, recent, refreshing, refresh } = useWorkingSet();
  const online = useOnline();
  const announce = useAnnounce();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const { current } = useInspectionPick();
  // The picked inspection narrows the list; problems cached before inspections were known always show.
  const problems = useMemo<WsProblem[]>(
    () => (workingSet?.problems ?? []).filter((p) => !current || !p.inspectionId || p.inspectionId === current),
    [workingSet, current],
  );
  const hits = useMemo(() => searchProblems(problems, deferred, recent), [problems, deferred, recent]);
  const recentHits = useMemo(
    () =>
      recent
        .map((id) => problems.find((p) => p.id === id))
        .filter((p): p is WsProblem => !!p)
        .map((problem) => ({ problem, measure: null })),
    [problems, recent],
  );

  async function onRefresh() {
    announce(t("home.refreshing"));
    const r = await refresh();
    announce(r.ok ? t("home.refreshed") : t("home.refreshFailed", { message: r.message }));
  }

  const searching = deferred.trim() !== "";
  return (
    <section aria-labelledby="home-title" className="screen">
      <h1 id="home-title" className="visually-hidden">
        {t("home.title")}
      </h1>
      <SyncBadge />
      <InspectionPicker />
      {children}
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="f-search">{t("home.search")}</label>
        <input
          id="f-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="f-search-hint"
          enterKeyHint="search"
          autoComplete="off"
        />
        <p id="f-search-hint" className="field-hint">
          {t("home.searchHint")}
        </p>
      </form>

      {loaded && !workingSet ? <p className="notice">{t("home.noWorkingSet")}</p> : null}

      {!searching && recentHits.length > 0 ? (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t("home.recent")}</h2>
          <ul className="item-list">
            {recentHits.map((h) => (
              <ProblemRow key={h.problem.id} hit={h} query="" />
            ))}
          </ul>
        </section>
      ) : null}

      {workingSet ? (
        <section aria-labelledby="list-title">
          <h2 id="list-title">
            {searching ? t("home.results", { count: hits.length }) : t("home.all", { count: problems.length })}
          </h2>
          {hits.length === 0 ? <p className="muted">{t("home.noResults")}</p> : null}
          <ul className="item-list">
            {hits.map((h) => (
              <ProblemRow key={h.problem.id} hit={h} query={deferred} />
            ))}
          </ul>
        </section>
      ) : null}

      <div className="refresh-line">
        {workingSet ? (
          <span className="muted">{t("home.fetchedAt", { time: formatShort(new Date(workingSet.fetchedAt)) })}</span>
        ) : null}
        <button type="button" className="secondary" onClick={() => void onRefresh()} disabled={refreshing || !online}>
          {refreshing ? t("home.refreshing") : t("home.refresh")}
        </button>
      </div>
    </section>
  );
}
