// 巡察一览: every inspection side by side (problems, measures, completion rate, overdue, red/yellow/green), a
// button to follow one (the picker) and, for supervisors, to edit it or start a new one. Online only.
import { useUser } from "../auth/session.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { href } from "../router.ts";
import { isSupervisor } from "../supervision/menu.ts";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { DataTable } from "../ui/data-table.tsx";
import { useInspectionPick } from "./inspection-pick.tsx";
import { InspectionPicker } from "./inspection-picker.tsx";
import { OVERVIEW_QUERY } from "./inspections-model.ts";
import { inspectionName } from "./pick-model.ts";

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export function InspectionsScreen() {
  const t = useT();
  const user = useUser();
  const { current, pick } = useInspectionPick();
  const state = useOnlineQuery(OVERVIEW_QUERY);
  const rows = state.data?.inspections.edges.map((e) => e.node) ?? [];
  const editor = isSupervisor(user.role);
  return (
    <section className="screen" aria-labelledby="in-title">
      <h1 id="in-title">{t("au.overview.title")}</h1>
      <InspectionPicker />
      {editor ? (
        <p>
          <a className="button primary" href={href({ name: "inspection", id: "new" })}>
            {t("au.overview.new")}
          </a>
        </p>
      ) : null}
      <LoadState state={state} />
      {state.data ? (
        <>
          <p className="summary">{t("au.overview.count", { count: state.data.inspections.totalCount })}</p>
          <DataTable
            labelledBy="in-title"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                label: t("au.overview.inspection"),
                cell: (r) => (
                  <>
                    {inspectionName(r)}
                    {r.published ? null : <span className="muted small"> · {t("au.overview.unpublished")}</span>}
                  </>
                ),
              },
              { label: t("au.overview.problems"), num: true, cell: (r) => r.figures.problems },
              { label: t("au.overview.measures"), num: true, cell: (r) => r.figures.measures },
              { label: t("au.overview.rate"), num: true, cell: (r) => percent(r.figures.completionRate) },
              { label: t("au.overview.overdue"), num: true, cell: (r) => r.figures.lights.overdue },
              { label: t("lightName.RED"), num: true, cell: (r) => r.figures.lights.red },
              { label: t("lightName.YELLOW"), num: true, cell: (r) => r.figures.lights.yellow },
              { label: t("lightName.GREEN"), num: true, cell: (r) => r.figures.lights.green },
              {
                label: t("au.overview.actions"),
                cell: (r) => (
                  <span className="item-actions">
                    <button
                      type="button"
                      className="secondary small"
                      aria-pressed={current === r.id}
                      onClick={() => pick(r.id)}
                    >
                      {t(current === r.id ? "au.overview.following" : "au.overview.follow")}
                      <span className="visually-hidden"> · {inspectionName(r)}</span>
                    </button>
                    {editor ? (
                      <a className="button secondary small" href={href({ name: "inspection", id: r.id })}>
                        {t("au.overview.edit")}
                        <span className="visually-hidden"> · {inspectionName(r)}</span>
                      </a>
                    ) : null}
                  </span>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
