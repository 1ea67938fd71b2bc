// A coverage table (done / not yet / overdue / total per team or per unit) on the shared DataTable.
import { useT } from "../i18n/i18n-context.tsx";
import { DataTable } from "../ui/data-table.tsx";
import type { CoverageRow } from "./coverage-model.ts";

export function CoverageTable({
  labelledBy,
  nameHeader,
  rows,
  noLabel,
}: {
  labelledBy: string;
  nameHeader: string;
  rows: CoverageRow[];
  /** Shown for a row without a label (e.g. measures with no responsible unit). */
  noLabel: string;
}) {
  const t = useT();
  return (
    <DataTable
      labelledBy={labelledBy}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { label: nameHeader, cell: (r) => r.label ?? <span className="muted">{noLabel}</span> },
        { label: t("cp.cov.done"), num: true, cell: (r) => r.done },
        { label: t("cp.cov.notYet"), num: true, cell: (r) => r.notYet },
        { label: t("cp.cov.overdue"), num: true, cell: (r) => r.overdue },
        { label: t("cp.cov.total"), num: true, cell: (r) => r.total },
      ]}
    />
  );
}
