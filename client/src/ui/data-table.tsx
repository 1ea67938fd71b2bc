// A scrollable data table named by its heading; the first column heads each row, `num` columns align right. With
// `stackOnPhone`, a phone shows each row as a card (label: value lines) instead of squeezing many columns into 360 px.
import type { ReactNode } from "react";

export interface Column<R> {
  label: string;
  num?: boolean;
  cell: (row: R) => ReactNode;
}

/** The scroll region and the table are both named by the heading `labelledBy`, so either reads the same. */
export function DataTable<R>(props: {
  labelledBy: string;
  columns: readonly [Column<R>, ...Column<R>[]];
  rows: readonly R[];
  rowKey: (row: R) => string;
  stackOnPhone?: boolean;
}) {
  const [head, ...rest] = props.columns;
  const numClass = (c: Column<R>) => (c.num ? "num" : undefined);
  return (
    <div className="table-scroll" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      <table
        className={props.stackOnPhone ? "data-table stack-on-phone" : "data-table"}
        aria-labelledby={props.labelledBy}
      >
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              // Columns are fixed per table, so their place is their identity.
              <th key={i} scope="col" className={numClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={props.rowKey(r)}>
              <th scope="row" className={numClass(head)}>
                {head.cell(r)}
              </th>
              {rest.map((c, i) => (
                <td key={i} className={numClass(c)} data-label={c.label}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
