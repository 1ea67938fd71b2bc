// A table of light counts (per unit, leader or problem), sortable by its red count with a header button that
// states the order (aria-sort). Light columns carry shape and name, never colour alone.
import { useState, type ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { LightIcon } from "../lights/light-badge.tsx";
import {
  countOf,
  nextDirection,
  sortByRed,
  type Light,
  type LightCounts,
  type SortDirection,
} from "../lights/lights.ts";

export interface LightTableProps<T> {
  labelledBy: string;
  nameHeader: string;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  name: (row: T) => ReactNode;
  counts: (row: T) => LightCounts;
  /** Which light counts get a column (the red one always sorts). */
  lights: readonly Light[];
  /** An extra column after the name, e.g. a problem's own light. */
  extra?: { header: string; cell: (row: T) => ReactNode };
}

export function LightTable<T>(props: LightTableProps<T>) {
  const t = useT();
  const [direction, setDirection] = useState<SortDirection>("none");
  const rows = sortByRed(props.rows, props.counts, direction);
  const arrow = direction === "descending" ? "↓" : direction === "ascending" ? "↑" : "↕";
  return (
    <div className="table-scroll" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      <table className="light-table" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            {props.extra ? <th scope="col">{props.extra.header}</th> : null}
            {props.lights.map((l) =>
              l === "RED" ? (
                <th key={l} scope="col" aria-sort={direction} className="num">
                  <button
                    type="button"
                    className="sort"
                    onClick={() => setDirection(nextDirection(direction))}
                    aria-describedby={`${props.labelledBy}-sort`}
                  >
                    <LightIcon light={l} />
                    <span aria-hidden="true">
                      {t(keyOf("lightShort", l))}
                      {arrow}
                    </span>
                    <span className="visually-hidden">{t(keyOf("lightName", l))}</span>
                  </button>
                  <span id={`${props.labelledBy}-sort`} className="visually-hidden">
                    {t(keyOf("dash.sort", direction))}
                  </span>
                </th>
              ) : (
                <th key={l} scope="col" className="num">
                  <LightIcon light={l} />
                  <span aria-hidden="true">{t(keyOf("lightShort", l))}</span>
                  <span className="visually-hidden">{t(keyOf("lightName", l))}</span>
                </th>
              ),
            )}
            <th scope="col" className="num">
              {t("dash.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const c = props.counts(row);
            return (
              <tr key={props.rowKey(row, i)}>
                <th scope="row">{props.name(row)}</th>
                {props.extra ? <td>{props.extra.cell(row)}</td> : null}
                {props.lights.map((l) => (
                  <td key={l} className={countOf(c, l) > 0 ? `num has-${l}` : "num"}>
                    {countOf(c, l)}
                  </td>
                ))}
                <td className="num">{c.total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
