// Supervisor view of synced inspection records, per problem or measure or across all, filterable by inspector,
// kind, date range, rating and follow-up; paged. Online only: records are the server's, not the device's.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { Rating, RecordKind } from "@rectify/server/sync";
import { RATINGS, RECORD_KINDS } from "@rectify/server/sync";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { findProblem, problemLabel } from "../cache/working-set.ts";
import { runQuery, type GqlFailureKind } from "../graphql/client.ts";
import { useUser } from "../auth/session.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href } from "../router.ts";
import { useOnline, useServices } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { RecordCard } from "./record-card.tsx";
import {
  EMPTY_FILTER,
  INSPECTORS_QUERY,
  RECORDS_PAGE,
  RECORDS_QUERY,
  toFilterInput,
  type FilterForm,
  type RecordNode,
} from "./records-model.ts";

interface ListState {
  records: RecordNode[];
  total: number;
  endCursor: string | null;
  hasNext: boolean;
}

/** The current user always (own records); every inspector and supervisor for admins, who may list users. */
function useInspectorOptions(): Map<string, string> {
  const user = useUser();
  const { client } = useServices();
  const [options, setOptions] = useState(() => new Map([[user.id, user.displayName]]));
  useEffect(() => {
    if (user.role !== "ADMIN") return;
    void runQuery(client, INSPECTORS_QUERY, {}).then((r) => {
      if (!r.ok) return;
      const staff = r.data.users.edges
        .map((e) => e.node)
        .filter((u) => u.role === "INSPECTOR" || u.role === "SUPERVISOR");
      setOptions(new Map([[user.id, user.displayName], ...staff.map((u) => [u.id, u.displayName] as const)]));
    });
  }, [client, user]);
  return options;
}

export function RecordsScreen({ problemId, measureId }: { problemId: string | null; measureId: string | null }) {
  const t = useT();
  const { client, authLost } = useServices();
  const { workingSet } = useWorkingSet();
  const online = useOnline();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<FilterForm>(EMPTY_FILTER);
  const [applied, setApplied] = useState<FilterForm>(EMPTY_FILTER);
  const [list, setList] = useState<ListState | null>(null);
  const [failure, setFailure] = useState<{ kind: GqlFailureKind; message: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const inspectors = useInspectorOptions();
  const problem = problemId ? findProblem(workingSet, problemId) : null;
  const measure = measureId ? problem?.measures.find((m) => m.id === measureId) : null;
  const filter = useMemo(() => toFilterInput(applied, { problemId, measureId }), [applied, problemId, measureId]);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const r = await runQuery(client, RECORDS_QUERY, { filter, first: RECORDS_PAGE, after });
      setLoading(false);
      if (!r.ok) {
        if (r.kind === "unauthenticated") authLost.emit();
        setFailure(r);
        return;
      }
      setFailure(null);
      const conn = r.data.inspectionRecords;
      const page = conn.edges.map((e) => e.node);
      setList((prev) => ({
        records: after && prev ? [...prev.records, ...page] : page,
        total: conn.totalCount,
        endCursor: conn.pageInfo.endCursor,
        hasNext: conn.pageInfo.hasNextPage,
      }));
      announce(t("records.loaded", { count: conn.totalCount }));
    },
    [client, filter, authLost, announce, t],
  );

  useEffect(() => {
    if (online) void load(null);
  }, [load, online]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setApplied(draft);
  }
  const set = (patch: Partial<FilterForm>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <section className="screen" aria-labelledby="records-title">
      <h1 id="records-title">{t("records.title")}</h1>
      {problemId ? (
        <p className="scope">
          {problem ? t("records.problem", { label: `${problemLabel(problem)} ${problem.title}` }) : null}
          {measure
            ? ` · ${t("records.measure", { label: t("problem.measure", { number: measure.number }) })}`
            : null}{" "}
          <a href={href({ name: "records", problemId: null, measureId: null })}>{t("records.clearScope")}</a>
        </p>
      ) : null}
      <details className="filters">
        <summary>{t("records.filters")}</summary>
        <form onSubmit={apply} className="filter-form">
          <label htmlFor="f-r-inspector">{t("records.inspector")}</label>
          <select id="f-r-inspector" value={draft.inspectorId} onChange={(e) => set({ inspectorId: e.target.value })}>
            <option value="">{t("common.any")}</option>
            {[...inspectors].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <label htmlFor="f-r-kind">{t("records.kind")}</label>
          <select id="f-r-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as RecordKind | "" })}>
            <option value="">{t("common.any")}</option>
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(keyOf("kind", k))}
              </option>
            ))}
          </select>
          <label htmlFor="f-r-from">{t("records.from")}</label>
          <input
            id="f-r-from"
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(e) => set({ from: e.target.value })}
          />
          <label htmlFor="f-r-to">{t("records.to")}</label>
          <input
            id="f-r-to"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => set({ to: e.target.value })}
          />
          <label htmlFor="f-r-rating">{t("records.rating")}</label>
          <select id="f-r-rating" value={draft.rating} onChange={(e) => set({ rating: e.target.value as Rating | "" })}>
            <option value="">{t("common.any")}</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {t(keyOf("rating", r))}
              </option>
            ))}
          </select>
          <label htmlFor="f-r-follow">{t("records.followUp")}</label>
          <select
            id="f-r-follow"
            value={draft.followUp}
            onChange={(e) => set({ followUp: e.target.value as FilterForm["followUp"] })}
          >
            <option value="">{t("common.any")}</option>
            <option value="yes">{t("common.yes")}</option>
            <option value="no">{t("common.no")}</option>
          </select>
          <div className="item-actions">
            <button type="submit" className="primary">
              {t("records.apply")}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => (setDraft(EMPTY_FILTER), setApplied(EMPTY_FILTER))}
            >
              {t("records.reset")}
            </button>
          </div>
        </form>
      </details>
      {!online ? <p className="notice">{t("records.offline")}</p> : null}
      {failure ? (
        <p className="notice attention">
          {failure.kind === "unavailable"
            ? t("records.unavailable")
            : t("records.failed", { message: failure.message })}
        </p>
      ) : null}
      {list ? <p className="summary">{t("records.count", { count: list.total })}</p> : null}
      {list && list.records.length === 0 ? <p className="muted">{t("records.empty")}</p> : null}
      <ul className="record-list">
        {(list?.records ?? []).map((r) => (
          <RecordCard key={r.id} record={r} />
        ))}
      </ul>
      {list?.hasNext ? (
        <button type="button" className="secondary block" disabled={loading} onClick={() => void load(list.endCursor)}>
          {t("records.loadMore")}
        </button>
      ) : null}
      {loading ? <p className="muted">{t("common.loading")}</p> : null}
    </section>
  );
}
