// 台账表格: problems × measures for supervisors at a desk — sort by any column, filter (unit, light, overdue, words),
// choose the columns (remembered on this device in the IndexedDB settings, not localStorage) and export exactly
// the rows and columns shown as CSV. Table library: @tanstack/react-table 8 (headless, well kept; v9 changed the
// API and is younger), so sorting and column visibility are not hand-written and the markup stays our own.
// Unit, overdue and words go to the server's `measures(filter:)`; light, which the API lacks, is filtered here.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf, type Translate } from "../i18n/i18n.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { shanghaiDay } from "../lib/shanghai.ts";
import { LightBadge } from "../lights/light-badge.tsx";
import { LIGHTS, type Light } from "../lights/lights.ts";
import { href } from "../router.ts";
import { useServices } from "../services.tsx";
import { LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { ColumnChooser, downloadCsv } from "./ledger-parts.tsx";
import {
  applyClientFilter,
  cleanHidden,
  LEDGER_COLUMNS,
  LEDGER_TABLE_QUERY,
  LEDGER_UNITS_QUERY,
  lightRank,
  serverFilter,
  toCsv,
  toRows,
  type LedgerColumn,
  type LedgerRow,
} from "./ledger-model.ts";

const day = (iso: string | null) => (iso ? shanghaiDay(new Date(iso)) : null);

/** The text of a cell: what the table shows and what the CSV holds, the same words. */
function cellText(t: Translate, col: LedgerColumn, r: LedgerRow): string {
  const none = t("desk.none");
  switch (col) {
    case "problem":
      return r.problem;
    case "measure":
      return r.measure;
    case "unit":
      return r.unit ?? none;
    case "leader":
      return r.leader ?? none;
    case "deadline":
      if (r.longTerm) return t("desk.longTerm");
      if (!r.deadline) return none;
      return r.overdue ? `${r.deadline} ${t("desk.overdue")}` : r.deadline;
    case "light":
      // As the badge reads (its hidden name, then its words), so the file says what a screen reader hears.
      return `${t(keyOf("lightName", r.light))}：${t(keyOf("light", r.light))}`;
    case "status":
      return t(keyOf("status", r.status));
    case "lastRecord":
      return r.lastRecordAt ? `${day(r.lastRecordAt)} ${t(keyOf("kind", r.lastRecordKind ?? ""))}` : none;
    case "lastProgress":
      return day(r.lastProgressAt) ?? none;
  }
}

/** What a column sorts by: report order for problems, severity for lights, the text (or day) otherwise. */
function sortValue(col: LedgerColumn, r: LedgerRow, t: Translate): string | number | undefined {
  switch (col) {
    case "problem":
    case "measure":
      return r.order;
    case "light":
      return lightRank(r.light);
    case "deadline":
      return r.longTerm ? "9999" : (r.deadline ?? undefined);
    case "lastRecord":
      return r.lastRecordAt ?? undefined;
    case "lastProgress":
      return r.lastProgressAt ?? undefined;
    default:
      return cellText(t, col, r) === t("desk.none") ? undefined : cellText(t, col, r);
  }
}

function renderCell(t: Translate, col: LedgerColumn, r: LedgerRow) {
  if (col === "problem") return <a href={href({ name: "problem", id: r.problemId })}>{r.problem}</a>;
  if (col === "measure") return <a href={href({ name: "timeline", measureId: r.id })}>{r.measure}</a>;
  if (col === "light") return <LightBadge light={r.light} />;
  return cellText(t, col, r);
}

export function LedgerScreen() {
  const t = useT();
  const announce = useAnnounce();
  const { cache } = useServices();
  const { current } = useInspectionPick();
  const [unitId, setUnitId] = useState("");
  const [light, setLight] = useState<Light | "">("");
  const [overdue, setOverdue] = useState(false);
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  const [sorting, setSorting] = useState<SortingState>([]);
  const [hidden, setHidden] = useState<LedgerColumn[] | null>(null);

  // Words go to the server once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), 300);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let live = true;
    void cache
      .get("settings")
      .then((s) => live && setHidden(cleanHidden(s?.ledgerHidden)))
      .catch(() => live && setHidden([]));
    return () => {
      live = false;
    };
  }, [cache]);

  const filter = serverFilter({ inspectionId: current, unitId, overdue, text: search });
  const state = useOnlineQuery(LEDGER_TABLE_QUERY, { filter });
  const units = useOnlineQuery(LEDGER_UNITS_QUERY);
  const all = useMemo(() => toRows(state.data), [state.data]);
  const rows = useMemo(() => applyClientFilter(all, { light }), [all, light]);

  const columns = useMemo<ColumnDef<LedgerRow>[]>(
    () =>
      LEDGER_COLUMNS.map((col) => ({
        id: col,
        header: t(keyOf("desk.col", col)),
        accessorFn: (r: LedgerRow) => sortValue(col, r, t),
        sortUndefined: "last" as const,
        sortDescFirst: col === "light",
        cell: (c) => renderCell(t, col, c.row.original),
        enableHiding: col !== LEDGER_COLUMNS[0],
      })),
    [t],
  );
  const columnVisibility: VisibilityState = Object.fromEntries((hidden ?? []).map((c) => [c, false]));
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });

  function toggleColumn(col: LedgerColumn, shown: boolean) {
    const next = shown ? (hidden ?? []).filter((c) => c !== col) : [...(hidden ?? []), col];
    setHidden(next);
    void cache.updateSettings((s) => ({ ...s, ledgerHidden: next })).catch(() => undefined);
  }

  function exportShown() {
    const cols = table.getVisibleLeafColumns().map((c) => c.id as LedgerColumn);
    const shown = table.getRowModel().rows.map((r) => cols.map((c) => cellText(t, c, r.original)));
    const name = `${t("desk.fileName")}-${shanghaiDay(new Date())}.csv`;
    downloadCsv(
      toCsv(
        cols.map((c) => t(keyOf("desk.col", c))),
        shown,
      ),
      name,
    );
    announce(t("desk.exported", { rows: shown.length, columns: cols.length, name }));
  }

  const shownCount = table.getRowModel().rows.length;
  return (
    <section className="screen ledger-screen" aria-labelledby="ledger-title">
      <h1 id="ledger-title">{t("desk.title")}</h1>
      <InspectionPicker />
      <fieldset className="ledger-filters">
        <legend>{t("desk.filters")}</legend>
        <div className="field">
          <label htmlFor="f-ledger-unit">{t("desk.unit")}</label>
          <select id="f-ledger-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t("desk.allUnits")}</option>
            {units.data?.units.edges.map(({ node: u }) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-ledger-light">{t("desk.light")}</label>
          <select id="f-ledger-light" value={light} onChange={(e) => setLight(e.target.value as Light | "")}>
            <option value="">{t("desk.allLights")}</option>
            {LIGHTS.map((l) => (
              <option key={l} value={l}>
                {t(keyOf("light", l))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-ledger-text">{t("desk.text")}</label>
          <input
            id="f-ledger-text"
            type="search"
            maxLength={100}
            value={text}
            placeholder={t("desk.textHint")}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          <span>{t("desk.overdueOnly")}</span>
        </label>
      </fieldset>
      {hidden ? <ColumnChooser hidden={hidden} onToggle={toggleColumn} /> : null}
      <div className="ledger-bar">
        <p className="muted" aria-live="polite">
          {t("desk.count", { shown: shownCount, total: all.length })}
        </p>
        <button type="button" className="secondary small" onClick={exportShown} disabled={!state.data}>
          {t("desk.export")}
        </button>
      </div>
      <LoadState state={state} />
      {state.data && hidden ? (
        <div className="table-scroll ledger-scroll" role="region" aria-labelledby="ledger-title" tabIndex={0}>
          <table className="data-table ledger-table" aria-labelledby="ledger-title">
            <thead>
              {table.getHeaderGroups().map((g) => (
                <tr key={g.id}>
                  {g.headers.map((h) => {
                    const dir = h.column.getIsSorted();
                    return (
                      <th
                        key={h.id}
                        scope="col"
                        data-col={h.column.id}
                        aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}
                      >
                        <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">{dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((c, i) =>
                    i === 0 ? (
                      <th key={c.id} scope="row" data-col={c.column.id}>
                        {flexRender(c.column.columnDef.cell, c.getContext())}
                      </th>
                    ) : (
                      <td key={c.id} data-col={c.column.id}>
                        {flexRender(c.column.columnDef.cell, c.getContext())}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {shownCount === 0 ? <p className="muted">{t("desk.empty")}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
